// The sizes of a sweep as a viewer types them: "64, 128, 256". Pure: text in,
// the sizes or one message per problem out, so every rule is unit-tested.
import type { Dtype, Shape } from '../kernels/types.ts';
import { LIMITS, shapeRefusal } from './validate.ts';

export const DEFAULT_SWEEP_SIZES: readonly number[] = [64, 128, 256, 512, 1024, 2048];

/** More points than this make a sweep too long to wait for on a slide. */
export const MAX_SWEEP_POINTS = 10;

export type SizesResult = { readonly ok: true; readonly sizes: number[] } | { readonly ok: false; readonly errors: string[] };

export interface SizesOptions {
  /** Variants the sweep runs at every size (each must fit each size). */
  readonly variants: readonly string[];
  readonly dtype: Dtype;
  /** The memory guard, as in validateFields: a reason a variant cannot fit a shape, else null. */
  readonly refuse?: (variant: string, shape: Shape, dtype: Dtype) => string | null;
}

export const square = (s: number): Shape => ({ m: s, l: s, n: s });

/**
 * Comma-separated whole numbers within the m/n bounds, each listed once, at most
 * MAX_SWEEP_POINTS, each size within the work limit and the memory guard for every
 * variant. The sizes come back in increasing order.
 */
export function parseSizes(text: string, options: SizesOptions): SizesResult {
  const { min, max } = LIMITS.n;
  const parts = text.split(',').map((p) => p.trim());
  if (parts.every((p) => p === '')) return { ok: false, errors: [`Sizes is empty: type square sizes separated by commas, e.g. ${DEFAULT_SWEEP_SIZES.slice(0, 3).join(',')}.`] };
  const errors: string[] = [];
  const sizes: number[] = [];
  for (const p of parts) {
    if (p === '') {
      errors.push('Sizes has an empty entry (two commas in a row, or one at an end).');
      continue;
    }
    if (!/^\d+$/.test(p)) {
      errors.push(Number.isFinite(Number(p)) ? `Size "${p}" is not a whole number.` : `Size "${p}" is not a number.`);
      continue;
    }
    const s = Number(p);
    if (s < min || s > max) {
      errors.push(`Size ${p} is out of range: each size must be from ${min} to ${max.toLocaleString('en')}.`);
      continue;
    }
    if (sizes.includes(s)) {
      errors.push(`Size ${s} is listed twice.`);
      continue;
    }
    sizes.push(s);
  }
  if (sizes.length > MAX_SWEEP_POINTS) errors.push(`${sizes.length} sizes is too many for one sweep: at most ${MAX_SWEEP_POINTS}.`);
  if (errors.length === 0) {
    for (const s of sizes) {
      const reason = shapeRefusal(square(s), options.dtype, { variants: options.variants, refuse: options.refuse });
      if (reason !== null) errors.push(`Size ${s}: ${reason}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, sizes: [...sizes].sort((a, b) => a - b) };
}
