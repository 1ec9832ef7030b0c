// What the measuring thread can see of its machine. Read from inside the thread
// that runs the kernels (the bench worker), since isolation and timers are per agent.
import type { Environment } from './protocol.ts';
import { measureResolution } from './timer.ts';

/**
 * Smallest valid module using a SIMD opcode: () -> v128 { i8x16.popcnt(i8x16.splat(0)) }.
 * The same probe as the wasm-feature-detect package, so no download is needed to ask.
 */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

export function wasmSimdSupported(): boolean {
  try {
    return typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);
  } catch {
    return false;
  }
}

/** The global scope may be a window, a worker, or Node (no navigator before Node 21). */
export function probeEnvironment(now: () => number = () => performance.now()): Environment {
  const g = globalThis as { crossOriginIsolated?: boolean; navigator?: Partial<Navigator> };
  return {
    crossOriginIsolated: g.crossOriginIsolated === true,
    sharedArrayBuffer: typeof SharedArrayBuffer !== 'undefined',
    cores: g.navigator?.hardwareConcurrency ?? 1,
    timerResolutionMs: measureResolution(now),
    wasmSimd: wasmSimdSupported(),
    userAgent: g.navigator?.userAgent ?? `Node.js ${typeof process !== 'undefined' ? process.version : ''}`.trim(),
  };
}
