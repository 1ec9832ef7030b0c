// The race demo with real workers on one shared counter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raceOnce, runRace, type RaceResult } from '../../src/parallel/race.ts';
import { raceCap, RACE_MIN_SHARED_CHUNKS } from '../../src/parallel/race-kernels.ts';
import { raceVerdict } from '../../src/parallel/race-overlap.ts';
import { WorkerPool } from '../../src/pool/pool.ts';
import { plainVerdictText } from '../../src/panels/kinds/race.ts';

let pool: WorkerPool;
beforeAll(async () => {
  pool = await WorkerPool.create(2);
});
afterAll(() => pool.dispose());

/** The overlap bookkeeping must agree with itself whatever the OS did. */
function expectConsistent(r: RaceResult): void {
  expect(r.loops).toHaveLength(r.workers);
  expect(r.loopMs).toEqual(r.loops.map((l) => l.loopMs));
  expect(r.expected).toBe(r.loops.reduce((s, l) => s + l.increments, 0));
  expect(r.lost).toBe(r.expected - r.got);
  expect(Math.min(...r.loops.map((l) => l.startMs))).toBe(0);
  for (const l of r.loops) {
    expect(l.endMs).toBeGreaterThanOrEqual(l.startMs);
    expect(l.increments).toBeGreaterThanOrEqual(r.timesPerWorker);
    expect(l.increments).toBeLessThanOrEqual(raceCap(r.workers, r.timesPerWorker));
    expect(l.chunksWithOthers).toBeLessThanOrEqual(l.chunks);
    // A worker goes past its share only to wait for the others to run.
    if (l.increments > r.timesPerWorker && l.increments < raceCap(r.workers, r.timesPerWorker)) {
      expect(l.chunksWithOthers).toBeLessThanOrEqual(RACE_MIN_SHARED_CHUNKS);
    }
  }
  const { overlapMs, spanMs, fraction, overlapped } = r.overlap;
  expect(fraction).toBeGreaterThanOrEqual(0);
  expect(fraction).toBeLessThanOrEqual(1);
  expect(overlapMs).toBeLessThanOrEqual(spanMs);
  expect(spanMs).toBeGreaterThanOrEqual(Math.max(...r.loopMs) - 1e-9);
  // Seeing another worker's counter move while looping means both loops were open at that moment.
  if (overlapped) expect(overlapMs).toBeGreaterThan(0);
  expect(overlapped).toBe(r.loops.some((l) => l.chunksWithOthers > 0));
}

function line(r: RaceResult): string {
  const o = r.overlap;
  return `${r.mode}: got ${r.got}/${r.expected}, lost ${r.lost}, overlapped ${o.overlapped} for ${o.overlapMs.toFixed(1)} of ${o.spanMs.toFixed(1)} ms (${(100 * o.fraction).toFixed(0)} %), loops ${r.loops
    .map((l) => `[${l.startMs.toFixed(1)}–${l.endMs.toFixed(1)} ms, ${l.increments} incr, ${l.chunksWithOthers}/${l.chunks} chunks with others]`)
    .join(' ')} → ${raceVerdict(r)}`;
}

describe('race demo', () => {
  it('Atomics.add gives the exact total; plain increments never exceed it', async () => {
    const { plain, atomic } = await runRace({ pool, workers: 2, times: 2_000_000 });
    expect(atomic.expected).toBeGreaterThanOrEqual(4_000_000);
    expect(atomic.got).toBe(atomic.expected);
    expect(atomic.lost).toBe(0);
    expect(plain.got).toBeLessThanOrEqual(plain.expected);
    expectConsistent(plain);
    expectConsistent(atomic);
    expect(raceVerdict(atomic)).not.toBe('lost');
    console.log(`race\n  ${line(plain)}\n  ${line(atomic)}`);
  });

  it('five plain races at the default size (printed; lost > 0 is likely, not guaranteed)', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await raceOnce(pool, 'plain', 2, 5_000_000);
      expect(r.got).toBeLessThanOrEqual(r.expected);
      expectConsistent(r);
      lines.push(line(r));
    }
    console.log(`race, 2 workers × ≥5 000 000 plain increments:\n  ${lines.join('\n  ')}`);
  });

  it('runs with more workers than cores (the gate still opens)', async () => {
    const r = await raceOnce(pool, 'atomic', 4, 200_000);
    expect(r.got).toBe(r.expected);
    expect(r.expected).toBeGreaterThanOrEqual(800_000);
    expectConsistent(r);
  });

  it('with a single worker there is nobody to race: plain is exact, no overlap, no stretch', async () => {
    const one = await raceOnce(pool, 'plain', 1, 100_000);
    expect(one.got).toBe(100_000);
    expect(one.expected).toBe(100_000);
    expect(one.overlap.overlapped).toBe(false);
    expect(one.overlap.overlapMs).toBe(0);
    expect(raceVerdict(one)).toBe('alone');
    expectConsistent(one);
  });

  it('refuses impossible parameters', async () => {
    await expect(raceOnce(pool, 'plain', 0, 10)).rejects.toThrow(RangeError);
    await expect(raceOnce(pool, 'plain', 65, 10)).rejects.toThrow(RangeError);
    await expect(raceOnce(pool, 'plain', 2, 2 ** 30)).rejects.toThrow(/Int32/);
  });

  it('the panel never presents an exact plain total as safe', async () => {
    const r = await raceOnce(pool, 'plain', 2, 100_000);
    const apart: RaceResult = { ...r, got: r.expected, lost: 0, overlap: { overlapMs: 0, spanMs: 5, fraction: 0, overlapped: false } };
    const lucky: RaceResult = { ...apart, overlap: { overlapMs: 3, spanMs: 5, fraction: 0.6, overlapped: true } };
    const lost: RaceResult = { ...r, got: r.expected - 7, lost: 7 };
    expect(plainVerdictText(apart).text).toMatch(/did not run at the same time.*one after the other.*press Run again/);
    expect(plainVerdictText(lucky).text).toMatch(/did overlap \(3\.0 ms\).*rare.*still unsafe/);
    expect(plainVerdictText(lost).text).toMatch(/^counter\[0\]\+\+ lost 7 of /);
    for (const v of [apart, lucky]) expect(plainVerdictText(v).text).not.toMatch(/✓|correct/);
  });
});
