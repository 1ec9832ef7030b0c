import { describe, expect, it } from 'vitest';
import {
  calibrateBatch,
  chooseBatch,
  DEFAULT_MEASURE_CONFIG,
  isThenable,
  LONG_CALL_MEASURE,
  sampleCount,
  timeBatch,
  takeSample,
  timeCall,
  warmUp,
  warmUpAndSizeBatch,
} from '../../src/bench/measure.ts';
import { measureResolution } from '../../src/bench/timer.ts';

/** A clock that only moves when a fake kernel says so. */
function fakeClock() {
  const clock = { t: 0, now: () => clock.t };
  return clock;
}
const C = new Float64Array([1, 2, 3]);

describe('measureResolution', () => {
  it('finds the smallest positive step of a coarse clock', () => {
    // Clock that moves by 0.1 ms every 7th read, and once by 0.2 ms.
    let reads = 0;
    const now = () => {
      reads++;
      const ticks = Math.floor(reads / 7);
      return (ticks + (ticks > 3 ? 1 : 0)) * 0.1;
    };
    expect(measureResolution(now)).toBeCloseTo(0.1, 12);
  });

  it('is bounded for a frozen clock and falls back', () => {
    let reads = 0;
    const now = () => {
      reads++;
      return 5;
    };
    expect(measureResolution(now, { maxReads: 1000, fallbackMs: 0.1 })).toBe(0.1);
    expect(reads).toBeLessThanOrEqual(1001);
  });
});

describe('timeCall', () => {
  it('times one synchronous call', async () => {
    const clock = fakeClock();
    const r = await timeCall(() => ((clock.t += 3), C), clock.now);
    expect(r.ms).toBe(3);
    expect(r.result).toBe(C);
  });

  it('awaits an asynchronous call before stopping the clock', async () => {
    const clock = fakeClock();
    const run = () =>
      new Promise<Float64Array>((resolve) =>
        setTimeout(() => {
          clock.t += 7;
          resolve(C);
        }, 0),
      );
    const r = await timeCall(run, clock.now);
    expect(r.ms).toBe(7);
    expect(r.result).toBe(C);
  });
});

