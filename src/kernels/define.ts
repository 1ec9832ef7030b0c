// Shared plumbing for the plain TypeScript variants: the same set-up for all of
// them, so they differ only in the kernel that is timed. Pure.
import { arrayFor, type Dtype, type FloatArray, type Shape } from './types.ts';
import type { RunOnce, Variant, VariantInputs } from './variant.ts';

export const BOTH_DTYPES: readonly Dtype[] = ['f64', 'f32'];

/** A kernel that writes A·B into C (m×n, row-major) and returns C. */
export type Kernel = (A: FloatArray, B: FloatArray, C: FloatArray, shape: Shape) => FloatArray;

/**
 * C is allocated once in set-up, untimed, for every variant alike: the timed call
 * then measures the arithmetic and the variant's own temporaries, not the
 * allocation of the result.
 */
export function outputFor(inputs: VariantInputs): FloatArray {
  return new (arrayFor(inputs.dtype))(inputs.shape.m * inputs.shape.n);
}

/** Check the inputs agree with the shape before anything is timed. */
export function assertInputs({ A, B, shape, dtype }: VariantInputs): void {
  const { m, l, n } = shape;
  if (A.length !== m * l || B.length !== l * n) {
    throw new Error(`inputs do not match ${m}×${l}·${l}×${n}: A has ${A.length} elements, B ${B.length}`);
  }
  const Ctor = arrayFor(dtype);
  if (!(A instanceof Ctor) || !(B instanceof Ctor)) throw new Error(`inputs are not ${dtype} arrays`);
}

interface TypedVariantSpec {
  readonly id: string;
  readonly description: string;
  readonly section: string;
  readonly kernel: Kernel;
  readonly extraBytes?: (shape: Shape, dtype: Dtype) => number;
}

/** A variant whose timed call is `kernel(A, B, C, shape)` on the row-major inputs. */
export function typedVariant<Ctx>(spec: TypedVariantSpec): Variant<Ctx> {
  const { kernel } = spec;
  return {
    id: spec.id,
    description: spec.description,
    section: spec.section,
    dtypes: BOTH_DTYPES,
    extraBytes: spec.extraBytes ?? (() => 0),
    setup(inputs): RunOnce {
      assertInputs(inputs);
      const { A, B, shape } = inputs;
      const C = outputFor(inputs);
      return () => kernel(A, B, C, shape);
    },
  };
}
