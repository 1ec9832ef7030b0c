// The race demo's own field is validated like every other field: before anything
// runs, with its message in the panel's alert and aria-describedby pointing there.
import { describe, expect, it } from 'vitest';
import './real-panels.ts';

function mount(): HTMLElement {
  const el = document.createElement('bench-panel');
  el.setAttribute('id', 'race-check');
  el.setAttribute('kind', 'race');
  el.setAttribute('workers', '2');
  document.body.append(el);
  return el;
}

describe('race panel validation', () => {
  it('refuses a bad increment count before the run starts, and says why next to the field', async () => {
    const el = mount();
    const input = el.querySelector<HTMLInputElement>('input[name="times"]')!;
    expect(input).not.toBeNull();
    const alert = el.querySelector<HTMLElement>('[role="alert"]')!;
    expect(input.getAttribute('aria-describedby')).toBe(alert.id);
    expect(document.getElementById(alert.id)).toBe(alert);
    input.value = '12abc';
    el.querySelector<HTMLButtonElement>('button.bp-run')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.getAttribute('aria-busy')).not.toBe('true');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(alert.textContent).toMatch(/Increments per worker/);
    expect(alert.textContent).not.toMatch(/The run failed/);
    expect(el.querySelector('.bp-status')?.textContent).toMatch(/Not run/);
    el.remove();
  });
});
