// The memory guard: refuse, with a reason, a variant whose temporaries would not
// fit, instead of letting the tab die. Pure.
import { operandBytes, type Dtype, type Shape } from './types.ts';
import type { Variant } from './variant.ts';
import { formatBytes } from '../format/units.ts';

/**
 * 1 GiB. A tab that allocates far more is killed ("Aw, Snap!"/out of memory)
 * rather than handed a catchable RangeError, and 32-bit WebAssembly memory ends at
 * 4 GiB anyway. A laptop running the slides next to other tabs can spare 1 GiB;
 * the big set's operands (229 MiB in f32) fit, indexing's copies (tens of GiB) do not.
 */
export const DEFAULT_MEMORY_BUDGET_BYTES = 2 ** 30;

type Sized = Pick<Variant<any>, 'extraBytes' | 'workerBytes'>;

/** Bytes beyond A, B and C for one call on `workers` workers: the variant's temporaries and each worker's own share. */
export function temporaryBytes(variant: Sized, shape: Shape, dtype: Dtype, workers = 1): number {
  return variant.extraBytes(shape, dtype) + workers * (variant.workerBytes?.(shape, dtype) ?? 0);
}

/** Bytes a variant needs for one call: A, B, C and its own temporaries (on `workers` workers). */
export function memoryNeed(variant: Sized, shape: Shape, dtype: Dtype, workers = 1): number {
  return operandBytes(shape, dtype) + temporaryBytes(variant, shape, dtype, workers);
}

/**
 * null when the variant fits in the budget, else a sentence saying why not.
 * `workers`: how many workers the variant runs on (a copy per worker counts once per worker).
 */
export function memoryRefusal(
  variant: Pick<Variant<any>, 'id' | 'extraBytes' | 'workerBytes'>,
  shape: Shape,
  dtype: Dtype,
  budgetBytes: number = DEFAULT_MEMORY_BUDGET_BYTES,
  workers = 1,
): string | null {
  const need = memoryNeed(variant, shape, dtype, workers);
  if (need <= budgetBytes) return null;
  const size = `${shape.m}×${shape.l}×${shape.n} (m×l×n, ${dtype})`;
  const each = variant.workerBytes?.(shape, dtype) ?? 0;
  const perWorker = each > 0 ? `, ${formatBytes(each)} of them in each of ${workers} worker${workers === 1 ? '' : 's'}` : '';
  const extra = temporaryBytes(variant, shape, dtype, workers);
  const what = extra > 0 ? `${formatBytes(need)} (${formatBytes(extra)} of it temporaries${perWorker})` : formatBytes(need);
  return `${variant.id} needs ${what} for ${size}; the budget is ${formatBytes(budgetBytes)}`;
}
