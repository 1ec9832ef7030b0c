// Modules made by src/build/profile-plugin.ts from `…/kernel.ts?region=NAME&profile`.
declare module '*&profile' {
  export const lines: readonly import('./instrument.ts').SourceLine[];
  export const probeCount: number;
  export const functionNames: readonly string[];
  /** The instrumented functions of the region, counting into `hits` and `time`. */
  export function create(now: () => number, hits: Float64Array, time: Float64Array): Record<string, (...args: never[]) => unknown>;
}
