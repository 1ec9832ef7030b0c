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

function rowOf(r: BenchResult): (string | number | boolean | null)[] {
  const ok = r.status === 'ok';
  return [
    r.variant,
    r.m,
    r.l,
    r.n,
    r.dtype,
    r.workers,
    r.status,
    r.medianMs,
    ok ? r.stats.p10Ms : null,
    ok ? r.stats.minMs : null,
    ok ? r.stats.maxMs : null,
    ok ? r.coldMs : null,
    r.samplesMs.length,
    // Samples in one field, separated by spaces, so the row count stays one per result.
    r.samplesMs.join(' '),
    r.gflops,
    r.correct,
    ok ? r.check.maxAbsError : null,
    ok ? null : r.error,
    r.env.crossOriginIsolated,
    r.env.cores,
    r.env.timerResolutionMs,
    r.env.userAgent,
    r.at,
    ok ? (r.kernelMs ?? null) : null,
    ok ? (r.bytesMoved ?? null) : null,
    r.adapter ?? null,
    r.note ?? null,
  ];
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
