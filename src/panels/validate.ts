// Checks what a viewer typed into a benchmark panel before anything runs.
// Pure: strings in, either a runnable request or one message per bad field out.
// The panel only renders the verdict (aria-invalid + role="alert"), so every rule
// here is unit-tested without a DOM.
import type { Dtype, Shape } from '../kernels/types.ts';
import { operandBytes } from '../kernels/types.ts';
import { formatBytes } from '../format/units.ts';

export type FieldName = 'm' | 'l' | 'n' | 'samples' | 'workers' | 'chunk' | 'dtype';

/** How the form labels each field and the messages name it. */
export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  m: 'm (rows of A)',
  l: 'l (inner size)',
  n: 'n (columns of B)',
  samples: 'Samples',
  workers: 'Workers',
  chunk: 'Chunk size',
  dtype: 'Data type',
};

/** Raw values as read from the inputs (always strings in the DOM). */
export interface RawFields {
  readonly m: string;
  readonly l: string;
  readonly n: string;
  readonly samples: string;
  readonly dtype: string;
  /** Absent when the panel has no worker input. */
  readonly workers?: string;
  /** Absent when the panel has no chunk input; empty means "auto" (one chunk per worker). */
  readonly chunk?: string;
}

export interface Bounds {
  readonly min: number;
  readonly max: number;
}

/**
 * Sane upper bounds. They are not about memory (that is the memory guard's job)
 * but about patience: a 4096-wide side or a million-long inner dimension is
 * already far beyond what a lecture can wait for with the naive kernel.
 */
export const LIMITS: Readonly<Record<Exclude<FieldName, 'dtype'>, Bounds>> = {
  m: { min: 1, max: 4096 },
  l: { min: 1, max: 1_000_000 },
  n: { min: 1, max: 4096 },
  samples: { min: 1, max: 100 },
  workers: { min: 1, max: 64 },
  // Elements per message. Above m·n it is simply one message, so the bound only
  // catches typos; memory is already bounded by the guard (all rows and columns
  // are packed whatever the chunking).
  chunk: { min: 1, max: 1_000_000 },
};

/** Above this many flops per product a single call takes minutes with the slow variants. */
export const MAX_FLOPS_PER_CALL = 4e10;

/** Fallback budget when no memory guard is injected: operands alone must fit in it. */
export const FALLBACK_BUDGET_BYTES = 1024 ** 3;

export interface ValidRequest {
  readonly shape: Shape;
  readonly dtype: Dtype;
  readonly samples: number;
  readonly workers?: number;
  /** Elements per message of the per-element parallel variants; absent = auto (one chunk per worker). */
  readonly chunkSize?: number;
}

export type Validation =
  | { readonly ok: true; readonly value: ValidRequest }
  | { readonly ok: false; readonly errors: Partial<Record<FieldName, string>> };

export interface ValidateOptions {
  /** Variant ids the panel will run; passed to the memory guard. */
  readonly variants: readonly string[];
  /**
   * Memory guard (memoryRefusal of src/kernels/memory.ts, wired to the variant registry): a reason
   * when a variant cannot fit this shape, else null. Injected so this module
   * stays pure and testable; without it only the operands are checked.
   */
  readonly refuse?: (variant: string, shape: Shape, dtype: Dtype, workers: number) => string | null;
  /** Tighter worker bound, e.g. a few times navigator.hardwareConcurrency. */
  readonly maxWorkers?: number;
  readonly dtypes?: readonly Dtype[];
}

export type IntResult = { readonly value: number } | { readonly error: string };

const INTEGER = /^[+]?\d+$/;

