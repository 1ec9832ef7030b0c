// 4.2.1 measured: handing `bytes` of operands to a worker by structured clone
// (a copy), by transfer (a move: the sender's buffer is detached afterwards) and
// by sharing a SharedArrayBuffer (nothing moves). Each figure is a round trip
// until the worker acknowledges having read the data. Returns plain chart data.
import * as Comlink from 'comlink';
import type { WorkerPool } from '../pool/pool.ts';
import { median } from '../bench/stats.ts';
import { canShareMemory, NO_ISOLATION } from './shared-arrays.ts';

export type MessageMethod = 'clone' | 'transfer' | 'share';
const MESSAGE_METHODS: readonly MessageMethod[] = ['clone', 'transfer', 'share'];

export interface MessageCost {
  readonly method: MessageMethod;
  readonly bytes: number;
  readonly samplesMs: number[];
  readonly medianMs: number;
  readonly minMs: number;
  /** byteLength of the sender's buffer after the message: 0 once transferred (detached). */
  readonly senderByteLengthAfter: number;
  /** byteLength the worker saw. */
  readonly receivedBytes: number;
  /** Set when the method cannot run here (sharing without cross-origin isolation). */
  readonly error?: string;
}

export interface MessageOptions {
  readonly repeats?: number;
  /** The caller's pool: its first worker receives the payloads. */
  readonly pool: WorkerPool;
  readonly signal?: AbortSignal;
}

/** Largest payload the demo accepts: each clone briefly holds two more copies. */
export const MAX_MESSAGE_BYTES = 512 * 2 ** 20;

function checkMessageBytes(bytes: number): void {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > MAX_MESSAGE_BYTES) {
    throw new RangeError(`size must be a whole number of bytes from 1 to ${MAX_MESSAGE_BYTES}, got ${bytes}`);
  }
}

// #region messages
async function handOver(pool: WorkerPool, method: MessageMethod, bytes: number) {
  const w = pool.worker(0);
  // Untimed: make the buffer and touch its pages, so allocation is not counted.
  const buffer = method === 'share' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  new Uint8Array(buffer).fill(1);
  const message = method === 'transfer' ? Comlink.transfer(buffer, [buffer as ArrayBuffer]) : buffer;
  const t0 = performance.now();
  const seen = await pool.call(w, (pw) => pw.api.receive(message));
  const ms = performance.now() - t0;
  return { ms, senderByteLengthAfter: buffer.byteLength, receivedBytes: seen.byteLength };
}
// #endregion messages

/** The three methods for one size, interleaved (clone, transfer, share, clone, …) so a busy phase hits all alike. */
export async function measureMessageCost(bytes: number, opts: MessageOptions): Promise<MessageCost[]> {
  checkMessageBytes(bytes);
  const repeats = Math.max(1, Math.floor(opts.repeats ?? 7));
  const { pool } = opts;
  const canShare = canShareMemory();
  const methods = MESSAGE_METHODS.filter((m) => m !== 'share' || canShare);
  return pool.exclusive(async () => {
    const runs = new Map(methods.map((m) => [m, { samples: [] as number[], after: -1, received: -1 }]));
    // One unmeasured round of each first: the worker's handler and the clone path warm up.
    for (let r = -1; r < repeats; r++) {
      for (const method of methods) {
        opts.signal?.throwIfAborted();
        const one = await handOver(pool, method, bytes);
        if (r < 0) continue;
        const run = runs.get(method)!;
        run.samples.push(one.ms);
        run.after = one.senderByteLengthAfter;
        run.received = one.receivedBytes;
      }
    }
    return MESSAGE_METHODS.map((method): MessageCost => {
      const run = runs.get(method);
      if (!run) {
        return { method, bytes, samplesMs: [], medianMs: NaN, minMs: NaN, senderByteLengthAfter: bytes, receivedBytes: 0, error: `sharing ${NO_ISOLATION}` };
      }
      return {
        method,
        bytes,
        samplesMs: run.samples,
        medianMs: median(run.samples),
        minMs: Math.min(...run.samples),
        senderByteLengthAfter: run.after,
        receivedBytes: run.received,
      };
    });
  });
}

/** Several sizes, for a cost-versus-size chart. */
export async function measureMessageCosts(sizes: readonly number[], opts: MessageOptions): Promise<MessageCost[]> {
  const out: MessageCost[] = [];
  for (const bytes of sizes) out.push(...(await measureMessageCost(bytes, opts)));
  return out;
}
