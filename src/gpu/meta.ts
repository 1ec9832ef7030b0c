// What is known about the WebGPU variants without running them: ids, descriptions,
// types, memory, and how their results are labelled. Pure and free of shader
// imports (matmul.ts imports the WGSL with ?raw, which only Vite can load), so
// `npm run bench -- --list` in Node, the panels' memory guard and the runner can
// all use it.
import type { BenchResult } from '../bench/protocol.ts';
import type { Dtype, Shape } from '../kernels/types.ts';
import type { GpuLimits } from './device.ts';
import type { TileChoice } from './tiles.ts';

export const GPU_F64_REASON = 'WGSL has no float64: WebGPU variants run in float32 only';

/** Stamped on every result measured on a fallback (software) adapter. */
export const SOFTWARE_ADAPTER_NOTE = 'software adapter: not a GPU timing';

export const GPU_SECTION = '3.2.2';

/** The part of a Variant that needs no device: enough for --list and the memory guard. */
export interface GpuVariantInfo {
  readonly id: string;
  readonly description: string;
  readonly section: string;
  readonly dtypes: readonly Dtype[];
  extraBytes(shape: Shape, dtype: Dtype): number;
  dtypeRefusal(dtype: Dtype): string;
}

const F32_ONLY: readonly Dtype[] = ['f32'];

function info(id: string, description: string): GpuVariantInfo {
  return {
    id,
    description,
    section: GPU_SECTION,
    dtypes: F32_ONLY,
    // On the device: A, B, C, and the mappable copy of C.
    extraBytes: ({ m, l, n }: Shape) => (m * l + l * n + 2 * m * n) * 4,
    dtypeRefusal: (dtype: Dtype) => (dtype === 'f64' ? GPU_F64_REASON : `${id} does not support ${dtype} (only f32)`),
  };
}

export const webgpuNaiveInfo = info(
  'webgpu-naive',
  'WebGPU, one invocation per element of C reading A and B from GPU memory (f32)',
);

export const webgpuTiledInfo = info(
  'webgpu-tiled',
  'WebGPU, tiles of A and B in workgroup memory, a 4×4 block of C per invocation (f32)',
);

export const gpuVariantInfos: readonly GpuVariantInfo[] = [webgpuNaiveInfo, webgpuTiledInfo];

/** The ids the GPU worker runs. */
export function isGpuVariant(id: string): boolean {
  return gpuVariantInfos.some((v) => v.id === id);
}

export function findGpuVariantInfo(id: string): GpuVariantInfo | undefined {
  return gpuVariantInfos.find((v) => v.id === id);
}

/** What the adapter and device are, as plain data; or why there is no WebGPU here. */
export type GpuAdapterReport =
  | {
      readonly available: true;
      readonly vendor: string;
      readonly architecture: string;
      readonly description: string;
      readonly isFallbackAdapter: boolean;
      readonly shaderF16: boolean;
      readonly timestampQuery: boolean;
      /** The device's limits the tiles were chosen from. */
      readonly limits: GpuLimits;
      readonly tiles: TileChoice;
      /** Why the device was lost, if it was and no call has re-opened it yet. */
      readonly lost: string | null;
    }
  | { readonly available: false; readonly reason: string };

/** "google · swiftshader (fallback adapter)": vendor, architecture, description, whichever are known. Pure. */
export function adapterLabel(report: GpuAdapterReport): string | null {
  if (!report.available) return null;
  const parts = [report.vendor, report.architecture, report.description].map((s) => s.trim()).filter((s) => s.length > 0);
  const unique = parts.filter((s, i) => parts.indexOf(s) === i);
  const name = unique.length > 0 ? unique.join(' · ') : 'unnamed adapter';
  return report.isFallbackAdapter ? `${name} (fallback adapter)` : name;
}

/**
 * Each result with the adapter it ran on and, for a fallback adapter, the
 * software note: a CPU emulating a GPU says nothing about GPU speed. Pure.
 */
export function stampAdapter(results: readonly BenchResult[], report: GpuAdapterReport): BenchResult[] {
  const adapter = adapterLabel(report);
  if (adapter === null) return [...results];
  const software = report.available && report.isFallbackAdapter;
  return results.map((r) => ({ ...r, adapter, ...(software ? { note: SOFTWARE_ADAPTER_NOTE } : {}) }));
}
