// Which build of the tuned kernel parallel-tuned hands its workers: the relaxed-SIMD
// one (fused multiply-add) when this engine compiles it, else plain SIMD. Found
// out once by instantiating it on a one-page shared memory, where the pool lives
// (the dispatcher); every pool worker is the same engine, so they load the same
// build. Vite only (`?init`), like src/wasm/load.ts.
import type { TunedParallelExports } from '../kernels/wasm-module.ts';
import { instantiateBest } from '../kernels/wasm-module.ts';
import initTunedParallel from '../wasm/build/tuned-parallel.wasm?init';
import initTunedParallelRelaxed from '../wasm/build/tuned-parallel-relaxed.wasm?init';
import type { TunedSupport } from './variants.ts';

type Name = 'tuned-parallel' | 'tuned-parallel-relaxed';

const found = new Map<boolean, Promise<TunedSupport>>();

async function detect(relaxed: boolean): Promise<TunedSupport> {
  if (typeof SharedArrayBuffer === 'undefined') return { build: null, reason: 'no SharedArrayBuffer (the page is not cross-origin isolated)', scratchBytes: 0 };
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
  const inits: Record<Name, () => Promise<WebAssembly.Instance>> = {
    'tuned-parallel': () => initTunedParallel({ env: { memory } }),
    'tuned-parallel-relaxed': () => initTunedParallelRelaxed({ env: { memory } }),
  };
  try {
    const { instance, build, fallbackReason } = await instantiateBest<Name>((name) => inits[name](), 'tuned-parallel-relaxed', 'tuned-parallel', relaxed);
    const scratchBytes = (instance.exports as unknown as TunedParallelExports).scratchBytes();
    return { build, reason: fallbackReason, scratchBytes };
  } catch (e) {
    return { build: null, reason: e instanceof Error ? e.message : String(e), scratchBytes: 0 };
  }
}

/** `relaxed: false` forces the plain-SIMD build (tests of the fallback). Cached per flag. */
export function tunedSupport(relaxed = true): Promise<TunedSupport> {
  let p = found.get(relaxed);
  if (!p) found.set(relaxed, (p = detect(relaxed)));
  return p;
}
