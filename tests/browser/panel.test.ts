// <bench-panel> against the real runner: real workers, real kernels, small shapes.
// Nothing here asserts a speed; only behaviour (chart, table, correctness,
// cancel, validation, storage, export, and that the page never blocks).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mountPanel, services } from './real-panels.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';
import { storageKey } from '../../src/panels/storage.ts';
import { warmPlot } from '../../src/charts/render.ts';
import { mountEnvironmentButton } from '../../src/panels/environment.ts';
import { until } from './mount-deck.ts';

const mount = (attrs: Record<string, string>): BenchPanel => mountPanel<BenchPanel>(attrs);

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => el.querySelector(sel) as T;


const busy = (el: Element) => el.getAttribute('aria-busy') === 'true';

async function runAndWait(el: BenchPanel): Promise<void> {
  q<HTMLButtonElement>(el, 'button.bp-run').click();
  await until(() => busy(el), 5000, 'busy');
  await until(() => !busy(el), 60_000, 'run to finish');
}

beforeAll(() => localStorage.clear());
afterEach(() => document.querySelectorAll('bench-panel').forEach((e) => e.remove()));

describe('<bench-panel> (matmul)', () => {
  it('has labelled, keyboard-reachable controls', () => {
    const el = mount({ id: 'labels', variants: 'naive', dataset: 'lowL' });
    for (const name of ['m', 'l', 'n', 'samples', 'dtype']) {
      const input = q<HTMLInputElement>(el, `[name="${name}"]`);
      expect(input, name).not.toBeNull();
      expect(input.labels?.[0]?.textContent?.length).toBeGreaterThan(0);
      expect(input.tabIndex).toBe(0);
    }
    expect(q<HTMLInputElement>(el, '[name="m"]').value).toBe('200');
    expect(q<HTMLInputElement>(el, '[name="l"]').value).toBe('10');
    expect(q(el, 'button.bp-run').tagName).toBe('BUTTON');
    expect(q(el, 'button.bp-cancel').tagName).toBe('BUTTON');
    expect(q(el, '[role="alert"]')).not.toBeNull();
    // No workers input for serial variants; one for parallel ones.
    expect(q(el, '[name="workers"]')).toBeNull();
    const par = mount({ id: 'labels-par', variants: 'pool-row' });
    expect(q(par, '[name="workers"]')).not.toBeNull();
  });

  it('runs: a chart, a table with correctness, progress while busy', async () => {
    // A serial pair and a parallel variant: runBench sends them to the bench worker and the pool.
    const el = mount({ id: 'run', variants: 'naive,element-vectorised,pool-row', m: '40', l: '10', n: '60', samples: '5', workers: '2' });
    // Panels preload Plot when idle after mounting (before anyone can press Run).
    await warmPlot();
    // (The long-task check of this run lives in tests/browser-quiet/, where nothing competes for the cores.)
    const statuses = new Set<string>();
    const mo = new MutationObserver(() => statuses.add(q(el, '.bp-status').textContent ?? ''));
    mo.observe(q(el, '.bp-status'), { childList: true, characterData: true, subtree: true });
    await runAndWait(el);
    mo.disconnect();
    expect([...statuses].some((s) => /Variant 1 of 3 \(naive\): sample \d of 5/.test(s))).toBe(true);
    expect([...statuses].some((s) => /Variant 3 of 3 \(pool-row\)/.test(s))).toBe(true);
    expect(q(el, '.bp-chart svg')).not.toBeNull();
    const rows = el.querySelectorAll('.bp-table tbody tr');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('naive');
    for (const row of rows) expect(row.textContent).toContain('✓ correct');
    expect(rows[2]!.textContent).toContain('pool-row');
    expect(q(el, '.bp-env').textContent).toMatch(/cores/);
  });

  it('keeps results across a re-mount and exports them in the bench --json schema', async () => {
    const first = mount({ id: 'keep', variants: 'naive', m: '20', l: '10', n: '30', samples: '5' });
    await runAndWait(first);
    const median = (first.results as { medianMs: number }[])[0]!.medianMs;
    first.remove();
    const again = mount({ id: 'keep', variants: 'naive', m: '20', l: '10', n: '30', samples: '5' });
    expect(q(again, '.bp-status').textContent).toMatch(/Kept results/);
    await until(() => again.querySelector('.bp-table tbody tr') !== null, 5000, 'table from storage');
    expect((again.results as { medianMs: number }[])[0]!.medianMs).toBe(median);
    const exported = JSON.parse(again.exportText('json')) as Record<string, unknown>[];
    expect(Array.isArray(exported)).toBe(true);
    for (const k of ['variant', 'm', 'l', 'n', 'dtype', 'workers', 'samplesMs', 'medianMs', 'gflops', 'correct']) expect(exported[0]).toHaveProperty(k);
    expect(exported[0]!.variant).toBe('naive');
    expect(again.exportText('csv').split('\r\n')[0]).toMatch(/^variant,m,l,n,dtype,workers,status,medianMs/);
  });

  it('ignores a corrupt stored entry', () => {
    localStorage.setItem(storageKey('corrupt'), '{"version":1,"results":[{"variant":');
    const el = mount({ id: 'corrupt', variants: 'naive' });
    expect(q(el, '.bp-status').textContent).toMatch(/Not run yet/);
    expect(el.querySelector('.bp-table tbody tr')).toBeNull();
  });

  it('flags bad values with aria-invalid and an alert, and does not run', async () => {
    const el = mount({ id: 'bad', variants: 'naive,indexing' });
    const m = q<HTMLInputElement>(el, '[name="m"]');
    const samples = q<HTMLInputElement>(el, '[name="samples"]');
    for (const [value, pattern] of [
      ['', /empty/],
      ['abc', /not a number/],
      ['2.5', /whole number/],
      ['0', /at least 1/],
      ['-4', /positive/],
    ] as const) {
      m.value = value;
      q<HTMLButtonElement>(el, 'button.bp-run').click();
      expect(m.getAttribute('aria-invalid')).toBe('true');
      expect(q(el, '[role="alert"]').textContent).toMatch(pattern);
      expect(busy(el)).toBe(false);
    }
    m.value = '200';
    samples.value = '1000';
    q<HTMLButtonElement>(el, 'button.bp-run').click();
    expect(m.getAttribute('aria-invalid')).toBeNull();
    expect(samples.getAttribute('aria-invalid')).toBe('true');
    // A shape whose gathered copies (indexing) exceed the memory budget.
    samples.value = '5';
    m.value = '2000';
    q<HTMLInputElement>(el, '[name="l"]').value = '1000';
    q<HTMLInputElement>(el, '[name="n"]').value = '2000';
    q<HTMLButtonElement>(el, 'button.bp-run').click();
    expect(m.getAttribute('aria-invalid')).toBe('true');
    expect(q(el, '[role="alert"]').textContent).toMatch(/indexing needs .* budget/);
    expect(busy(el)).toBe(false);
    expect(q(el, '.bp-status').textContent).toMatch(/Not run/);
  });

  it('cancels within 2 s, and the next run works', async () => {
    // naive on the high-l shape with many samples: tens of seconds if not cancelled.
    const el = mount({ id: 'cancel', variants: 'naive', dataset: 'highL', samples: '100' });
    q<HTMLInputElement>(el, '[name="l"]').value = '200000';
    q<HTMLButtonElement>(el, 'button.bp-run').click();
    await until(() => /sample|warm|first|prepar/i.test(q(el, '.bp-status').textContent ?? ''), 15_000, 'run to start');
    const t0 = performance.now();
    q<HTMLButtonElement>(el, 'button.bp-cancel').click();
    await until(() => !busy(el), 5000, 'cancel');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(q(el, '.bp-status').textContent).toMatch(/Cancelled/);
    q<HTMLInputElement>(el, '[name="l"]').value = '10';
    q<HTMLInputElement>(el, '[name="m"]').value = '10';
    q<HTMLInputElement>(el, '[name="n"]').value = '10';
    q<HTMLInputElement>(el, '[name="samples"]').value = '5';
    await runAndWait(el);
    expect(el.querySelector('.bp-table tbody tr')?.textContent).toContain('✓');
  });

  it('in a speaker-view preview (?receiver) shows kept results and cannot run', () => {
    history.replaceState(null, '', `${location.pathname}?receiver${location.hash}`);
    try {
      const el = mount({ id: 'keep', variants: 'naive', m: '20', l: '10', n: '30', samples: '5' });
      expect(q<HTMLButtonElement>(el, 'button.bp-run').disabled).toBe(true);
      expect(q(el, '.bp-status').textContent).toMatch(/audience window/);
      q<HTMLButtonElement>(el, 'button.bp-run').click();
      expect(busy(el)).toBe(false);
    } finally {
      history.replaceState(null, '', location.pathname + location.hash);
    }
  });
});

describe('mountEnvironmentButton()', () => {
  it('opens a dialog with isolation, cores, timer resolution, SIMD and browser', () => {
    const button = mountEnvironmentButton(document, services.environment);
    expect(mountEnvironmentButton(document, services.environment)).toBe(button);
    button.click();
    const dialog = document.querySelector('dialog.env-dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(true);
    const text = dialog.textContent ?? '';
    for (const k of ['Cross-origin isolated', 'SharedArrayBuffer', 'Cores', 'Timer resolution', 'WebAssembly SIMD', 'Browser']) expect(text).toContain(k);
    expect(text).toMatch(/Cross-origin isolatedyes/);
    dialog.close();
  });
});
