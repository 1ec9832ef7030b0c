// Cancelling, said one way everywhere: the error a cancelled run rejects with,
// the test for it, and the one place where a run's ending becomes the
// 'cancelled' state instead of an error. Pure.
export function abortError(message = 'The run was cancelled'): DOMException {
  return new DOMException(message, 'AbortError');
}

/**
 * Whether `e` ends a cancelled run: an AbortError (ours, the pool's, the DOM's),
 * or anything at all once `signal` has aborted, since a worker terminated by
 * Cancel rejects its pending call with whatever error its channel gives.
 */
export function isAbort(e: unknown, signal?: AbortSignal): boolean {
  if (signal?.aborted) return true;
  return (e instanceof DOMException || e instanceof Error) && e.name === 'AbortError';
}

/** How awaited work ended: its value, cancelled, or failed with the error it threw. */
export type Settled<T> =
  | { readonly kind: 'done'; readonly value: T }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Runs `work` and says how it ended; never throws, not even when `work` throws
 * before its first await. Work that finishes after `signal` aborted counts as
 * cancelled too: its results belong to a run the viewer stopped.
 */
export async function settle<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<Settled<T>> {
  try {
    const value = await work();
    return signal?.aborted ? { kind: 'cancelled' } : { kind: 'done', value };
  } catch (e) {
    return isAbort(e, signal) ? { kind: 'cancelled' } : { kind: 'failed', error: e };
  }
}
