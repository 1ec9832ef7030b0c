// Which data samples a run multiplies (section 2.1): a named set's several samples,
// each from its own seed, or one pair for a shape of one's own. Pure.
import type { Shape } from '../kernels/types.ts';
import { datasets, sampleSeed, type Dataset } from './generate.ts';

const sameShape = (a: Shape, b: Shape): boolean => a.m === b.m && a.l === b.l && a.n === b.n;

/** The named set with this shape, whatever the dtype (3.2.1 runs the float64 sets in float32 too). */
export function datasetWithShape(shape: Shape): Dataset | undefined {
  return Object.values(datasets).find((d) => sameShape(d.shape, shape));
}

/**
 * Seeds of the data samples a run of this shape multiplies, sample 0 first. A named
 * set: its `samples` seeds drawn from the base seed (the notebook's "several
 * different samples, the same on every run"). Any other shape, e.g. a panel's edited
 * size: one pair, from the base seed itself.
 */
export function dataSampleSeeds(shape: Shape, baseSeed: number): number[] {
  const set = datasetWithShape(shape);
  if (!set) return [baseSeed];
  return Array.from({ length: set.samples }, (_, i) => sampleSeed(baseSeed, i));
}
