// The dispatcher of the parallel variants: it runs the harness, the hand-out of
// pool tasks and the checking, so the page only sends a request and draws what
// comes back. The messages between agents that section 4 measures are now
// between this worker and the pool's: still messages between threads, and still
// copied, transferred or shared. Its one owner of the pool and the prepared
// inputs is made here, once; the page disposes of it by terminating this worker,
// which ends the pool's (nested) workers too.
import { exposeBenchApi } from '../src/bench/expose.ts';
import type { BenchApi } from '../src/bench/worker-api.ts';
import { createParallelDispatcher } from '../src/parallel/dispatcher.ts';

exposeBenchApi(createParallelDispatcher().api);

export type ParallelWorkerApi = BenchApi;
