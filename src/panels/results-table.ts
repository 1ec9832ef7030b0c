// The table twin of a chart: every figure the chart draws, readable by screen
// readers and exact to the digit. Rendering only; rows come from charts/series.ts.
import type { ChartSeries, ResultRow, WarmupRow } from '../charts/series.ts';
import { formatMs, formatPercent, formatRatio, sig } from '../format/units.ts';

export interface Column<T> {
  readonly head: string;
  /** Text of the cell; `numeric` cells align right. */
  readonly cell: (row: T) => string;
  readonly numeric?: boolean;
  /** Extra class for a cell (e.g. flagging a wrong result). */
  readonly cls?: (row: T) => string | null;
  /** Accessible description of a header abbreviation. */
  readonly title?: string;
}

export function buildTable<T>(doc: Document, caption: string, columns: readonly Column<T>[], rows: readonly T[], rowClass?: (row: T) => string | null): HTMLTableElement {
  const table = doc.createElement('table');
  table.className = 'bp-table';
  const cap = doc.createElement('caption');
  cap.textContent = caption;
  const thead = doc.createElement('thead');
  const hr = doc.createElement('tr');
  for (const c of columns) {
    const th = doc.createElement('th');
    th.scope = 'col';
    th.textContent = c.head;
    if (c.title) th.title = c.title;
    if (c.numeric) th.className = 'num';
    hr.append(th);
  }
  thead.append(hr);
  const tbody = doc.createElement('tbody');
  for (const r of rows) {
    const tr = doc.createElement('tr');
    const rc = rowClass?.(r);
    if (rc) tr.className = rc;
    columns.forEach((c, i) => {
      const td = doc.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) (td as HTMLTableCellElement).scope = 'row';
      td.textContent = c.cell(r);
      const cls = [c.numeric ? 'num' : null, c.cls?.(r) ?? null].filter(Boolean).join(' ');
      if (cls) td.className = cls;
      tr.append(td);
    });
    tbody.append(tr);
  }
  table.append(cap, thead, tbody);
  return table;
}

/** ✓ / ✗ with words, so the mark is not colour alone. */
export function correctness(r: ResultRow): string {
  if (r.status === 'error') return '–';
  return r.correct ? '✓ correct' : '✗ WRONG';
}

/** A table's % of peak cell: the deck's per-cent figure, empty when no peak was measured for the row. */
export function percentText(pct: number | null): string {
  return pct === null || !Number.isFinite(pct) ? '' : formatPercent(pct);
}

export const RESULT_COLUMNS: readonly Column<ResultRow>[] = [
  // The build in the variant cell, for variants with several: "tuned (relaxed-simd)".
  { head: 'Variant', cell: (r) => (r.build ? `${r.label} (${r.build})` : r.label) },
  { head: 'Median', cell: (r) => (r.status === 'ok' ? formatMs(r.medianMs) : 'failed'), numeric: true },
  {
    head: 'Spread (p10–max)',
    cell: (r) => (r.status === 'ok' ? `${formatMs(r.lowMs)} – ${formatMs(r.highMs)}${r.noisy ? ' ⚠' : ''}` : ''),
    numeric: true,
    title: '10th percentile to slowest sample; ⚠ = samples disagree by more than 1.5×, the machine was busy',
  },
  { head: 'Samples', cell: (r) => (r.status === 'ok' ? String(r.samples) : ''), numeric: true },
  { head: 'GFLOP/s', cell: (r) => (r.gflops === null ? '' : sig(r.gflops)), numeric: true },
  {
    head: '% of peak',
    cell: (r) => percentText(r.pctOfPeak),
    numeric: true,
    title: "GFLOP/s against this machine's measured peak for the dtype, the build (FMA or plain) and the worker count",
  },
  {
    head: 'Correct',
    cell: (r) => (r.status === 'error' ? (r.error ?? 'failed') : correctness(r)),
    cls: (r) => (r.status === 'error' ? 'bp-failed' : r.correct ? 'bp-ok' : 'bp-wrong'),
  },
  { head: 'Speedup', cell: (r) => formatRatio(r.speedup), numeric: true, title: 'median of the first variant / this median' },
];

export function resultsTable(doc: Document, series: ChartSeries, caption: string): HTMLTableElement {
  return buildTable(doc, caption, RESULT_COLUMNS, series.rows, (r) => (r.status === 'error' ? 'bp-row-failed' : r.correct ? null : 'bp-row-wrong'));
}

export function warmupTable(doc: Document, rows: readonly WarmupRow[], caption: string): HTMLTableElement {
  return buildTable(doc, caption, [
    { head: 'Variant', cell: (r: WarmupRow) => r.label },
    { head: 'First call', cell: (r) => formatMs(r.coldMs), numeric: true },
    { head: 'Warmed median', cell: (r) => formatMs(r.medianMs), numeric: true },
    { head: 'First / warmed', cell: (r) => formatRatio(r.ratio), numeric: true },
  ], rows);
}
