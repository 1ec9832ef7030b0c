// Pure bookkeeping of the race demo: did the workers' loops run at the same
// time, for how long, and what may the panel honestly conclude from a total.
import type { RaceLoopRecord } from '../pool/protocol.ts';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Overlap {
  /** Time during which at least two loops were running. */
  readonly overlapMs: number;
  /** Time during which at least one loop was running. */
  readonly spanMs: number;
  /** overlapMs / spanMs, in [0, 1]; 0 when nothing ran. */
  readonly fraction: number;
}

/** Sweep over the start and end points, counting how many spans are open. */
export function overlapOf(spans: readonly Span[]): Overlap {
  const points: { t: number; d: 1 | -1 }[] = [];
  for (const s of spans) {
    if (!(s.end >= s.start)) throw new RangeError(`a span must not end before it starts (${s.start} → ${s.end})`);
    points.push({ t: s.start, d: 1 }, { t: s.end, d: -1 });
  }
  // Ends before starts at the same instant: spans that merely touch do not overlap.
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let open = 0;
  let last = 0;
  let overlapMs = 0;
  let spanMs = 0;
  for (const p of points) {
    if (open >= 1) spanMs += p.t - last;
    if (open >= 2) overlapMs += p.t - last;
    open += p.d;
    last = p.t;
  }
  return { overlapMs, spanMs, fraction: spanMs > 0 ? Math.min(1, overlapMs / spanMs) : 0 };
}

/** One worker's loop, with stamps relative to the earliest start of the run. */
export interface RaceLoop {
  readonly worker: number;
  readonly increments: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly loopMs: number;
  readonly chunks: number;
  readonly chunksWithOthers: number;
}

export interface RaceOverlap extends Overlap {
  /**
   * Some worker saw another worker's progress counter move while its own loop
   * was running. Read from shared memory, not from clocks, so clock rounding
   * cannot fake it.
   */
  readonly overlapped: boolean;
}

export function summariseLoops(records: readonly RaceLoopRecord[]): { loops: RaceLoop[]; overlap: RaceOverlap } {
  const origin = records.length === 0 ? 0 : Math.min(...records.map((r) => r.startStamp));
  const loops = records.map((r) => ({
    worker: r.worker,
    increments: r.increments,
    startMs: r.startStamp - origin,
    endMs: r.endStamp - origin,
    loopMs: r.endStamp - r.startStamp,
    chunks: r.chunks,
    chunksWithOthers: r.chunksWithOthers,
  }));
  const overlap = overlapOf(loops.map((l) => ({ start: l.startMs, end: l.endMs })));
  return { loops, overlap: { ...overlap, overlapped: records.some((r) => r.chunksWithOthers > 0) } };
}

/**
 * What an unsynchronised total allows us to say. A total that came out exact is
 * never evidence that the code is safe: either the loops did not run together
 * ('apart'), or they did and were lucky ('lucky').
 */
export type RaceVerdict = 'lost' | 'alone' | 'apart' | 'lucky';

export function raceVerdict(r: { readonly workers: number; readonly lost: number; readonly overlap: RaceOverlap }): RaceVerdict {
  if (r.lost > 0) return 'lost';
  if (r.workers < 2) return 'alone';
  return r.overlap.overlapped ? 'lucky' : 'apart';
}
