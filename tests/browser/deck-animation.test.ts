// The 1.1 animation on its own: the steps it shows, its buttons, and that it never
// plays by itself for viewers who asked for reduced motion.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountMatmulAnimation } from '../../src/deck/widgets/matmul-animation.ts';
import { elementTerms, filledBefore, matmulSteps } from '../../src/deck/widgets/matmul-steps.ts';

const hosts: HTMLElement[] = [];
const disposers: Array<() => void> = [];
function mount(): HTMLElement {
  const host = document.createElement('div');
  host.className = 'matmul-animation';
  host.style.width = '400px';
  document.body.append(host);
  hosts.push(host);
  disposers.push(mountMatmulAnimation(host));
  return host;
}
afterEach(() => {
  disposers.splice(0).forEach((d) => d());
  hosts.splice(0).forEach((h) => h.remove());
  vi.unstubAllGlobals();
});

describe('matmul steps (pure)', () => {
  it('visits every c_ij in row-major order with select, multiply, sum', () => {
    const steps = matmulSteps(2, 3);
    expect(steps).toHaveLength(2 * 3 * 3);
    expect(steps.slice(0, 4)).toEqual([
      { i: 0, j: 0, phase: 'select' },
      { i: 0, j: 0, phase: 'multiply' },
      { i: 0, j: 0, phase: 'sum' },
      { i: 0, j: 1, phase: 'select' },
    ]);
    expect(steps.at(-1)).toEqual({ i: 1, j: 2, phase: 'sum' });
  });
  it('computes the products and the sum of one element', () => {
    // A = [[1, 2], [3, 4]], B = [[5, 6], [7, 8]]: c_01 = 1·6 + 2·8 = 22
    expect(elementTerms([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 0, 1)).toEqual({ products: [6, 16], sum: 22 });
  });
  it('fills C only up to the current element, and that one only once summed', () => {
    const filled = filledBefore({ i: 1, j: 0, phase: 'multiply' }, 3);
    expect([filled(0, 2), filled(1, 0), filled(1, 1)]).toEqual([true, false, false]);
    expect(filledBefore({ i: 1, j: 0, phase: 'sum' }, 3)(1, 0)).toBe(true);
  });
});

describe('the animation widget', () => {
  it('steps through select, multiply and sum with the buttons', () => {
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    const host = mount();
    const [back, , next] = host.querySelectorAll('button');
    const caption = () => host.querySelector('.anim-caption')!.textContent!;
    expect(caption()).toMatch(/^c00: take row 0 of A and column 0 of B/);
    expect(host.querySelectorAll('.a rect.hl')).toHaveLength(4); // row 0 of the 3×4 A
    expect(host.querySelectorAll('.b rect.hl')).toHaveLength(4); // column 0 of the 4×3 B
    next!.click();
    expect(caption()).toMatch(/^multiply element-wise/);
    next!.click();
    expect(caption()).toMatch(/^reduce with a sum: c00 = .* = \d+$/);
    expect(host.querySelectorAll('.c rect.done')).toHaveLength(1);
    back!.click();
    back!.click();
    back!.click(); // wraps around to the last step
    expect(caption()).toMatch(/^reduce with a sum: c22/);
    expect(host.querySelectorAll('.c rect.done')).toHaveLength(9);
  });

  it('does not autoplay under prefers-reduced-motion', async () => {
    vi.stubGlobal('matchMedia', () => ({ matches: true }));
    const host = mount();
    await new Promise((r) => setTimeout(r, 1600));
    expect(host.dataset.step).toBe('0');
    expect(host.querySelectorAll('button')[1]!.textContent).toContain('Play');
  });

  it('plays by itself when motion is welcome and it is visible, and pauses on request', async () => {
    vi.stubGlobal('matchMedia', () => ({ matches: false }));
    const host = mount();
    await new Promise((r) => setTimeout(r, 1600));
    expect(Number(host.dataset.step)).toBeGreaterThan(0);
    const play = host.querySelectorAll('button')[1]!;
    play.click();
    const stopped = host.dataset.step;
    await new Promise((r) => setTimeout(r, 1300));
    expect(host.dataset.step).toBe(stopped);
  });
});
