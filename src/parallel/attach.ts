// Sending a variant's operands to a worker once, and again only when that worker
// lost them (it was respawned by a cancel, or evicted them for newer ones).
import type { PoolWorker, WorkerPool } from '../pool/pool.ts';

/** Part of the error a worker throws for an unknown token (see workers/pool.worker.ts). */
export const NOT_ATTACHED = 'not attached to this worker';

/**
 * A token naming one set of attached operands. Random rather than counted, so no
 * module keeps a registry: 96 random bits make two sets in one page (or one
 * dispatcher worker) sharing a token vanishingly unlikely.
 */
export function newToken(kind: string): string {
  const bits = crypto.getRandomValues(new Uint32Array(3));
  return `${kind}-${[...bits].map((b) => b.toString(36)).join('')}`;
}

function isNotAttached(e: unknown): boolean {
  return e instanceof Error && e.message.includes(NOT_ATTACHED);
}

/** Attaches (once per worker and token) with `send`; `attached` remembers what each worker holds. */
async function ensureAttached(w: PoolWorker, token: string, send: (w: PoolWorker) => Promise<void>): Promise<void> {
  if (w.attached.has(token)) return;
  await send(w);
  w.attached.set(token, token);
}

/**
 * Runs `fn` on a worker after making sure it holds `token`; if the worker had
 * evicted it, attaches again and retries once.
 */
export async function withAttached<R>(
  pool: WorkerPool,
  w: PoolWorker,
  token: string,
  send: (w: PoolWorker) => Promise<void>,
  fn: (w: PoolWorker) => Promise<R>,
): Promise<R> {
  return pool.call(w, async (pw) => {
    await ensureAttached(pw, token, send);
    try {
      return await fn(pw);
    } catch (e) {
      if (!isNotAttached(e)) throw e;
      pw.attached.delete(token);
      await ensureAttached(pw, token, send);
      return fn(pw);
    }
  });
}
