// The 2.2 line profiler follows every JavaScript kernel of the lecture: each one,
// instrumented at build time, runs in the profile worker, computes the right
// product and gives hit counts that match its loops.
import { afterEach, describe, expect, it } from 'vitest';
import './real-panels.ts';
import { PROFILED_KERNEL_IDS } from '../../src/profile/kernels.ts';
import { until } from './mount-deck.ts';


afterEach(() => document.querySelectorAll('bench-panel').forEach((e) => e.remove()));

describe('profile panel, every JavaScript kernel', () => {
  it('offers the four kernels in a labelled menu', () => {
    const el = document.createElement('bench-panel');
    el.setAttribute('id', 'prof-menu');
    el.setAttribute('kind', 'profile');
    document.body.append(el);
    const select = el.querySelector<HTMLSelectElement>('select[name="kernel"]')!;
    expect(select.labels?.[0]?.textContent).toBe('Kernel');
    expect([...select.options].map((o) => o.value)).toEqual(PROFILED_KERNEL_IDS);
  });

  for (const kernel of PROFILED_KERNEL_IDS) {
    it(`profiles ${kernel}: correct product, its own source, counted lines`, async () => {
      localStorage.clear();
      const el = document.createElement('bench-panel');
      el.setAttribute('id', `prof-${kernel}`);
      el.setAttribute('kind', 'profile');
      for (const [k, v] of [['m', '4'], ['l', '5'], ['n', '6'], ['samples', '1']] as const) el.setAttribute(k, v);
      document.body.append(el);
      el.querySelector<HTMLSelectElement>('select[name="kernel"]')!.value = kernel;
      el.querySelector<HTMLButtonElement>('button.bp-run')!.click();
      await until(() => el.getAttribute('aria-busy') === 'true', 5000, 'busy');
      await until(() => el.getAttribute('aria-busy') !== 'true', 30_000, 'done');
      expect(el.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
      expect(el.textContent).toContain('✓ The instrumented kernel still computes the right product.');
      const table = el.querySelector('.bp-profile')!;
      expect(table.querySelector('caption')?.textContent).toContain(`${kernel} kernel, 4×5×6`);
      const hits = [...table.querySelectorAll('tbody tr')].map((r) => Number((r.children[1]!.textContent ?? '').replace(/,/g, '')) || 0);
      expect(Math.max(...hits)).toBeGreaterThan(0);
      // The loops over i and j (where a kernel has them) run m·n times.
      if (kernel === 'naive' || kernel === 'element-vectorised') expect(hits).toContain(4 * 6);
      if (kernel === 'naive') expect(hits).toContain(4 * 6 * 5);
    });
  }
});
