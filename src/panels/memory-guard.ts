// Wires the pure validation to the real memory guard (memoryRefusal, src/kernels/memory.ts) and
// the variant registries, so a panel refuses a shape for the same reason the
// harness would, before any worker starts.
import type { Dtype, Shape } from '../kernels/types.ts';
import { DEFAULT_MEMORY_BUDGET_BYTES, memoryRefusal } from '../kernels/memory.ts';
import { findSerialVariant } from '../kernels/registry.ts';
import { findParallelVariant } from '../parallel/variants.ts';
import { findGpuVariantInfo } from '../gpu/meta.ts';

export function knownVariant(id: string): boolean {
  return findSerialVariant(id) !== undefined || findParallelVariant(id) !== undefined || findGpuVariantInfo(id) !== undefined;
}

/**
 * Why `id` cannot run this shape, or null. `workers` is the panel's worker count:
 * a parallel variant runs on all of them (the dispatcher grows its pool to the
 * count asked for, src/parallel/run.ts, so min(workers, pool size) is the count
 * itself), and what it copies per worker counts once per worker. Serial and GPU
 * variants use one thread whatever the field says.
 */
export function refuseByMemory(id: string, shape: Shape, dtype: Dtype, workers = 1): string | null {
  const gpu = findGpuVariantInfo(id);
  if (gpu) {
    if (!gpu.dtypes.includes(dtype)) return gpu.dtypeRefusal(dtype);
    return memoryRefusal(gpu, shape, dtype, DEFAULT_MEMORY_BUDGET_BYTES);
  }
  const parallel = findParallelVariant(id);
  const variant = findSerialVariant(id) ?? parallel;
  if (!variant) return `unknown variant "${id}"`;
  if (!variant.dtypes.includes(dtype)) return `${id} has no ${dtype} version`;
  return memoryRefusal(variant, shape, dtype, DEFAULT_MEMORY_BUDGET_BYTES, parallel ? workers : 1);
}
