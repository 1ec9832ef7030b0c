// The parallel dispatcher's composition, on the page instead of in its worker:
// it starts its pool on first use, keeps it across runs, and dispose() ends the
// pool's workers and refuses later calls.
import { describe, expect, it } from 'vitest';
import { createParallelDispatcher } from '../../src/parallel/dispatcher.ts';
import { liveWorkerCount } from '../../src/pool/pool.ts';

describe('the parallel dispatcher', () => {
  it('owns one pool for all its runs and ends it on dispose', async () => {
    const before = liveWorkerCount();
    const dispatcher = createParallelDispatcher({ poolSize: 2 });
    try {
      expect(liveWorkerCount()).toBe(before); // nothing started before the first request
      const request = { variants: ['pool-row'], shape: { m: 6, l: 7, n: 5 }, dtype: 'f64', samples: 1, workers: 2, seed: 3 } as const;
      for (let i = 0; i < 2; i++) {
        const [r] = await dispatcher.api.run({ ...request, variants: [...request.variants] });
        expect(r).toMatchObject({ status: 'ok', correct: true });
        expect(liveWorkerCount()).toBe(before + 2); // the same two workers, not a new pool per run
      }
    } finally {
      dispatcher.dispose();
    }
    await expect.poll(() => liveWorkerCount()).toBe(before);
    await expect(dispatcher.api.run({ variants: ['pool-row'], shape: { m: 2, l: 2, n: 2 }, dtype: 'f64', samples: 1 })).rejects.toThrow(/disposed/);
  });
});
