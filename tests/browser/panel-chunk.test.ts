// The chunk-size field of <bench-panel> (4.1): shown for per-element parallel
// variants, validated like the other fields, sent to the pool, and reported
// with the results. No speed is asserted, only that the size chosen is the one
// used: the panel's request carries it to the dispatcher worker, and runParallel
// (what the dispatcher runs) is watched, on a pool of this page, for how many
// tasks each product is cut into.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mountPanel } from './real-panels.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';
import type { BenchResult } from '../../src/bench/protocol.ts';
import { WorkerPool, type PoolWorker } from '../../src/pool/pool.ts';
import { runParallel } from '../../src/parallel/run.ts';
import { until } from './mount-deck.ts';

const mount = (attrs: Record<string, string>): BenchPanel => mountPanel<BenchPanel>(attrs);

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => el.querySelector(sel) as T;
const busy = (el: Element) => el.getAttribute('aria-busy') === 'true';


async function runAndWait(el: BenchPanel): Promise<void> {
  q<HTMLButtonElement>(el, 'button.bp-run').click();
  await until(() => busy(el), 5000, 'busy');
  await until(() => !busy(el), 60_000, 'run to finish');
}

/** Records how many tasks each pool.map call hands out, while the real map runs them. */
function watchTasks(pool: WorkerPool): { counts: number[]; stop: () => void } {
  const counts: number[] = [];
  const original = pool.map.bind(pool);
  pool.map = <T, R>(tasks: readonly T[], workers: number, fn: (w: PoolWorker, task: T, index: number) => Promise<R>) => {
    counts.push(tasks.length);
    return original(tasks, workers, fn);
  };
  return { counts, stop: () => void delete (pool as unknown as Record<string, unknown>).map };
}

beforeAll(() => localStorage.clear());
afterEach(() => document.querySelectorAll('bench-panel').forEach((e) => e.remove()));

describe('<bench-panel> chunk size', () => {
  it('is a labelled, keyboard-reachable field only where a chunk size means something', () => {
    const el = mount({ id: 'chunk-labels', variants: 'naive,pool-element,pool-row' });
    const chunk = q<HTMLInputElement>(el, '[name="chunk"]');
    expect(chunk).not.toBeNull();
    expect(chunk.labels?.[0]?.textContent).toBe('Chunk size (elements per message)');
    expect(chunk.tabIndex).toBe(0);
    // Empty = auto (one chunk per worker), and the field says so.
    expect(chunk.value).toBe('');
    expect(chunk.placeholder).toBe('auto');
    expect(chunk.title).toMatch(/empty = auto, one chunk per worker/);
    expect(mount({ id: 'chunk-shared', variants: 'shared-element' }).querySelector('[name="chunk"]')).not.toBeNull();
    expect(q<HTMLInputElement>(mount({ id: 'chunk-set', variants: 'pool-element', chunk: '250' }), '[name="chunk"]').value).toBe('250');
    // Row tasks and serial kernels have no chunk size: no field, unless the slide declares one.
    expect(mount({ id: 'chunk-none', variants: 'naive,pool-row,shared-row' }).querySelector('[name="chunk"]')).toBeNull();
    expect(mount({ id: 'chunk-declared', variants: 'pool-row', chunk: '' }).querySelector('[name="chunk"]')).not.toBeNull();
  });

  it('flags bad values with aria-invalid and an alert, and does not run', () => {
    const el = mount({ id: 'chunk-bad', variants: 'pool-element', m: '20', l: '10', n: '30', samples: '5' });
    const chunk = q<HTMLInputElement>(el, '[name="chunk"]');
    for (const [value, pattern] of [
      ['0', /Chunk size must be at least 1/],
      ['abc', /Chunk size "abc" is not a number/],
      ['2.5', /Chunk size must be a whole number/],
      ['-4', /positive/],
      ['2000000', /at most 1,000,000/],
    ] as const) {
      chunk.value = value;
      q<HTMLButtonElement>(el, 'button.bp-run').click();
      expect(chunk.getAttribute('aria-invalid'), value).toBe('true');
      expect(q(el, '[role="alert"]').textContent).toMatch(pattern);
      expect(q<HTMLInputElement>(el, '[name="m"]').getAttribute('aria-invalid')).toBeNull();
      expect(busy(el)).toBe(false);
      expect(q(el, '.bp-status').textContent).toMatch(/Not run/);
    }
    expect(document.activeElement).toBe(chunk);
    // Typing clears the flag.
    chunk.value = '12';
    chunk.dispatchEvent(new Event('input', { bubbles: true }));
    expect(chunk.getAttribute('aria-invalid')).toBeNull();
  });

  it('a request\'s chunk size is what runParallel cuts the product into', async () => {
    const pool = await WorkerPool.create(2);
    const shape = { m: 20, l: 10, n: 30 };
    try {
      for (const [chunkSize, tasks] of [[50, 12], [undefined, 2]] as const) {
        const watch = watchTasks(pool);
        try {
          const [r] = await runParallel({ variants: ['pool-element'], shape, dtype: 'f64', samples: 5, workers: 2, ...(chunkSize ? { chunkSize } : {}) }, { pool });
          expect(r).toMatchObject({ status: 'ok', correct: true, chunkSize: chunkSize ?? 300 });
        } finally {
          watch.stop();
        }
        expect(watch.counts.length).toBeGreaterThan(0);
        expect(new Set(watch.counts)).toEqual(new Set([tasks]));
      }
    } finally {
      pool.dispose();
    }
  });

  it('runs with the chunk size typed, reports it, and keeps it in the export', async () => {
    const el = mount({ id: 'chunk-run', variants: 'pool-element', m: '20', l: '10', n: '30', samples: '5', workers: '2' });
    const chunk = q<HTMLInputElement>(el, '[name="chunk"]');
    // 600 elements in chunks of 50: 12 messages per product.
    chunk.value = '50';
    await runAndWait(el);
    expect(q(el, '[role="alert"]').textContent).toBe('');
    let [r] = el.results as BenchResult[];
    expect(r).toMatchObject({ variant: 'pool-element', status: 'ok', correct: true, workers: 2, chunkSize: 50 });
    expect(q(el, '.bp-chunk').textContent).toBe('Chunk size: pool-element 50 elements per message (12 messages per product).');
    // The pool's start-up is measured (in the dispatcher, when it started its workers) and printed.
    expect(r!.status === 'ok' && (r!.startupMs ?? 0) > 0).toBe(true);
    expect(q(el, '.bp-startup').textContent).toMatch(/Worker pool start-up .*2 workers: [\d.]+ (ms|µs|s)/);
    expect(q(el, '.bp-table tbody tr').textContent).toContain('✓ correct');
    const exported = JSON.parse(el.exportText('json')) as Record<string, unknown>[];
    expect(exported[0]!.chunkSize).toBe(50);

    // Empty: auto, one chunk per worker.
    chunk.value = '';
    await runAndWait(el);
    [r] = el.results as BenchResult[];
    expect(r).toMatchObject({ status: 'ok', correct: true, chunkSize: 300 });
    expect(q(el, '.bp-chunk').textContent).toMatch(/300 elements per message \(2 messages per product, one per worker\)/);

    // Kept results say it too after a re-mount.
    el.remove();
    const again = mount({ id: 'chunk-run', variants: 'pool-element', m: '20', l: '10', n: '30', samples: '5', workers: '2' });
    await until(() => again.querySelector('.bp-chunk') !== null, 5000, 'kept chunk note');
    expect(q(again, '.bp-chunk').textContent).toMatch(/300 elements per message/);
  });
});
