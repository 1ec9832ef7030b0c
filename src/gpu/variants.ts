// Section 3.2: the WebGPU variants, measured through the same contract as the CPU
// ones. The timed call is the whole round trip (upload, kernel, read back), as a
// page pays it; the kernel alone is reported apart, by lastTiming().
import { assertInputs } from '../kernels/define.ts';
import type { Dtype, Shape } from '../kernels/types.ts';
import type { RunOnce, Variant } from '../kernels/variant.ts';
import { openGpu, navigatorGpu, type GpuHandle, type GpuUnavailable } from './device.ts';
import { GPU_F64_REASON, gpuMatmul, type GpuKind, type GpuTiming } from './matmul.ts';

/** What a WebGPU variant needs: an open device, or the reason there is none. */
export interface GpuContext {
  readonly gpu: GpuHandle | GpuUnavailable;
}

/** Open WebGPU on this thread (window or dedicated worker); never throws. */
export async function loadGpuContext(gpu: GPU | undefined = navigatorGpu()): Promise<GpuContext> {
  return { gpu: await openGpu(gpu) };
}

const F32_ONLY: readonly Dtype[] = ['f32'];

export type GpuVariant = Variant<GpuContext> & { lastTiming(): GpuTiming | undefined };

function gpuVariant(id: string, kind: GpuKind, description: string): GpuVariant {
  let last: GpuTiming | undefined;
  return {
    id,
    description,
    section: '3.2',
    dtypes: F32_ONLY,
    // On the device: A, B, C, and the mappable copy of C.
    extraBytes: ({ m, l, n }: Shape) => (m * l + l * n + 2 * m * n) * 4,
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

export const webgpuNaive = gpuVariant(
  'webgpu-naive',
  'naive',
  'WebGPU, one invocation per element of C reading A and B from GPU memory (f32)',
);

export const webgpuTiled = gpuVariant(
  'webgpu-tiled',
  'tiled',
  'WebGPU, tiles of A and B in workgroup memory, a 4×4 block of C per invocation (f32)',
);

export const gpuVariants: readonly GpuVariant[] = [webgpuNaive, webgpuTiled];
