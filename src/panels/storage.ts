// Results kept for the visit, one entry per panel, so a presenter can run
// everything before the talk and a viewer sees the numbers again on return.
// The store is injected (localStorage in the page, a Map in unit tests), and
// anything that does not parse back into BenchResults is ignored, never thrown:
// a stale or hand-edited entry must not break a slide.
import type { BenchResult, FailedResult } from '../bench/protocol.ts';

/** The part of the Web Storage API used here. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export const STORAGE_PREFIX = 'bench-panel:';
/** Bumped when the stored shape changes; older entries are then ignored. */
export const STORAGE_VERSION = 1;

interface Entry {
  readonly version: number;
  readonly savedAt: string;
  readonly results: BenchResult[];
}

export function storageKey(panelId: string): string {
  return STORAGE_PREFIX + panelId;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/**
 * Structural check of one result: the fields charts, tables and exports read. A
 * failed result needs only its reason; one saved or exported before failures lost
 * their placeholders (samplesMs: [], medianMs: null, gflops: null, correct: false)
 * passes too, and withoutPlaceholders drops them.
 */
export function isBenchResult(v: unknown): v is BenchResult {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  if (!isStr(r.variant) || !isNum(r.m) || !isNum(r.l) || !isNum(r.n) || !isNum(r.workers)) return false;
  if (r.dtype !== 'f64' && r.dtype !== 'f32') return false;
  if (typeof r.env !== 'object' || r.env === null) return false;
  if (r.status === 'ok') {
    const stats = r.stats as Record<string, unknown> | undefined;
    return (
      Array.isArray(r.samplesMs) &&
      r.samplesMs.every(isNum) &&
      isNum(r.medianMs) &&
      isNum(r.gflops) &&
      typeof r.correct === 'boolean' &&
      typeof stats === 'object' &&
      stats !== null &&
      isNum(stats.p10Ms) &&
      isNum(stats.maxMs) &&
      isNum(stats.minMs)
    );
  }
  if (r.status === 'error') return isStr(r.error);
  return false;
}

/** A checked result as the type has it: a failed one written by an older version loses its placeholder fields. */
export function withoutPlaceholders(r: BenchResult): BenchResult {
  if (r.status === 'ok') return r;
  const { samplesMs: _s, medianMs: _m, gflops: _g, correct: _c, ...failed } = r as FailedResult & Record<'samplesMs' | 'medianMs' | 'gflops' | 'correct', unknown>;
  return failed;
}

/** Parse a stored entry; null for anything missing, corrupt, or from another version. */
export function parseEntry(text: string | null): BenchResult[] | null {
  if (text === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const entry = parsed as Partial<Entry>;
  if (entry.version !== STORAGE_VERSION || !Array.isArray(entry.results)) return null;
  if (!entry.results.every(isBenchResult)) return null;
  return entry.results.map(withoutPlaceholders);
}

export function loadResults(store: KeyValueStore | null, panelId: string): BenchResult[] | null {
  if (!store) return null;
  try {
    return parseEntry(store.getItem(storageKey(panelId)));
  } catch {
    return null; // storage disabled (privacy mode, sandboxed frame)
  }
}

/** Save; returns false when the store refuses (quota, disabled) so the panel can say so. */
export function saveResults(store: KeyValueStore | null, panelId: string, results: readonly BenchResult[], now = new Date()): boolean {
  if (!store) return false;
  const entry: Entry = { version: STORAGE_VERSION, savedAt: now.toISOString(), results: [...results] };
  try {
    store.setItem(storageKey(panelId), JSON.stringify(entry));
    return true;
  } catch {
    return false;
  }
}

export function clearResults(store: KeyValueStore | null, panelId: string): void {
  try {
    store?.removeItem(storageKey(panelId));
  } catch {
    /* nothing kept, nothing to clear */
  }
}

/** Every panel's kept results (for the summary), skipping corrupt entries. */
export function loadAllResults(store: KeyValueStore | null): { panelId: string; results: BenchResult[] }[] {
  if (!store) return [];
  const out: { panelId: string; results: BenchResult[] }[] = [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i);
      if (k !== null && k.startsWith(STORAGE_PREFIX)) keys.push(k);
    }
    keys.sort();
    for (const k of keys) {
      const results = parseEntry(store.getItem(k));
      if (results && results.length > 0) out.push({ panelId: k.slice(STORAGE_PREFIX.length), results });
    }
  } catch {
    return out;
  }
  return out;
}

/** The page's localStorage, or null where it is unavailable (throws on access in some frames). */
export function browserStore(win: { readonly localStorage?: Storage } = globalThis): KeyValueStore | null {
  try {
    const s = win.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}
