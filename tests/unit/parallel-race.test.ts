// Pure parts of the race demo: the overlap sweep, the verdict, and one worker's loop run on one thread.
import { describe, expect, it } from 'vitest';
import { progressSlot, raceCap, raceLoop, RACE_CHUNK, RACE_MAX_STRETCH, RACE_SLOTS } from '../../src/parallel/race-kernels.ts';
import type { RaceLoopRecord } from '../../src/pool/protocol.ts';
import { overlapOf, raceVerdict, summariseLoops } from '../../src/parallel/race-overlap.ts';

function ticking(start = 1000, step = 2): () => number {
  let t = start - step;
  return () => (t += step);
}

describe('overlapOf', () => {
  it('measures time covered by two or more spans, and the union', () => {
    expect(overlapOf([{ start: 0, end: 10 }, { start: 4, end: 12 }])).toEqual({ overlapMs: 6, spanMs: 12, fraction: 0.5 });
  });

  it('sees no overlap in spans that follow each other or merely touch', () => {
    expect(overlapOf([{ start: 0, end: 5 }, { start: 5, end: 9 }])).toEqual({ overlapMs: 0, spanMs: 9, fraction: 0 });
    expect(overlapOf([{ start: 0, end: 2 }, { start: 7, end: 9 }])).toEqual({ overlapMs: 0, spanMs: 4, fraction: 0 });
  });

  it('counts a stretch covered by three spans once', () => {
    const o = overlapOf([{ start: 0, end: 10 }, { start: 2, end: 8 }, { start: 4, end: 6 }]);
    expect(o.overlapMs).toBe(6);
    expect(o.spanMs).toBe(10);
  });

  it('is order-independent and whole when one span contains the other', () => {
    expect(overlapOf([{ start: 3, end: 4 }, { start: 0, end: 8 }])).toEqual({ overlapMs: 1, spanMs: 8, fraction: 1 / 8 });
    expect(overlapOf([{ start: 1, end: 5 }, { start: 1, end: 5 }]).fraction).toBe(1);
  });

  it('handles nothing, a single span and empty spans; refuses backward spans', () => {
    expect(overlapOf([])).toEqual({ overlapMs: 0, spanMs: 0, fraction: 0 });
    expect(overlapOf([{ start: 2, end: 2 }, { start: 2, end: 2 }])).toEqual({ overlapMs: 0, spanMs: 0, fraction: 0 });
    expect(overlapOf([{ start: 2, end: 9 }]).overlapMs).toBe(0);
    expect(() => overlapOf([{ start: 5, end: 4 }])).toThrow(RangeError);
    expect(() => overlapOf([{ start: 0, end: Number.NaN }])).toThrow(RangeError);
  });

  it('never reports more overlap than the union, and the durations cover both', () => {
    const spans = [{ start: 0.5, end: 7.25 }, { start: 3, end: 11 }, { start: 10, end: 10.5 }, { start: 20, end: 21 }];
    const o = overlapOf(spans);
    const total = spans.reduce((s, x) => s + x.end - x.start, 0);
    expect(o.overlapMs).toBeLessThanOrEqual(o.spanMs);
    expect(total).toBeGreaterThanOrEqual(o.spanMs + o.overlapMs - 1e-12);
    expect(o.fraction).toBeGreaterThanOrEqual(0);
    expect(o.fraction).toBeLessThanOrEqual(1);
  });
});

describe('summariseLoops', () => {
  const rec = (worker: number, startStamp: number, endStamp: number, chunksWithOthers: number): RaceLoopRecord => ({
    worker, increments: 100, chunks: 10, chunksWithOthers, startStamp, endStamp,
  });

  it('rebases stamps on the earliest start and says overlapped only on shared-memory evidence', () => {
    const { loops, overlap } = summariseLoops([rec(0, 1_700_000_000_010, 1_700_000_000_030, 3), rec(1, 1_700_000_000_000, 1_700_000_000_020, 0)]);
    expect(loops.map((l) => [l.startMs, l.endMs, l.loopMs])).toEqual([[10, 30, 20], [0, 20, 20]]);
    expect(overlap).toEqual({ overlapMs: 10, spanMs: 30, fraction: 1 / 3, overlapped: true });
  });

  it('does not call clock overlap alone "overlapped"', () => {
    expect(summariseLoops([rec(0, 0, 10, 0), rec(1, 5, 15, 0)]).overlap.overlapped).toBe(false);
  });
});

describe('raceVerdict', () => {
  const overlap = (overlapped: boolean) => ({ overlapMs: overlapped ? 5 : 0, spanMs: 10, fraction: overlapped ? 0.5 : 0, overlapped });
  it('never reads an exact total as safe', () => {
    expect(raceVerdict({ workers: 2, lost: 12, overlap: overlap(true) })).toBe('lost');
    expect(raceVerdict({ workers: 2, lost: 0, overlap: overlap(false) })).toBe('apart');
    expect(raceVerdict({ workers: 2, lost: 0, overlap: overlap(true) })).toBe('lucky');
    expect(raceVerdict({ workers: 1, lost: 0, overlap: overlap(false) })).toBe('alone');
  });
});

describe('raceCap', () => {
  it('stretches the share but keeps the total inside an Int32', () => {
    expect(raceCap(2, 1000)).toBe(1000 * RACE_MAX_STRETCH);
    expect(raceCap(2, 2 ** 30 - 1)).toBe(2 ** 30 - 1);
    expect(2 * raceCap(2, 2 ** 29)).toBeLessThanOrEqual(2 ** 31 - 1);
    expect(raceCap(64, 1)).toBe(RACE_MAX_STRETCH);
  });
});

describe('raceLoop on one thread', () => {
  it('alone, does exactly its share, publishes it, and stamps start before end', () => {
    const cells = new Int32Array(RACE_SLOTS.length);
    const r = raceLoop(cells, { worker: 0, workers: 1, times: 25_000, atomic: false }, ticking());
    expect(cells[RACE_SLOTS.counter]).toBe(25_000);
    expect(r).toEqual({ worker: 0, increments: 25_000, chunks: Math.ceil(25_000 / RACE_CHUNK), chunksWithOthers: 0, startStamp: 1000, endStamp: 1002 });
    expect(cells[progressSlot(0)]).toBe(25_000);
    expect(cells[progressSlot(0) + 1]).toBe(1);
  });

  it('stops at its share when the other worker has already finished', () => {
    const cells = new Int32Array(RACE_SLOTS.length);
    cells[progressSlot(0) + 1] = 1;
    const r = raceLoop(cells, { worker: 1, workers: 2, times: 3000, atomic: true }, ticking());
    expect(r.increments).toBe(3000);
    expect(cells[RACE_SLOTS.counter]).toBe(3000);
  });

  it('waits for a worker that never ran, but only up to the cap', () => {
    const cells = new Int32Array(RACE_SLOTS.length);
    const r = raceLoop(cells, { worker: 0, workers: 2, times: 3000, atomic: false }, ticking());
    expect(r.increments).toBe(raceCap(2, 3000));
    expect(r.chunksWithOthers).toBe(0);
    expect(cells[RACE_SLOTS.counter]).toBe(raceCap(2, 3000));
  });

  it('keeps its slots clear of the counter and of each other', () => {
    expect(progressSlot(0) - RACE_SLOTS.go).toBeGreaterThanOrEqual(16);
    expect(progressSlot(1) - progressSlot(0)).toBeGreaterThanOrEqual(16);
    expect(progressSlot(RACE_SLOTS.maxWorkers - 1) + 1).toBeLessThan(RACE_SLOTS.length);
  });
});
