// What `npm run bench` says about the WebGPU variants. Pure: results in, results out.
import type { BenchResult } from '../bench/protocol.ts';
import { GPU_F64_REASON, isGpuVariant } from '../gpu/meta.ts';

/** The flag that gives headless Chromium a WebGPU adapter (SwiftShader where there is no GPU). */
export const WEBGPU_FLAG = '--enable-unsafe-webgpu';

export const GPU_FLAG_OFF =
  `WebGPU not enabled in this browser: npm run bench started Chromium without ${WEBGPU_FLAG} (add --gpu)`;

/**
 * Without --gpu the browser has no adapter, and its own reason ("no GPU adapter")
 * does not say what to do: failed GPU results get the cause first, the browser's
 * words after. A float64 refusal stays as it is: no flag changes that.
 */
export function explainGpuFailures(results: readonly BenchResult[], gpuFlag: boolean): BenchResult[] {
  if (gpuFlag) return [...results];
  return results.map((r) =>
    r.status === 'error' && isGpuVariant(r.variant) && r.error !== GPU_F64_REASON
      ? { ...r, error: `${GPU_FLAG_OFF}. Chromium said: ${r.error}` }
      : r,
  );
}
