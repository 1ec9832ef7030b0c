// Clone vs transfer vs share, measured with a real worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureMessageCost, measureMessageCosts } from '../../src/parallel/messages.ts';
import { WorkerPool } from '../../src/pool/pool.ts';

let pool: WorkerPool;
beforeAll(async () => {
  pool = await WorkerPool.create(1);
});
afterAll(() => pool.dispose());

describe('message costs', () => {
  it('returns one sane row per method and shows the transferred buffer detached', async () => {
    const bytes = 4 * 2 ** 20;
    const rows = await measureMessageCost(bytes, { pool, repeats: 3 });
    expect(rows.map((r) => r.method)).toEqual(['clone', 'transfer', 'share']);
    for (const r of rows) {
      expect(r.error).toBeUndefined();
      expect(r.bytes).toBe(bytes);
      expect(r.receivedBytes).toBe(bytes);
      expect(r.samplesMs).toHaveLength(3);
      expect(r.medianMs).toBeGreaterThanOrEqual(0);
      expect(Number.isFinite(r.medianMs)).toBe(true);
    }
    const by = Object.fromEntries(rows.map((r) => [r.method, r]));
    expect(by.transfer?.senderByteLengthAfter).toBe(0); // detached: the sender no longer owns it
    expect(by.clone?.senderByteLengthAfter).toBe(bytes); // copied: the sender keeps its own
    expect(by.share?.senderByteLengthAfter).toBe(bytes); // shared: both see the same memory
    console.log(rows.map((r) => `${r.method} ${bytes} B: ${r.medianMs.toFixed(3)} ms`).join('; '));
  });

  it('measures several sizes and refuses a bad one', async () => {
    const rows = await measureMessageCosts([1024, 65536], { pool, repeats: 1 });
    expect(rows).toHaveLength(6);
    await expect(measureMessageCost(0, { pool })).rejects.toThrow(RangeError);
  });
});