describe('timeBatch', () => {
  it('runs synchronous calls back to back, with no await between them', () => {
    let calls = 0;
    const clock = fakeClock();
    void timeBatch(() => ((calls++, (clock.t += 1)), C), 10, clock.now);
    // Still inside the same synchronous turn: all ten calls already ran.
    expect(calls).toBe(10);
  });

  it('returns the total time, the call count and the last result', async () => {
    const clock = fakeClock();
    let k = 0;
    const b = await timeBatch(() => ((clock.t += 0.5), new Float64Array([k++])), 4, clock.now);
    expect(b.totalMs).toBe(2);
    expect(b.calls).toBe(4);
    expect(Array.from(b.last)).toEqual([3]);
  });

  it('supports asynchronous calls', async () => {
    const clock = fakeClock();
    const b = await timeBatch(async () => ((clock.t += 2), C), 3, clock.now);
    expect(b.totalMs).toBe(6);
  });

  it('stops between calls once the signal is aborted', async () => {
    const ctrl = new AbortController();
    let calls = 0;
    const run = () => {
      if (++calls === 3) ctrl.abort();
      return C;
    };
    await expect(timeBatch(run, 100, () => 0, ctrl.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(3);
  });
});

describe('isThenable', () => {
  it('tells promises from typed arrays', () => {
    expect(isThenable(C)).toBe(false);
    expect(isThenable(Promise.resolve(C))).toBe(true);
    expect(isThenable({ then: () => undefined })).toBe(true);
  });
});

describe('warmUp', () => {
  const cfg = { ...DEFAULT_MEASURE_CONFIG, warmupMinCalls: 3, warmupTargetMs: 10, warmupMaxCalls: 50 };

  it('runs at least the minimum number of calls even when they are slow', async () => {
    const clock = fakeClock();
    const w = await warmUp(() => ((clock.t += 100), C), clock.now, cfg);
    expect(w.calls).toBe(3);
    expect(w.perCallMs).toBe(100);
  });

  it('keeps calling until the target time has passed', async () => {
    const clock = fakeClock();
    const w = await warmUp(() => ((clock.t += 1), C), clock.now, cfg);
    expect(w.calls).toBe(10);
    expect(w.totalMs).toBe(10);
  });

  it('never exceeds the maximum number of calls', async () => {
    const w = await warmUp(() => C, () => 0, cfg);
    expect(w.calls).toBe(50);
  });
});

describe('chooseBatch', () => {
  it('makes one sample last at least 100× the timer resolution', () => {
    // 5 µs clock → 0.5 ms per sample; 2 µs per call → 250 calls
    expect(chooseBatch(0.002, 0.005)).toBe(250);
    // 3 µs per call → ceil(0.5 / 0.003) = 167
    const b = chooseBatch(0.003, 0.005);
    expect(b).toBe(167);
    expect(b * 0.003).toBeGreaterThanOrEqual(100 * 0.005);
    // 100 µs clock (normal page) → 10 ms per sample
    expect(chooseBatch(0.002, 0.1)).toBe(5000);
  });

  it('uses single calls when one call is long enough', () => {
    expect(chooseBatch(20, 0.005)).toBe(1);
    expect(chooseBatch(0.5, 0.005)).toBe(1);
  });

  it('caps the batch when the clock did not move', () => {
    expect(chooseBatch(0, 0.005)).toBe(DEFAULT_MEASURE_CONFIG.maxBatch);
  });
});

describe('calibrateBatch', () => {
  it('grows the batch when the kernel got faster after warm-up', async () => {
    const clock = fakeClock();
    // Warm-up saw 0.01 ms per call (batch 50 for a 0.005 ms clock), but the optimised
    // code takes 0.001 ms: 50 calls last 0.05 ms, far below the 0.5 ms target.
    const run = () => ((clock.t += 0.001), C);
    const c = await calibrateBatch(run, chooseBatch(0.01, 0.005), clock.now, 0.005);
    expect(c.batch * 0.001).toBeGreaterThanOrEqual(0.5);
  });

  it('keeps a batch that is already long enough (with 2× head-room)', async () => {
    const clock = fakeClock();
    // 120 calls × 0.01 ms = 1.2 ms ≥ 2 × 0.5 ms
    const c = await calibrateBatch(() => ((clock.t += 0.01), C), 120, clock.now, 0.005);
    expect(c.batch).toBe(120);
  });

  it('sizes the batch from the fastest probe, so one slow probe (a GC pause) cannot shrink it', async () => {
    const clock = fakeClock();
    let calls = 0;
    // The first probe batch of 10 calls contains a 5 ms pause; afterwards 0.001 ms per call.
    const run = () => ((clock.t += ++calls === 3 ? 5 : 0.001), C);
    const c = await calibrateBatch(run, 10, clock.now, 0.005);
    expect(c.batch * 0.001).toBeGreaterThanOrEqual(0.5);
  });
});

describe('sampleCount', () => {
  it('never goes below 5 and drops fractions', () => {
    expect(sampleCount(3)).toBe(5);
    expect(sampleCount(10)).toBe(10);
    expect(sampleCount(7.9)).toBe(7);
    expect(sampleCount(Number.NaN)).toBe(5);
  });

  it('keeps the 5-sample minimum for calls lasting seconds too', () => {
    const long = { ...DEFAULT_MEASURE_CONFIG, ...LONG_CALL_MEASURE };
    expect(sampleCount(1, long)).toBe(5);
    expect(sampleCount(8, long)).toBe(8);
    expect(sampleCount(Number.NaN, long)).toBe(5);
  });
});

describe('takeSample', () => {
  it('divides the block time by the calls', async () => {
    const clock = fakeClock();
    const s = await takeSample(() => ((clock.t += 0.01), C), 100, clock.now, 0.005);
    expect(s).toMatchObject({ batch: 100 });
    expect(s.perCallMs).toBeCloseTo(0.01, 12);
  });

  it('retakes a sample that came in under 100 timer steps with a larger batch', async () => {
    const clock = fakeClock();
    // The batch of 10 was sized for 0.1 ms per call; the kernel now takes 0.01 ms.
    const s = await takeSample(() => ((clock.t += 0.01), C), 10, clock.now, 0.005);
    expect(s.batch * 0.01).toBeGreaterThanOrEqual(0.5);
    expect(s.perCallMs).toBeCloseTo(0.01, 12);
  });
});

describe('warmUpAndSizeBatch', () => {
  const cfg = { ...DEFAULT_MEASURE_CONFIG, warmupMinCalls: 2, warmupTargetMs: 10 };

  it('skips the probe batches for a kernel far slower than a sample must be', async () => {
    const clock = fakeClock();
    let calls = 0;
    const r = await warmUpAndSizeBatch(() => ((calls++, (clock.t += 50)), C), clock.now, 0.005, cfg);
    expect(r.batch).toBe(1);
    expect(calls).toBe(2); // the warm-up calls only
  });

  it('sizes a batch for a fast kernel', async () => {
    const clock = fakeClock();
    const r = await warmUpAndSizeBatch(() => ((clock.t += 0.003), C), clock.now, 0.005, cfg);
    expect(r.batch * 0.003).toBeGreaterThanOrEqual(0.5);
  });

  describe('with no warm-up (LONG_CALL_MEASURE)', () => {
    const none = { ...DEFAULT_MEASURE_CONFIG, ...LONG_CALL_MEASURE };
    const cold = { ms: 3000, result: new Float64Array([9]) };

    it('sizes the batch from the cold call and makes no call for a call lasting seconds', async () => {
      let calls = 0;
      const r = await warmUpAndSizeBatch(() => (calls++, C), () => 0, 0.005, none, undefined, cold);
      expect(calls).toBe(0);
      expect(r.batch).toBe(1);
      expect(r.last).toBe(cold.result);
    });

    it('still probes a call that the cold one made look slow', async () => {
      const clock = fakeClock();
      const r = await warmUpAndSizeBatch(() => ((clock.t += 0.003), C), clock.now, 0.005, none, undefined, { ms: 0.01, result: C });
      expect(r.batch * 0.003).toBeGreaterThanOrEqual(0.5);
    });

    it('refuses to guess without a cold call', async () => {
      await expect(warmUpAndSizeBatch(() => C, () => 0, 0.005, none)).rejects.toThrow(RangeError);
    });
  });
});
