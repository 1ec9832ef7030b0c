// Pressing Run again and again must not grow the page: after a garbage collection
// the heap, the event listeners and the live workers stay flat. (Each pool call
// once left a closure on a promise that never settles, ~800 KB per run of the
// pool-element panel; each serial run left a progress port and its listener.)
import { describe, expect, it } from 'vitest';
import { cdp } from 'vitest/browser';
import { until, usePanelDeck } from './mount-deck.ts';
import './real-panels.ts';
import { liveWorkerCount, WorkerPool } from '../../src/pool/pool.ts';

const deck = usePanelDeck();


interface Counters {
  readonly heap: number;
  readonly listeners: number;
  readonly workers: number;
}

async function settle(): Promise<Counters> {
  const session = cdp();
  // Let the last messages and timers of the run drain before collecting.
  await new Promise((r) => setTimeout(r, 200));
  await session.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) await session.send('HeapProfiler.collectGarbage');
  const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  const dom = (await session.send('Memory.getDOMCounters')) as { jsEventListeners: number };
  // Every worker of the browser, nested ones (the dispatcher's pool) included.
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { type: string }[] };
  const workers = targetInfos.filter((t) => t.type === 'worker').length;
  return { heap: heap.usedSize, listeners: dom.jsEventListeners, workers: Math.max(workers, liveWorkerCount()) };
}

async function runPanel(id: string): Promise<void> {
  const panel = deck.root.querySelector<HTMLElement>(`#bench-${id}`);
  if (!panel) throw new Error(`no panel ${id}`);
  deck.show(panel);
  panel.querySelector<HTMLButtonElement>('button.bp-run')!.click();
  await until(() => panel.getAttribute('aria-busy') === 'true', 5_000, `${id} busy`);
  await until(() => panel.getAttribute('aria-busy') !== 'true', 60_000, `${id} done`);
  expect(panel.textContent).toMatch(/✓ correct/);
  expect(panel.textContent).not.toMatch(/✗ WRONG/);
}

describe('repeated runs', () => {
  // The pool-element panel of 4.1 makes hundreds of pool calls per run; the
  // element-vectorised panel of 3.1 is a serial run with progress messages.
  for (const [id, runs] of [['pool-element', 12], ['element-vectorised', 8]] as const) {
    it(`${runs} runs of the ${id} panel keep heap, listeners and workers flat`, async () => {
      await runPanel(id); // the first run may allocate for good (workers, wasm, Plot)
      const first = await settle();
      for (let i = 1; i < runs; i++) await runPanel(id);
      const last = await settle();
      const growth = (last.heap - first.heap) / first.heap;
      console.log(`${id}: heap ${(first.heap / 2 ** 20).toFixed(1)} → ${(last.heap / 2 ** 20).toFixed(1)} MiB (${(growth * 100).toFixed(1)} %), listeners ${first.listeners} → ${last.listeners}, workers ${first.workers} → ${last.workers}`);
      expect(growth).toBeLessThan(0.1);
      expect(last.listeners).toBeLessThanOrEqual(first.listeners + 2);
      expect(last.workers).toBe(first.workers);
    }, 240_000);
  }
});

describe('the worker pool itself', () => {
  // The panels' pool now lives in the dispatcher worker, whose heap the page
  // cannot see; this pool on the page makes the same calls the variants make.
  it('thousands of calls leave nothing behind on the caller side', async () => {
    const pool = await WorkerPool.create(2);
    try {
      const round = () => pool.map(Array.from({ length: 2000 }, (_, i) => i), 2, async (w, x) => ((await w.api.ping()) ? x : -1));
      await round();
      const first = await settle();
      for (let r = 0; r < 5; r++) expect((await round()).length).toBe(2000);
      const last = await settle();
      const growth = (last.heap - first.heap) / first.heap;
      console.log(`pool: heap ${(first.heap / 2 ** 20).toFixed(1)} → ${(last.heap / 2 ** 20).toFixed(1)} MiB after 10000 calls (${(growth * 100).toFixed(1)} %)`);
      expect(growth).toBeLessThan(0.02); // the old race against a never-settling promise grew it by ~7 % here
    } finally {
      pool.dispose();
    }
  }, 120_000);
});