/** A whole number within bounds, with a message that says what to type instead. */
export function parseBoundedInt(raw: string, label: string, bounds: Bounds): IntResult {
  const text = raw.trim();
  if (text === '') return { error: `${label} is empty: type a whole number from ${bounds.min} to ${bounds.max}.` };
  const asNumber = Number(text);
  if (Number.isNaN(asNumber)) return { error: `${label} "${text}" is not a number.` };
  if (!Number.isFinite(asNumber)) return { error: `${label} must be finite.` };
  if (!INTEGER.test(text) || !Number.isInteger(asNumber)) {
    if (asNumber <= 0) return { error: `${label} must be a positive whole number.` };
    return { error: `${label} must be a whole number (got ${text}).` };
  }
  if (asNumber <= 0) return { error: `${label} must be at least ${Math.max(1, bounds.min)}.` };
  if (asNumber < bounds.min) return { error: `${label} must be at least ${bounds.min}.` };
  if (asNumber > bounds.max) return { error: `${label} must be at most ${bounds.max.toLocaleString('en')}.` };
  return { value: asNumber };
}

function isDtype(s: string, allowed: readonly Dtype[]): s is Dtype {
  return (allowed as readonly string[]).includes(s);
}

export function validateFields(raw: RawFields, options: ValidateOptions): Validation {
  const errors: Partial<Record<FieldName, string>> = {};
  const ints: Partial<Record<Exclude<FieldName, 'dtype'>, number>> = {};
  const fields: Exclude<FieldName, 'dtype'>[] = ['m', 'l', 'n', 'samples'];
  if (raw.workers !== undefined) fields.push('workers');
  // An empty chunk size is a choice, not a mistake: auto, one chunk per worker.
  if (raw.chunk !== undefined && raw.chunk.trim() !== '') fields.push('chunk');
  for (const field of fields) {
    const text = field === 'workers' ? (raw.workers ?? '') : field === 'chunk' ? (raw.chunk ?? '') : raw[field];
    const bounds =
      field === 'workers' && options.maxWorkers !== undefined
        ? { min: LIMITS.workers.min, max: Math.min(LIMITS.workers.max, options.maxWorkers) }
        : LIMITS[field];
    const parsed = parseBoundedInt(text, FIELD_LABELS[field], bounds);
    if ('error' in parsed) errors[field] = parsed.error;
    else ints[field] = parsed.value;
  }
  const allowed = options.dtypes ?? ['f64', 'f32'];
  let dtype: Dtype | undefined;
  if (isDtype(raw.dtype, allowed)) dtype = raw.dtype;
  else errors.dtype = `Data type must be one of ${allowed.join(', ')}.`;

  if (ints.m !== undefined && ints.l !== undefined && ints.n !== undefined && dtype !== undefined) {
    const shape: Shape = { m: ints.m, l: ints.l, n: ints.n };
    // Per-worker copies count once per worker; without a worker field the variants run on one.
    const shapeError = shapeRefusal(shape, dtype, options, ints.workers ?? 1);
    if (shapeError !== null) {
      // The shape as a whole is at fault; flag the three sizes so each input says so.
      errors.m = shapeError;
      errors.l = shapeError;
      errors.n = shapeError;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      shape: { m: ints.m!, l: ints.l!, n: ints.n! },
      dtype: dtype!,
      samples: ints.samples!,
      ...(ints.workers !== undefined ? { workers: ints.workers } : {}),
      ...(ints.chunk !== undefined ? { chunkSize: ints.chunk } : {}),
    },
  };
}

/** Why a whole shape cannot run on `workers` workers (too much work or memory), or null. */
export function shapeRefusal(shape: Shape, dtype: Dtype, options: ValidateOptions, workers = 1): string | null {
  const flops = 2 * shape.m * shape.l * shape.n;
  if (flops > MAX_FLOPS_PER_CALL) {
    return `${shape.m}×${shape.l}×${shape.n} is ${(flops / 1e9).toFixed(0)} GFLOP per product: too long to wait for (limit ${MAX_FLOPS_PER_CALL / 1e9} GFLOP).`;
  }
  if (options.refuse) {
    for (const variant of options.variants) {
      const reason = options.refuse(variant, shape, dtype, workers);
      if (reason !== null) return reason.includes(variant) ? reason : `${variant}: ${reason}`;
    }
    return null;
  }
  const bytes = operandBytes(shape, dtype);
  if (bytes > FALLBACK_BUDGET_BYTES) {
    return `A, B and C need ${formatBytes(bytes)}, above the ${formatBytes(FALLBACK_BUDGET_BYTES)} budget.`;
  }
  return null;
}
