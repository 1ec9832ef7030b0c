// The worker pool with real module workers: start-up, reuse, resize, cancel, dispose, no leaks.
import { afterEach, describe, expect, it } from 'vitest';
import { liveWorkerCount, WorkerPool } from '../../src/pool/pool.ts';

const pools: WorkerPool[] = [];
async function makePool(size: number): Promise<WorkerPool> {
  const pool = await WorkerPool.create(size);
  pools.push(pool);
  return pool;
}

afterEach(() => {
  for (const p of pools.splice(0)) p.dispose();
});

describe('WorkerPool', () => {
  it('starts the workers once, measures the start-up apart and reuses them', async () => {
    const before = liveWorkerCount();
    const pool = await makePool(2);
    expect(pool.size).toBe(2);
    expect(liveWorkerCount()).toBe(before + 2);
    expect(pool.startupMs).toBeGreaterThan(0);
    const handles = pool.workers.map((w) => w.worker);
    const squares = await pool.map([1, 2, 3, 4, 5], 2, async (w, x) => (await w.api.ping()) && x * x);
    expect(squares).toEqual([1, 4, 9, 16, 25]);
    expect(pool.workers.map((w) => w.worker)).toEqual(handles); // same workers, no respawn
    expect(await pool.worker(0).api.crossOriginIsolated()).toBe(true);
  });

  it('resizes from 1 upward and back, without leaking workers', async () => {
    const before = liveWorkerCount();
    const pool = await makePool(1);
    await pool.resize(3);
    expect(pool.size).toBe(3);
    expect(liveWorkerCount()).toBe(before + 3);
    await pool.resize(1);
    expect(pool.size).toBe(1);
    expect(liveWorkerCount()).toBe(before + 1);
    await expect(pool.resize(0)).rejects.toThrow(RangeError);
  });

  it('leaves no worker behind after dispose, and refuses to run afterwards', async () => {
    const before = liveWorkerCount();
    const pool = await WorkerPool.create(3);
    expect(liveWorkerCount()).toBe(before + 3);
    pool.dispose();
    expect(liveWorkerCount()).toBe(before);
    await expect(pool.map([1], 1, async () => 1)).rejects.toThrow(/disposed/);
  });

  it('cancels a long run within 2 s, replaces the busy workers and stays usable', async () => {
    const pool = await makePool(2);
    const before = liveWorkerCount();
    const idle = pool.worker(1).worker;
    const busy = pool.worker(0).worker;
    const t0 = performance.now();
    const long = pool.call(pool.worker(0), (w) => w.api.spin(30_000)).then(
      () => 'finished',
      (e: unknown) => e,
    );
    await new Promise((r) => setTimeout(r, 100));
    await pool.cancel();
    expect(await long).toMatchObject({ name: 'AbortError' });
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(liveWorkerCount()).toBe(before); // the busy one was terminated and replaced, not added to
    expect(pool.worker(0).worker).not.toBe(busy);
    expect(pool.worker(1).worker).toBe(idle); // an idle worker is kept
    expect(await pool.map([3, 4], 2, async (w, x) => (await w.api.ping()) && x + 1)).toEqual([4, 5]);
  });

  it('cancel with nothing running changes nothing', async () => {
    const pool = await makePool(2);
    const handles = pool.workers.map((w) => w.worker);
    await pool.cancel();
    expect(pool.workers.map((w) => w.worker)).toEqual(handles);
  });
});
