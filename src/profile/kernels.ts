// The JavaScript kernels the 2.2 line profiler can follow, so students see which
// line gets hot after each change (naive → element-vectorised → indexing →
// broadcasting). Plain data: the ids, the labels, and which function to call.
export const PROFILED_KERNELS = {
  naive: { label: 'naive loops (1.2)', entry: 'matMul' },
  'element-vectorised': { label: 'element-vectorised (3.1)', entry: 'vectorisedMatMul' },
  indexing: { label: 'indexing (3.1.1)', entry: 'indexingMatMul' },
  broadcasting: { label: 'broadcasting (3.1.2)', entry: 'broadcastingMatMul' },
} as const;

export type ProfiledKernel = keyof typeof PROFILED_KERNELS;

export const PROFILED_KERNEL_IDS = Object.keys(PROFILED_KERNELS) as ProfiledKernel[];

export function isProfiledKernel(id: unknown): id is ProfiledKernel {
  return typeof id === 'string' && id in PROFILED_KERNELS;
}
