// Wires the pure validation to the real memory guard (H1's memoryRefusal) and
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

export function refuseByMemory(id: string, shape: Shape, dtype: Dtype): string | null {
  const gpu = findGpuVariantInfo(id);
  if (gpu) {
    if (!gpu.dtypes.includes(dtype)) return gpu.dtypeRefusal(dtype);
    return memoryRefusal(gpu, shape, dtype, DEFAULT_MEMORY_BUDGET_BYTES);
  }
  const variant = findSerialVariant(id) ?? findParallelVariant(id);
  if (!variant) return `unknown variant "${id}"`;
  if (!variant.dtypes.includes(dtype)) return `${id} has no ${dtype} version`;
  return memoryRefusal(variant, shape, dtype, DEFAULT_MEMORY_BUDGET_BYTES);
}
