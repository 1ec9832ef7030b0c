// The race demo of 4.2.2: several workers add 1 to one shared Int32 counter,
// at least `times` times each, first with a plain `counter[0]++` (updates get
// lost), then with Atomics.add (exact). Each worker also records when its loop
// ran and whether it saw the others run meanwhile, so a total that came out
// exact can be told apart from loops that never met. Returns plain data.
import type { WorkerPool } from '../pool/pool.ts';
import { RACE_SLOTS } from './race-kernels.ts';
import { summariseLoops, type RaceLoop, type RaceOverlap } from './race-overlap.ts';
import { requireSharedMemory } from './shared-arrays.ts';

export type RaceMode = 'plain' | 'atomic';

export interface RaceResult {
  readonly mode: RaceMode;
  readonly workers: number;
  /** Each worker's share; a worker may do more while it waits for the others to run (see raceLoop). */
  readonly timesPerWorker: number;
  /** Increments the workers performed, all together: what the counter should read. */
  readonly expected: number;
  readonly got: number;
  /** Increments that vanished because two read-modify-writes overlapped. */
  readonly lost: number;
  /** Time each worker spent in its loop, in ms. */
  readonly loopMs: number[];
  /** Each worker's loop, stamps in ms from the earliest start. */
  readonly loops: RaceLoop[];
  readonly overlap: RaceOverlap;
}

export interface RaceOptions {
  readonly workers?: number;
  /** Increments per worker (the more, the more overlaps). */
  readonly times?: number;
  /** The caller's pool; the demo resizes it when it has fewer than `workers`. */
  readonly pool: WorkerPool;
}

/** Enough increments that the loops overlap for many milliseconds, yet the total fits an Int32. */
export const DEFAULT_RACE_TIMES = 5_000_000;

function checkRaceParameters(workers: number, times: number): void {
  if (!Number.isInteger(workers) || workers < 1 || workers > RACE_SLOTS.maxWorkers) throw new RangeError(`workers must be a whole number from 1 to ${RACE_SLOTS.maxWorkers}, got ${workers}`);
  if (!Number.isInteger(times) || times < 1) throw new RangeError(`increments must be a whole number ≥ 1, got ${times}`);
  if (workers * times > 2 ** 31 - 1) throw new RangeError('workers × increments must fit in an Int32 (≤ 2 147 483 647)');
}

/** Waits, without blocking this thread, until `count` workers have checked in at the start gate. */
async function untilReady(cells: Int32Array, count: number, failed: Promise<unknown>): Promise<void> {
  const deadline = performance.now() + 10_000;
  let stop = false;
  failed.catch(() => {
    stop = true;
  });
  for (;;) {
    const seen = Atomics.load(cells, RACE_SLOTS.ready);
    if (seen >= count) return;
    if (stop) return; // the caller awaits `failed` and reports its error
    if (performance.now() > deadline) throw new Error('race demo: workers did not start within 10 s');
    // Atomics.wait would block the page; waitAsync (or a short timer) does not.
    const waitAsync = (Atomics as { waitAsync?: (a: Int32Array, i: number, v: number, t: number) => { async: boolean; value: unknown } }).waitAsync;
    if (waitAsync) {
      const r = waitAsync(cells, RACE_SLOTS.ready, seen, 50);
      if (r.async) await r.value;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
}

export async function raceOnce(pool: WorkerPool, mode: RaceMode, workers: number, times: number): Promise<RaceResult> {
  checkRaceParameters(workers, times);
  requireSharedMemory('the race demo');
  if (workers > pool.size) await pool.resize(workers);
  const cells = new Int32Array(new SharedArrayBuffer(RACE_SLOTS.length * Int32Array.BYTES_PER_ELEMENT));
  const used = pool.workers.slice(0, workers);
  const calls = Promise.all(used.map((w, i) => pool.call(w, (pw) => pw.api.race(cells, { worker: i, workers, times, atomic: mode === 'atomic' }))));
  try {
    await untilReady(cells, used.length, calls);
  } finally {
    // Open the gate for everyone at once, so the loops really run side by side
    // (and, should a worker fail to check in, so the others stop spinning).
    Atomics.store(cells, RACE_SLOTS.go, 1);
  }
  const { loops, overlap } = summariseLoops(await calls);
  const expected = loops.reduce((sum, l) => sum + l.increments, 0);
  const got = Atomics.load(cells, RACE_SLOTS.counter);
  return { mode, workers, timesPerWorker: times, expected, got, lost: expected - got, loopMs: loops.map((l) => l.loopMs), loops, overlap };
}

/** Both modes, plain first. */
export async function runRace(opts: RaceOptions): Promise<{ plain: RaceResult; atomic: RaceResult }> {
  // Before the pool is touched: without isolation the demo cannot run, and saying so must not wait for a worker.
  requireSharedMemory('the race demo');
  const { pool } = opts;
  const workers = opts.workers ?? Math.max(2, pool.size);
  const times = opts.times ?? DEFAULT_RACE_TIMES;
  checkRaceParameters(workers, times);
  return pool.exclusive(async () => ({
    plain: await raceOnce(pool, 'plain', workers, times),
    atomic: await raceOnce(pool, 'atomic', workers, times),
  }));
}
