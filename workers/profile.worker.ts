// Adapts the line profiler and the naive kernel to messages. No logic of its
// own: instrumentation is src/profile/, the kernel is H1's naive.ts, the data
// and the check are the harness's.
import naiveSource from '../src/kernels/naive.ts?raw';
import { matMul, matMulElem } from '../src/kernels/naive.ts';
import { generateInputs } from '../src/data/generate.ts';
import { referenceProduct } from '../src/data/reference.ts';
import { checkResult } from '../src/check/allclose.ts';
import { arrayFor } from '../src/kernels/types.ts';
import { probeEnvironment } from '../src/bench/environment.ts';
import { compile, extractRegion, instrument, profileRows, type Instrumented } from '../src/profile/instrument.ts';
import { calibrateProbe } from '../src/profile/calibrate.ts';
import type { ProfileJob, ProfileMessage } from '../src/profile/protocol.ts';

const post = (m: ProfileMessage) => postMessage(m);
const now = () => performance.now();

/** The region shown on the slide; if it cannot be compiled, the running function's own text. */
function instrumented(): { inst: Instrumented; note: string | null } {
  try {
    const region = extractRegion(naiveSource, 'naive');
    const inst = instrument(region.text, region.firstLine);
    compile(inst, now); // throws a SyntaxError if the type stripping missed something
    return { inst, note: null };
  } catch (e) {
    const js = `${matMulElem.toString()}\n\n${matMul.toString()}`;
    return { inst: instrument(js, 1), note: `shown source not instrumentable (${e instanceof Error ? e.message : e}); profiled the compiled function text` };
  }
}

function profile(job: Extract<ProfileJob, { type: 'profile' }>): void {
  const { shape, dtype, calls, seed } = job;
  const { A, B } = generateInputs(shape, dtype, seed);
  const expected = referenceProduct(A, B, shape);
  const C = new (arrayFor(dtype))(shape.m * shape.n);
  // Warm the real kernel, then time it: the figure the profile's overhead is judged against.
  matMul(A, B, C, shape);
  let t0 = now();
  const plainCalls = Math.max(1, calls);
  for (let c = 0; c < plainCalls; c++) matMul(A, B, C, shape);
  const plainMsPerCall = (now() - t0) / plainCalls;

  const { inst, note } = instrumented();
  const mod = compile(inst, now);
  const run = mod.functions.matMul as unknown as typeof matMul;
  run(A, B, C, shape); // warm-up: JIT the instrumented code before counting
  mod.hits.fill(0);
  mod.time.fill(0);
  t0 = now();
  for (let c = 0; c < calls; c++) {
    run(A, B, C, shape);
    post({ type: 'progress', done: c + 1, total: calls });
  }
  const instrumentedMsPerCall = (now() - t0) / calls;
  const correct = checkResult(C, expected, shape, dtype).correct;
  post({
    type: 'profile',
    shape,
    dtype,
    calls,
    rows: profileRows(inst, mod.hits, mod.time),
    instrumentedMsPerCall,
    plainMsPerCall,
    probeNsPerHit: calibrateProbe(now),
    correct,
    env: probeEnvironment(now),
    at: new Date().toISOString(),
    sourceNote: note,
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
