// Main-thread side of workers/profile.worker.ts: one worker per job, terminated
// on cancel (a running kernel cannot be interrupted any other way) and when done.
import type { ProfileJob, ProfileReport, RepeatReport } from './protocol.ts';
import type { ProfileMessage } from './protocol.ts';
import { abortError } from '../bench/abort.ts';

export function runProfileJob<J extends ProfileJob>(
  job: J,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<J extends { type: 'profile' } ? ProfileReport : RepeatReport> {
  type R = J extends { type: 'profile' } ? ProfileReport : RepeatReport;
  return new Promise<R>((resolve, reject) => {
    if (opts.signal?.aborted) return reject(abortError());
    const worker = new Worker(new URL('../../workers/profile.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('error', (e) => {
      finish();
      reject(new Error(`profile worker failed: ${e.message || 'could not load'}`));
    });
    worker.addEventListener('message', (e: MessageEvent<ProfileMessage>) => {
      const m = e.data;
      if (m.type === 'progress') opts.onProgress?.(m.done, m.total);
      else if (m.type === 'error') {
        finish();
        reject(new Error(m.message));
      } else {
        finish();
        resolve(m as R);
      }
    });
    worker.postMessage(job);
  });
}
