// What a panel's table shows from the back of a room: the columns that carry the
// lesson (variant, median, GFLOP/s, % of peak when measured, correct), and
// every other column behind a "details" toggle (a <details> element holding the
// full table twin of results-table.ts). Imported series get a "Measured in"
// column and their own rows, so no figure is shown without its source.
import type { ChartSeries, OtherSeries, ResultRow } from '../charts/series.ts';
import { formatMs, sig } from '../format/units.ts';
import { buildTable, correctness, percentText, resultsTable, type Column } from './results-table.ts';

interface SourcedRow {
  readonly row: ResultRow;
  /** null: this browser. */
  readonly source: string | null;
}

/** The compact columns; "% of peak" only when some row has one, "Measured in" only with imports. Pure. */
export function compactColumns(rows: readonly SourcedRow[], withSource: boolean, liveSource: string): Column<SourcedRow>[] {
  const cols: Column<SourcedRow>[] = [{ head: 'Variant', cell: ({ row }) => (row.build ? `${row.label} (${row.build})` : row.label) }];
  if (withSource) cols.push({ head: 'Measured in', cell: ({ source }) => source ?? liveSource });
  cols.push(
    { head: 'Median', cell: ({ row }) => (row.status === 'ok' ? formatMs(row.medianMs) : 'failed'), numeric: true, title: 'median time per product' },
    { head: 'GFLOP/s', cell: ({ row }) => (row.gflops === null ? '' : sig(row.gflops)), numeric: true },
  );
  if (rows.some(({ row }) => row.pctOfPeak !== null)) {
    cols.push({ head: '% of peak', cell: ({ row }) => percentText(row.pctOfPeak), numeric: true, title: 'GFLOP/s as a share of the peak probe measured for the same type, build and worker count' });
  }
  cols.push({
    head: 'Correct',
    cell: ({ row }) => (row.status === 'error' ? (row.error ?? 'failed') : correctness(row)),
    cls: ({ row }) => (row.status === 'error' ? 'bp-failed' : row.correct ? 'bp-ok' : 'bp-wrong'),
  });
  return cols;
}

export interface CompactOptions {
  /** Series measured elsewhere, listed after this browser's rows. */
  readonly others?: readonly OtherSeries[];
  /** What "this browser" is called in the Measured in column. */
  readonly liveSource?: string;
  /** Keep the details open (a redraw must not close what the viewer opened). */
  readonly open?: boolean;
  /** What the toggle says it hides. */
  readonly detailsLabel?: string;
}

/** Whether the details toggle inside `box` is open now (to keep it so across a redraw). */
export function detailsOpen(box: Element): boolean {
  return box.querySelector<HTMLDetailsElement>('details.bp-details')?.open === true;
}

/** The table twin with every column (results-table.ts), classed apart from the compact one it sits under. */
export function fullTable(doc: Document, series: ChartSeries, caption: string): HTMLTableElement {
  const t = resultsTable(doc, series, caption);
  t.className = 'bp-table-all';
  return t;
}

/** The compact table, then the full table(s) behind a <details> toggle. */
export function compactResults(doc: Document, series: ChartSeries, caption: string, options: CompactOptions = {}): DocumentFragment {
  const others = options.others ?? [];
  const liveSource = options.liveSource ?? 'this browser';
  const rows: SourcedRow[] = [...series.rows.map((row) => ({ row, source: null })), ...others.flatMap((o) => o.rows.map((row) => ({ row, source: o.source })))];
  const table = buildTable(doc, caption, compactColumns(rows, others.length > 0, liveSource), rows, ({ row, source }) =>
    [row.status === 'error' ? 'bp-row-failed' : row.correct ? null : 'bp-row-wrong', source === null ? null : 'bp-row-imported'].filter(Boolean).join(' ') || null,
  );
  const details = doc.createElement('details');
  details.className = 'bp-details';
  details.open = options.open === true;
  const summary = doc.createElement('summary');
  summary.textContent = options.detailsLabel ?? 'Details: spread, samples, speedup';
  details.append(summary, fullTable(doc, series, `All columns, ${liveSource}`));
  for (const o of others) {
    const imported = { ...series, rows: o.rows, measured: o.rows.filter((r) => r.status === 'ok') };
    details.append(fullTable(doc, imported, `All columns, imported: ${o.source}`));
  }
  const frag = doc.createDocumentFragment();
  frag.append(table, details);
  return frag;
}

/**
 * A kind's own table, split the same way: the columns named in `main` in the
 * table everyone reads, every column in a full table behind the toggle.
 */
export function splitTable<T>(
  doc: Document,
  caption: string,
  columns: readonly Column<T>[],
  main: readonly string[],
  rows: readonly T[],
  options: { readonly open?: boolean; readonly detailsLabel?: string; readonly rowClass?: (row: T) => string | null } = {},
): DocumentFragment {
  const frag = doc.createDocumentFragment();
  frag.append(buildTable(doc, caption, columns.filter((c) => main.includes(c.head)), rows, options.rowClass));
  const rest = columns.filter((c) => !main.includes(c.head));
  if (rest.length > 0) {
    const details = doc.createElement('details');
    details.className = 'bp-details';
    details.open = options.open === true;
    const summary = doc.createElement('summary');
    summary.textContent = options.detailsLabel ?? `Details: ${rest.map((c) => c.head.toLowerCase()).join(', ')}`;
    const full = buildTable(doc, `All columns: ${caption}`, columns, rows, options.rowClass);
    full.className = 'bp-table-all';
    details.append(summary, full);
    frag.append(details);
  }
  return frag;
}
