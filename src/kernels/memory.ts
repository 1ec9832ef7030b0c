// The memory guard: refuse, with a reason, a variant whose temporaries would not
// fit, instead of letting the tab die. Pure.
import { operandBytes, type Dtype, type Shape } from './types.ts';
import type { Variant } from './variant.ts';

/**
 * 1 GiB. A tab that allocates far more is killed ("Aw, Snap!"/out of memory)
 * rather than handed a catchable RangeError, and 32-bit WebAssembly memory ends at
 * 4 GiB anyway. A laptop running the slides next to other tabs can spare 1 GiB;
 * the big set's operands (≈ 240 MB in f32) fit, indexing's copies (tens of GB) do not.
 */
export const DEFAULT_MEMORY_BUDGET_BYTES = 2 ** 30;

/** Bytes a variant needs for one call: A, B, C and its own temporaries. */
export function memoryNeed(variant: Pick<Variant<any>, 'extraBytes'>, shape: Shape, dtype: Dtype): number {
  return operandBytes(shape, dtype) + variant.extraBytes(shape, dtype);
}

/** null when the variant fits in the budget, else a sentence saying why not. */
export function memoryRefusal(
  variant: Pick<Variant<any>, 'id' | 'extraBytes'>,
  shape: Shape,
  dtype: Dtype,
  budgetBytes: number = DEFAULT_MEMORY_BUDGET_BYTES,
): string | null {
  const extra = variant.extraBytes(shape, dtype);
  const need = operandBytes(shape, dtype) + extra;
  if (need <= budgetBytes) return null;
  const size = `${shape.m}×${shape.l}×${shape.n} (m×l×n, ${dtype})`;
  const what = extra > 0 ? `${formatBytes(need)} (${formatBytes(extra)} of it temporaries)` : formatBytes(need);
  return `${variant.id} needs ${what} for ${size}; the budget is ${formatBytes(budgetBytes)}`;
}

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** 1536 → "1.5 KiB"; binary units, one decimal (none for bytes). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  return unit === 0 ? `${sign}${value} B` : `${sign}${value.toFixed(1)} ${units[unit]}`;
}
