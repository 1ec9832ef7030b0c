// The two loops of the race demo (4.2.2), as plain functions over a shared
// Int32Array. Pure: the worker (workers/pool.worker.ts) lines the workers up and
// calls one of them; src/parallel/race.ts reads the total.

// #region race
/** counter[0]++ is a read, an add and a write: another worker can write in between, and its update is lost. */
export function incrementPlain(counter: Int32Array, times: number): void {
  for (let t = 0; t < times; t++) counter[0]++;
}

/** Atomics.add does the read-add-write as one indivisible step: no update is lost. */
export function incrementAtomic(counter: Int32Array, times: number): void {
  for (let t = 0; t < times; t++) Atomics.add(counter, 0, 1);
}
// #endregion race

/** Slots of the race's shared Int32Array: the counter alone on its cache line, the start gate on others. */
export const RACE_SLOTS = { counter: 0, ready: 16, go: 32, length: 48 } as const;
