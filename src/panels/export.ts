// Exports of a panel's results. JSON is exactly what `npm run bench --json`
// prints (an array of BenchResult), so browser and CLI measurements compare
// with the same tools; CSV flattens the figures a spreadsheet needs.
// The text builders are pure; only downloadText touches the DOM.
import type { BenchResult } from '../bench/protocol.ts';

export function resultsToJson(results: readonly BenchResult[]): string {
  return JSON.stringify(results, null, 2) + '\n';
}

export const CSV_COLUMNS = [
  'variant',
  'm',
  'l',
  'n',
  'dtype',
  'workers',
  'status',
  'medianMs',
  'p10Ms',
  'minMs',
  'maxMs',
  'coldMs',
  'samples',
  'samplesMs',
  'gflops',
  'correct',
  'maxAbsError',
  'error',
  'crossOriginIsolated',
  'cores',
  'timerResolutionMs',
  'userAgent',
  'at',
  // GPU variants (empty for the others): kernel alone, bytes to and from the device, adapter, caveat.
  'kernelMs',
  'bytesMoved',
  'adapter',
  'note',
] as const;

/** RFC 4180 quoting: quote when the field holds a comma, quote, or line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

type CsvColumn = (typeof CSV_COLUMNS)[number];
type Cell = string | number | boolean | null;

/** A result's cells by column. A failure measured nothing: its figure columns stay empty. */
function cellsOf(r: BenchResult): Partial<Record<CsvColumn, Cell>> {
  const common = {
    variant: r.variant,
    m: r.m,
    l: r.l,
    n: r.n,
    dtype: r.dtype,
    workers: r.workers,
    status: r.status,
    crossOriginIsolated: r.env.crossOriginIsolated,
    cores: r.env.cores,
    timerResolutionMs: r.env.timerResolutionMs,
    userAgent: r.env.userAgent,
    at: r.at,
    adapter: r.adapter ?? null,
    note: r.note ?? null,
  };
  if (r.status === 'error') return { ...common, error: r.error };
  return {
    ...common,
    medianMs: r.medianMs,
    p10Ms: r.stats.p10Ms,
    minMs: r.stats.minMs,
    maxMs: r.stats.maxMs,
    coldMs: r.coldMs,
    samples: r.samplesMs.length,
    // Samples in one field, separated by spaces, so the row count stays one per result.
    samplesMs: r.samplesMs.join(' '),
    gflops: r.gflops,
    correct: r.correct,
    maxAbsError: r.check.maxAbsError,
    kernelMs: r.kernelMs ?? null,
    bytesMoved: r.bytesMoved ?? null,
  };
}

function rowOf(r: BenchResult): Cell[] {
  const cells = cellsOf(r);
  return CSV_COLUMNS.map((c) => cells[c] ?? null);
}

export function resultsToCsv(results: readonly BenchResult[]): string {
  const lines = [CSV_COLUMNS.join(','), ...results.map((r) => rowOf(r).map(csvField).join(','))];
  return lines.join('\r\n') + '\r\n';
}

/** A file name that says what and when, safe on every OS. */
export function exportFileName(panelId: string, ext: 'json' | 'csv', now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return `bench-${panelId.replace(/[^a-zA-Z0-9_-]+/g, '-')}-${stamp}.${ext}`;
}

/** Offer text as a download (edge: DOM). */
export function downloadText(doc: Document, fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: Chromium may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
