// Cancelling is a state: settle() is the one place where a run's ending becomes
// 'cancelled' rather than an error the panel would show as a failure.
import { describe, expect, it } from 'vitest';
import { abortError, isAbort, settle } from '../../src/bench/abort.ts';

describe('settle()', () => {
  it('gives the value of work that finished', async () => {
    expect(await settle(async () => 42)).toEqual({ kind: 'done', value: 42 });
  });

  it('turns an AbortError (ours or one named so, like the pool\'s) into the cancelled state', async () => {
    expect(await settle(() => Promise.reject(abortError()))).toEqual({ kind: 'cancelled' });
    const poolLike = Object.assign(new Error('worker removed'), { name: 'AbortError' });
    expect(await settle(() => Promise.reject(poolLike))).toEqual({ kind: 'cancelled' });
  });

  it('counts any ending after the signal aborted as cancelled: a terminated worker rejects with its own error', async () => {
    const c = new AbortController();
    c.abort();
    expect(await settle(() => Promise.reject(new Error('channel closed')), c.signal)).toEqual({ kind: 'cancelled' });
    expect(await settle(async () => 'late results', c.signal)).toEqual({ kind: 'cancelled' });
  });

  it('keeps every other error as a failure, also one thrown before the first await', async () => {
    const boom = new Error('boom');
    expect(await settle(() => Promise.reject(boom), new AbortController().signal)).toEqual({ kind: 'failed', error: boom });
    const throwsAtOnce = (): Promise<never> => {
      throw boom;
    };
    expect(await settle(throwsAtOnce)).toEqual({ kind: 'failed', error: boom });
  });
});

describe('isAbort()', () => {
  it('does not mistake a message that mentions cancelling for a cancellation', () => {
    expect(isAbort(new Error('cancelled by the memory guard'))).toBe(false);
    expect(isAbort(abortError())).toBe(true);
  });
});
