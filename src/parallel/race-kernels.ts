// The two loops of the race demo (4.2.2), as plain functions over a shared
// Int32Array, and the driver each worker runs them in. Pure: the worker
// (workers/pool.worker.ts) lines the workers up, hands in a clock and calls
// raceLoop; src/parallel/race.ts reads the total and the loop records.
import type { RaceLoopRecord, RaceLoopSpec } from '../pool/protocol.ts';
import { MAX_WORKERS } from './shared-arrays.ts';

// #region race
/** counter[0]++ is a read, an add and a write: another worker can write in between, and its update is lost. */
export function incrementPlain(counter: Int32Array, times: number): void {
  for (let t = 0; t < times; t++) counter[0]!++;
}

/** Atomics.add does the read-add-write as one indivisible step: no update is lost. */
export function incrementAtomic(counter: Int32Array, times: number): void {
  for (let t = 0; t < times; t++) Atomics.add(counter, 0, 1);
}
// #endregion race

/**
 * Slots of the race's shared Int32Array. The counter, the start gate and each
 * worker's progress sit on cache lines of their own (16 Int32 = 64 bytes), so
 * the bookkeeping does not slow the counter it watches.
 * Per worker i: progress(i) = increments done so far, progress(i) + 1 = 1 once finished.
 */
export const RACE_SLOTS = { counter: 0, ready: 16, go: 32, progress: 48, stride: 16, maxWorkers: MAX_WORKERS, length: 48 + MAX_WORKERS * 16 } as const;

export function progressSlot(worker: number): number {
  return RACE_SLOTS.progress + worker * RACE_SLOTS.stride;
}

/**
 * Increments between two looks at the other workers' progress: the look costs
 * a few loads, so it must be rare next to the increments, yet frequent enough to
 * notice a worker that ran only for a moment.
 */
export const RACE_CHUNK = 10_000;

/** A worker that has done its share keeps going until it has seen another worker move during this many of its chunks. */
export const RACE_MIN_SHARED_CHUNKS = 4;

/** A waiting worker stops at this many times its share all the same, so a worker the OS does not schedule cannot hold the others for long. */
export const RACE_MAX_STRETCH = 5;

/** Most increments one worker may do: its share stretched, and never so many that the workers' total overflows the Int32 counter. */
export function raceCap(workers: number, times: number): number {
  return Math.max(times, Math.min(times * RACE_MAX_STRETCH, Math.floor((2 ** 31 - 1) / workers)));
}

/**
 * One worker's part of the race: increments in chunks of RACE_CHUNK, publishing
 * its progress after each chunk and looking at everybody else's. Past its share
 * it carries on while other workers have not finished and it has not yet seen
 * them move for RACE_MIN_SHARED_CHUNKS chunks: on a busy machine the OS may
 * otherwise run the workers one after the other, and nothing can collide.
 */
export function raceLoop(cells: Int32Array, spec: RaceLoopSpec, now: () => number): RaceLoopRecord {
  const { worker, workers, times, atomic } = spec;
  const cap = raceCap(workers, times);
  const mine = progressSlot(worker);
  const seen = new Int32Array(workers);
  for (let j = 0; j < workers; j++) seen[j] = Atomics.load(cells, progressSlot(j));
  let done = 0;
  let chunks = 0;
  let chunksWithOthers = 0;
  const startStamp = now();
  for (;;) {
    const n = Math.min(RACE_CHUNK, (done < times ? times : cap) - done);
    if (atomic) incrementAtomic(cells, n);
    else incrementPlain(cells, n);
    done += n;
    chunks++;
    Atomics.store(cells, mine, done);
    let moved = false;
    let othersRunning = false;
    for (let j = 0; j < workers; j++) {
      if (j === worker) continue;
      const p = Atomics.load(cells, progressSlot(j));
      if (p !== seen[j]) {
        moved = true;
        seen[j] = p;
      }
      if (Atomics.load(cells, progressSlot(j) + 1) === 0) othersRunning = true;
    }
    if (moved) chunksWithOthers++;
    if (done >= cap) break;
    if (done >= times && (chunksWithOthers >= RACE_MIN_SHARED_CHUNKS || !othersRunning)) break;
  }
  Atomics.store(cells, mine + 1, 1);
  const endStamp = now();
  return { worker, increments: done, chunks, chunksWithOthers, startStamp, endStamp };
}
