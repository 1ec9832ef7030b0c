// The race demo with real workers on one shared counter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raceOnce, runRace } from '../../src/parallel/race.ts';
import { WorkerPool } from '../../src/pool/pool.ts';

let pool: WorkerPool;
beforeAll(async () => {
  pool = await WorkerPool.create(2);
});
afterAll(() => pool.dispose());

describe('race demo', () => {
  it('Atomics.add gives the exact total; plain increments never exceed it', async () => {
    const { plain, atomic } = await runRace({ pool, workers: 2, times: 2_000_000 });
    expect(atomic.expected).toBe(4_000_000);
    expect(atomic.got).toBe(atomic.expected);
    expect(atomic.lost).toBe(0);
    expect(plain.got).toBeLessThanOrEqual(plain.expected);
    expect(plain.lost).toBe(plain.expected - plain.got);
    expect(plain.loopMs).toHaveLength(2);
    console.log(`race: plain ${plain.got}/${plain.expected} (lost ${plain.lost}), atomic ${atomic.got}/${atomic.expected}`);
  });

  it('loses updates without Atomics in most runs of a short race too (printed; only ≤ is asserted)', async () => {
    const lost: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await raceOnce(pool, 'plain', 2, 1_000_000);
      expect(r.got).toBeLessThanOrEqual(r.expected);
      lost.push(r.lost);
    }
    console.log(`race, 2 × 1 000 000 plain increments, lost per run: ${lost.join(', ')}`);
  });

  it('runs with more workers than cores (the gate still opens)', async () => {
    const r = await raceOnce(pool, 'atomic', 4, 200_000);
    expect(r.got).toBe(800_000);
    expect(r.loopMs).toHaveLength(4);
  });

  it('with a single worker there is nobody to race: plain is exact too', async () => {
    const one = await raceOnce(pool, 'plain', 1, 100_000);
    expect(one.got).toBe(100_000);
  });

  it('refuses impossible parameters', async () => {
    await expect(raceOnce(pool, 'plain', 0, 10)).rejects.toThrow(RangeError);
    await expect(raceOnce(pool, 'plain', 2, 2 ** 30)).rejects.toThrow(/Int32/);
  });
});
