// <bench-panel> on services of the test's own: a runner that answers when the
// test says so, a Map for storage, a fixed clock, no worker at all. So progress,
// the drawing of results, a failure, Cancel and leaving the slide are checked
// exactly, without waiting for real kernels.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { abortError } from '../../src/bench/abort.ts';
import type { BenchRequest, BenchResult, Progress } from '../../src/bench/protocol.ts';
import type { RunOptions } from '../../src/bench/runner.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';
import { RESULTS_CHANGED } from '../../src/panels/host.ts';
import { cancelOnLeave } from '../../src/panels/leave.ts';
import { registerPanels } from '../../src/panels/register.ts';
import type { BenchRunner, Services } from '../../src/panels/services.ts';
import { loadResults, type KeyValueStore } from '../../src/panels/storage.ts';
import { env, failed, measured } from '../unit/series-fixtures.ts';
import { until } from './mount-deck.ts';

/** One call of the runner, held until the test settles it. */
interface Call {
  readonly request: BenchRequest;
  readonly opts: RunOptions;
  resolve(results: BenchResult[]): void;
  reject(e: unknown): void;
}

class FakeRunner implements BenchRunner {
  readonly calls: Call[] = [];
  run(request: BenchRequest, opts: RunOptions = {}): Promise<BenchResult[]> {
    return new Promise((resolve, reject) => {
      // As the real clients do: a cancelled run rejects with an AbortError.
      opts.signal?.addEventListener('abort', () => reject(abortError()), { once: true });
      this.calls.push({ request, opts, resolve, reject });
    });
  }
  get last(): Call {
    const c = this.calls.at(-1);
    if (!c) throw new Error('the runner was never called');
    return c;
  }
}

class MapStore implements KeyValueStore {
  private readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
  key = (i: number) => [...this.map.keys()][i] ?? null;
  get length() {
    return this.map.size;
  }
}

const runner = new FakeRunner();
const store = new MapStore();
const noPool = () => Promise.reject(new Error('no pool in this test'));
const services: Services = {
  document,
  runner,
  profiler: { run: () => Promise.reject(new Error('no profiler in this test')) },
  pool: noPool,
  store,
  environment: { page: () => env, cores: 2, peaks: async () => [null, null], gpuAdapter: async () => ({ available: false, reason: 'none in this test' }) },
  now: () => new Date('2026-11-23T21:00:00Z'),
  warmCharts: () => undefined,
};

const workers = vi.spyOn(window, 'Worker');
beforeAll(() => registerPanels(services));
afterEach(() => document.querySelectorAll('bench-panel').forEach((e) => e.remove()));

function mount(id: string, parent: Element = document.body): BenchPanel {
  const el = document.createElement('bench-panel') as BenchPanel;
  for (const [k, v] of Object.entries({ id, variants: 'naive,element-vectorised', m: '20', l: '10', n: '30', samples: '5' })) el.setAttribute(k, v);
  el.style.width = '620px';
  parent.append(el);
  return el;
}

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => el.querySelector(sel) as T;
const status = (el: Element) => q(el, '.bp-status').textContent ?? '';
const progress = (variantIndex: number, sample: number): Progress => ({ variant: 'naive', variantIndex, variantCount: 2, phase: 'sample', sample, sampleCount: 5 });

