// Section 3.2.2: the WebGPU variants, measured through the same contract as the CPU
// ones. The timed call is the whole round trip (upload, kernel, read back), as a
// page pays it; the kernel alone is reported apart, by lastTiming().
import { assertInputs } from '../kernels/define.ts';
import type { RunOnce, Variant } from '../kernels/variant.ts';
import { openGpu, navigatorGpu, type GpuHandle, type GpuUnavailable } from './device.ts';
import { GPU_F64_REASON, gpuMatmul, type GpuKind, type GpuTiming } from './matmul.ts';
import { webgpuNaiveInfo, webgpuTiledInfo, type GpuVariantInfo } from './meta.ts';

/** What a WebGPU variant needs: an open device, or the reason there is none. */
export interface GpuContext {
  readonly gpu: GpuHandle | GpuUnavailable;
}

/** Open WebGPU on this thread (window or dedicated worker); never throws. */
export async function loadGpuContext(gpu: GPU | undefined = navigatorGpu()): Promise<GpuContext> {
  return { gpu: await openGpu(gpu) };
}

export type GpuVariant = Variant<GpuContext> & { lastTiming(): GpuTiming | undefined };

function gpuVariant(meta: GpuVariantInfo, kind: GpuKind): GpuVariant {
  let last: GpuTiming | undefined;
  return {
    id: meta.id,
    description: meta.description,
    section: meta.section,
    dtypes: meta.dtypes,
    extraBytes: meta.extraBytes,
    dtypeRefusal: meta.dtypeRefusal,
    setup(inputs, ctx): RunOnce {
      if (!ctx.gpu.available) throw new Error(ctx.gpu.reason);
      if (inputs.dtype !== 'f32') throw new Error(GPU_F64_REASON);
      assertInputs(inputs);
      const handle = ctx.gpu;
      const A = inputs.A as Float32Array;
      const B = inputs.B as Float32Array;
      const { shape } = inputs;
      // Allocated once, untimed, like every variant's C; each call overwrites it.
      const C = new Float32Array(shape.m * shape.n);
      last = undefined;
      return async () => {
        const result = await gpuMatmul(handle, kind, A, B, shape, C);
        last = { kernelMs: result.kernelMs, bytesMoved: result.bytesMoved };
        return result.C;
      };
    },
    lastTiming: () => last,
  };
}

export const webgpuNaive = gpuVariant(webgpuNaiveInfo, 'naive');

export const webgpuTiled = gpuVariant(webgpuTiledInfo, 'tiled');

export const gpuVariants: readonly GpuVariant[] = [webgpuNaive, webgpuTiled];

/** The ids of `gpuVariants`, in its order (a unit test holds the two together): the type slides name them by. */
export const gpuVariantIds = ['webgpu-naive', 'webgpu-tiled'] as const;

export type GpuVariantId = (typeof gpuVariantIds)[number];
