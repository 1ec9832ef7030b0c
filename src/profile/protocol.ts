// Messages between the profile panel and workers/profile.worker.ts. Plain data.
import type { Dtype, Shape } from '../kernels/types.ts';
import type { Environment } from '../bench/protocol.ts';
import type { ProfileRow } from './instrument.ts';
import type { ProfiledKernel } from './kernels.ts';

export type ProfileJob =
  | { readonly type: 'profile'; readonly kernel: ProfiledKernel; readonly shape: Shape; readonly dtype: Dtype; readonly calls: number; readonly seed: number }
  /** Run the real naive kernel over and over for about durationMs (the freeze demo's worker half). */
  | { readonly type: 'repeat'; readonly shape: Shape; readonly dtype: Dtype; readonly durationMs: number; readonly seed: number };

export interface ProfileReport {
  readonly type: 'profile';
  /** Which kernel was profiled. */
  readonly kernel: ProfiledKernel;
  readonly shape: Shape;
  readonly dtype: Dtype;
  readonly calls: number;
  readonly rows: ProfileRow[];
  /** Wall time of the instrumented calls, per call. */
  readonly instrumentedMsPerCall: number;
  /** The real (uninstrumented) kernel on the same data, per call, after a warm-up. */
  readonly plainMsPerCall: number;
  /** Clock time a probe charges to the lines around it, per hit, from a calibration loop. */
  readonly probeNsPerHit: number;
  /** The instrumented kernel's product checked against the reference. */
  readonly correct: boolean;
  readonly env: Environment;
  readonly at: string;
}

export interface RepeatReport {
  readonly type: 'repeat';
  readonly calls: number;
  readonly elapsedMs: number;
  readonly correct: boolean;
}

export type ProfileMessage =
  | ProfileReport
  | RepeatReport
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'error'; readonly message: string };
