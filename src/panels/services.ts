// What the panels need from the page, built once by the composition root
// (src/main.ts, through browser-services.ts) and handed to every panel through
// its host. Nothing under panels/kinds/ reaches for a worker, the pool, the
// store, the clock or the global document itself, so a test can mount a panel
// on services of its own (a fake runner, a Map for storage) and no real worker.
import type { Environment, MeasuredPeaks } from '../bench/protocol.ts';
import type { BenchRunner } from '../bench/runner.ts';
import type { GpuAdapterReport } from '../gpu/meta.ts';
import type { WorkerPool } from '../pool/pool.ts';
import type { ProfileJob, ProfileReport, RepeatReport } from '../profile/protocol.ts';
import type { KeyValueStore } from './storage.ts';

export type { BenchRunner };

/** The line profiler's worker (2.2, and the worker half of 4.1.2's freeze demo). */
export interface ProfileRunner {
  run<J extends ProfileJob>(
    job: J,
    opts?: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
  ): Promise<J extends { type: 'profile' } ? ProfileReport : RepeatReport>;
}

/** The environment of this page, and what the env dialog asks the workers. */
export interface EnvironmentProbe {
  /** The page's own environment (the resolution probe spins for a moment: measured once). */
  page(): Environment;
  /** navigator.hardwareConcurrency, without probing anything. */
  readonly cores: number;
  /** One bench worker's peaks and `workers` pool workers' peaks; null where a side cannot measure. */
  peaks(workers: number): Promise<[MeasuredPeaks | null, MeasuredPeaks | null]>;
  /** The GPU worker's adapter, or why there is none. */
  gpuAdapter(): Promise<GpuAdapterReport>;
}

export interface Services {
  readonly document: Document;
  /** Every BenchRequest goes here: the serial, parallel and GPU workers behind one call. */
  readonly runner: BenchRunner;
  readonly profiler: ProfileRunner;
  /** The page's worker pool, for the demos that drive it from the page (race, messages); made on first use. */
  pool(): Promise<WorkerPool>;
  /** Kept results (localStorage in the page), or null where storage is unavailable. */
  readonly store: KeyValueStore | null;
  readonly environment: EnvironmentProbe;
  /** Wall-clock time, for the "measured at" of results and the "Done at" line. */
  now(): Date;
  /** Preload the chart library while the page is idle, so it never lands inside a run. */
  warmCharts(): void;
}

/** Services together with the resources behind them, for the one owner that disposes them. */
export interface OwnedServices extends Services {
  /** Terminates the workers and the pool and drops pending idle work; called on hot reload. */
  dispose(): void;
}