describe('<bench-panel> on a fake runner', () => {
  it('sends the form as a request, shows progress, then draws, keeps and announces the results', async () => {
    const el = mount('fake-ok');
    const announced: string[] = [];
    const onChange = (e: Event) => announced.push((e as CustomEvent<{ id: string }>).detail.id);
    document.addEventListener(RESULTS_CHANGED, onChange);
    const outcome = el.run();
    expect(el.getAttribute('aria-busy')).toBe('true');
    expect(q<HTMLButtonElement>(el, 'button.bp-run').disabled).toBe(true);
    expect(q<HTMLButtonElement>(el, 'button.bp-cancel').disabled).toBe(false);
    const call = runner.last;
    expect(call.request).toMatchObject({ variants: ['naive', 'element-vectorised'], shape: { m: 20, l: 10, n: 30 }, dtype: 'f64', samples: 5 });
    call.opts.onProgress?.(progress(0, 2));
    expect(status(el)).toBe('Variant 1 of 2 (naive): sample 3 of 5');
    call.resolve([measured('naive', [4, 5, 6], { m: 20, n: 30 }), failed('element-vectorised', 'no memory for it')]);
    expect(await outcome).toBe('done');
    // A progress message that trails the results must not overwrite the final status.
    call.opts.onProgress?.(progress(1, 4));
    expect(status(el)).toMatch(/^Done at /);
    expect(el.hasAttribute('aria-busy')).toBe(false);
    const rows = [...el.querySelectorAll('.bp-table tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('✓ correct');
    expect(rows[1]).toContain('no memory for it');
    expect(loadResults(store, 'fake-ok')?.map((r) => r.variant)).toEqual(['naive', 'element-vectorised']);
    expect(announced).toEqual(['fake-ok']);
    document.removeEventListener(RESULTS_CHANGED, onChange);
  });

  it('shows a failed run in the alert, keeps the earlier results, and runs again', async () => {
    const el = mount('fake-ok');
    await until(() => el.querySelector('.bp-table tbody tr') !== null, 5000, 'kept results');
    const outcome = el.run();
    runner.last.reject(new Error('the bench worker failed: could not load'));
    expect(await outcome).toBe('failed');
    expect(q(el, '[role="alert"]').textContent).toBe('The run failed: the bench worker failed: could not load');
    expect(el.hasAttribute('aria-busy')).toBe(false);
    expect(el.querySelectorAll('.bp-table tbody tr')).toHaveLength(2);
    const again = el.run();
    expect(q(el, '[role="alert"]').textContent).toBe('');
    runner.last.resolve([measured('naive', [1, 2, 3], { m: 20, n: 30 })]);
    expect(await again).toBe('done');
    expect(el.querySelectorAll('.bp-table tbody tr')).toHaveLength(1);
  });

  it('Cancel aborts the runner\'s signal and leaves the kept results', async () => {
    const el = mount('fake-cancel');
    const outcome = el.run();
    const call = runner.last;
    q<HTMLButtonElement>(el, 'button.bp-cancel').click();
    expect(call.opts.signal?.aborted).toBe(true);
    expect(await outcome).toBe('cancelled');
    expect(status(el)).toMatch(/^Cancelled/);
    expect(el.results).toBeNull();
    expect(loadResults(store, 'fake-cancel')).toBeNull();
    expect(q<HTMLButtonElement>(el, 'button.bp-cancel').disabled).toBe(true);
  });

  it('leaving the slide cancels its run the same way; a panel on the slide shown keeps running', async () => {
    const left = document.createElement('section');
    const shown = document.createElement('section');
    document.body.append(left, shown);
    const leaving = mount('fake-leave', left);
    const staying = mount('fake-stay', shown);
    let listener: ((e: Event) => void) | null = null;
    cancelOnLeave({ on: (_type, l) => void (listener = l) });
    const a = leaving.run();
    const callA = runner.last;
    const b = staying.run();
    const callB = runner.last;
    listener!(Object.assign(new Event('slidechanged'), { previousSlide: left, currentSlide: shown }));
    expect(callA.opts.signal?.aborted).toBe(true);
    expect(await a).toBe('cancelled');
    expect(status(leaving)).toMatch(/^Cancelled/);
    expect(callB.opts.signal?.aborted).toBe(false);
    callB.resolve([measured('naive', [1, 2, 3], { m: 20, n: 30 })]);
    expect(await b).toBe('done');
    left.remove();
    shown.remove();
  });

  it('refuses pool-row on the big set with 8 workers in the form, before any run; 2 workers go to the runner', async () => {
    const el = document.createElement('bench-panel') as BenchPanel;
    for (const [k, v] of Object.entries({ id: 'fake-guard', variants: 'pool-row', dataset: 'big', workers: '8', samples: '5' })) el.setAttribute(k, v);
    document.body.append(el);
    const calls = runner.calls.length;
    expect(await el.run()).toBe('invalid');
    expect(runner.calls).toHaveLength(calls);
    expect(q(el, '[role="alert"]').textContent).toMatch(/pool-row needs 1\.7 GiB .*in each of 8 workers/);
    const workersInput = q<HTMLInputElement>(el, 'input[name="workers"]');
    workersInput.value = '2';
    const outcome = el.run();
    expect(runner.last.request).toMatchObject({ variants: ['pool-row'], shape: { m: 200, l: 100000, n: 400 }, dtype: 'f32', workers: 2 });
    runner.last.reject(abortError());
    expect(await outcome).toBe('cancelled');
  });

  it('started no worker: everything went through the injected services', () => {
    expect(workers).not.toHaveBeenCalled();
  });
});
