// Adapts the line profiler and the JavaScript kernels to messages. No logic of
// its own: each instrumented kernel is made at build time from the region its
// slide shows (src/build/profile-plugin.ts, so no code is compiled from a string
// here), the real kernels are src/kernels/*, the data and the check are the harness's.
import * as profiledNaive from '../src/kernels/naive.ts?region=naive&profile';
import * as profiledElementVectorised from '../src/kernels/element-vectorised.ts?region=element-vectorised&profile';
import * as profiledIndexing from '../src/kernels/indexing.ts?region=indexing&profile';
import * as profiledBroadcasting from '../src/kernels/broadcasting.ts?region=broadcasting&profile';
import { matMul } from '../src/kernels/naive.ts';
import { vectorisedMatMul } from '../src/kernels/element-vectorised.ts';
import { indexingMatMul } from '../src/kernels/indexing.ts';
import { broadcastingMatMul } from '../src/kernels/broadcasting.ts';
import { PROFILED_KERNELS, type ProfiledKernel } from '../src/profile/kernels.ts';
import type { FloatArray, Shape } from '../src/kernels/types.ts';
import { generateInputs } from '../src/data/generate.ts';
import { referenceProduct } from '../src/data/reference.ts';
import { checkResult } from '../src/check/allclose.ts';
import { arrayFor } from '../src/kernels/types.ts';
import { probeEnvironment } from '../src/bench/environment.ts';
import { profileRows } from '../src/profile/instrument.ts';
import { calibrateProbe } from '../src/profile/calibrate.ts';
import type { ProfileJob, ProfileMessage } from '../src/profile/protocol.ts';

type Kernel = (A: FloatArray, B: FloatArray, C: FloatArray, shape: Shape) => FloatArray;

/** Per kernel id: the instrumented module and the real function, for the overhead figure. */
const KERNELS: Record<ProfiledKernel, { readonly profiled: typeof profiledNaive; readonly real: Kernel }> = {
  naive: { profiled: profiledNaive, real: matMul },
  'element-vectorised': { profiled: profiledElementVectorised, real: vectorisedMatMul },
  indexing: { profiled: profiledIndexing, real: indexingMatMul },
  broadcasting: { profiled: profiledBroadcasting, real: broadcastingMatMul },
};

const post = (m: ProfileMessage) => postMessage(m);
const now = () => performance.now();

function profile(job: Extract<ProfileJob, { type: 'profile' }>): void {
  const { kernel, shape, dtype, calls, seed } = job;
  const { profiled, real } = KERNELS[kernel];
  const { A, B } = generateInputs(shape, dtype, seed);
  const expected = referenceProduct(A, B, shape);
  const C = new (arrayFor(dtype))(shape.m * shape.n);
  // Warm the real kernel, then time it: the figure the profile's overhead is judged against.
  real(A, B, C, shape);
  let t0 = now();
  const plainCalls = Math.max(1, calls);
  for (let c = 0; c < plainCalls; c++) real(A, B, C, shape);
  const plainMsPerCall = (now() - t0) / plainCalls;

  const hits = new Float64Array(profiled.probeCount);
  const time = new Float64Array(profiled.probeCount);
  const run = profiled.create(now, hits, time)[PROFILED_KERNELS[kernel].entry] as unknown as Kernel;
  C.fill(NaN); // the check below must see what the instrumented kernel wrote
  run(A, B, C, shape); // warm-up: JIT the instrumented code before counting
  hits.fill(0);
  time.fill(0);
  t0 = now();
  for (let c = 0; c < calls; c++) {
    run(A, B, C, shape);
    post({ type: 'progress', done: c + 1, total: calls });
  }
  const instrumentedMsPerCall = (now() - t0) / calls;
  const correct = checkResult(C, expected, shape, dtype).correct;
  post({
    type: 'profile',
    kernel,
    shape,
    dtype,
    calls,
    rows: profileRows(profiled, hits, time),
    instrumentedMsPerCall,
    plainMsPerCall,
    probeNsPerHit: calibrateProbe(now),
    correct,
    env: probeEnvironment(now),
    at: new Date().toISOString(),
  });
}

function repeat(job: Extract<ProfileJob, { type: 'repeat' }>): void {
  const { shape, dtype, durationMs, seed } = job;
  const { A, B } = generateInputs(shape, dtype, seed);
  const C = new (arrayFor(dtype))(shape.m * shape.n);
  const t0 = now();
  let calls = 0;
  do {
    matMul(A, B, C, shape);
    calls++;
  } while (now() - t0 < durationMs);
  const elapsedMs = now() - t0;
  const correct = checkResult(C, referenceProduct(A, B, shape), shape, dtype).correct;
  post({ type: 'repeat', calls, elapsedMs, correct });
}

addEventListener('message', (e: MessageEvent<ProfileJob>) => {
  try {
    if (e.data.type === 'profile') profile(e.data);
    else repeat(e.data);
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
