// Section summaries and the lecture's conclusion, read back from what the other
// panels kept.
//
// `<bench-panel kind="summary" variants="…">` (a section's summary): every kept
// result of those variants, in one chart and one table.
//
// `<bench-panel kind="summary">` without variants (the closing slide): the
// ladder. For one shape (512×512×512 float32 unless another is chosen from the
// shapes kept), the best correct result of each lesson on a log axis with the
// gain of each step, the measured peaks, imported ladders beside it, and every
// kept result behind a toggle. Its Run button, "Measure the ladder", runs
// exactly the ladder's variants at that shape in one runBench request, so the
// slide fills by itself.
import type { BenchResult } from '../../bench/protocol.ts';
import { runBench } from '../../bench/runner.ts';
import { buildLadder, DEFAULT_LADDER_SHAPE, gainText, ladderPeaks, ladderShapes, ladderVariants, lessonOf, sameShape, shapeKey, type Ladder, type LadderShape, type Rung } from '../../charts/ladder.ts';
import { peakLegendText, renderLadderChart } from '../../charts/ladder-render.ts';
import { COLORS, OTHER_COLORS, legendElement } from '../../charts/render.ts';
import { deriveSeries, mergeResults } from '../../charts/series.ts';
import { DATASETS } from '../config.ts';
import { fullTable, pctText } from '../compact-table.ts';
import type { PanelHost, PanelKindBehaviour } from '../host.ts';
import { followChanges, RESULTS_CHANGED } from '../host.ts';
import { importedFor, loadImports, IMPORTS_CHANGED } from '../imports.ts';
import { knownVariant } from '../memory-guard.ts';
import { formatMs, progressText, sig } from '../progress.ts';
import { buildTable, correctness } from '../results-table.ts';
import { clearResults, loadAllResults, loadResults, saveResults } from '../storage.ts';
import { liveSourceLabel, renderResults, resultFooter } from './matmul.ts';

/** The lecture's order of variants, so the summary reads like the deck. */
export const LECTURE_ORDER = [
  'naive', 'naive-plain', 'element-vectorised', 'indexing', 'broadcasting', 'wasm-element', 'wasm-whole', 'wasm-scalar',
  'wasm-simd', 'tuned', 'lib-tfjs', 'webgpu-naive', 'webgpu-tiled', 'ikj', 'transposed-b', 'layout-rr', 'layout-rc', 'layout-cr', 'layout-cc',
  'pool-element', 'pool-row', 'parallel-wasm', 'parallel-tuned', 'shared-element', 'shared-row',
];

/** Every kept result, the later of two with the same variant and settings, grouped by shape in lecture order. Pure. */
export function collectVisit(entries: readonly { results: BenchResult[] }[]): BenchResult[] {
  const byTime = entries.flatMap((e) => e.results).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const latest = byTime.reduce<BenchResult[]>((kept, r) => mergeResults(kept, [r]), []);
  const rank = (v: string) => {
    const i = LECTURE_ORDER.indexOf(v);
    return i < 0 ? LECTURE_ORDER.length : i;
  };
  const shapeKey = (r: BenchResult) => `${r.dtype}|${String(r.m * r.l * r.n).padStart(15, '0')}|${r.m}|${r.l}|${r.n}`;
  return latest.sort((a, b) => shapeKey(a).localeCompare(shapeKey(b)) || rank(a.variant) - rank(b.variant) || a.workers - b.workers);
}

function refreshButton(host: PanelHost, update: () => void): void {
  const b = host.doc.createElement('button');
  b.type = 'button';
  b.className = 'bp-action bp-refresh';
  b.textContent = 'Refresh';
  b.addEventListener('click', update);
  host.extra.append(b);
}

export const summaryKind: PanelKindBehaviour<BenchResult[]> = {
  fields: [],
  runLabel: '',
  runnable: false,
  async run() {
    return [];
  },
  mount(host) {
    const update = () => {
      const data = summaryKind.load(host);
      if (data) {
        host.setStatus(`${data.length} results kept in this visit.`);
        void summaryKind.render(host, data);
      } else host.setStatus('Nothing measured yet in this visit.');
    };
    refreshButton(host, update);
    // Other panels announce new results; the summary follows without a reload.
    followChanges(host, update);
  },
  render: (host, data) => renderResults(host, data, `Every result kept in this visit (${data.length}); speedup (in the details) against naive of the same shape (else its first result)`, 'naive'),
  load(host) {
    // summary variants="…" narrows it to one section's variants; without, everything.
    const only = host.config.variants.length > 0 ? new Set(host.config.variants) : null;
    const all = collectVisit(loadAllResults(host.store)).filter((r) => only === null || only.has(r.variant));
    return all.length > 0 ? all : null;
  },
  save: () => true,
  clear: () => undefined,
  exportable: (data) => data,
};

// ---- the conclusion: the ladder ------------------------------------------------

/** Samples per variant of "Measure the ladder": enough for a median, short enough for a slide. */
export const LADDER_SAMPLES = 5;

const SHAPE_FIELD = 'ladder-shape';

function shapeSelect(host: PanelHost): HTMLSelectElement | null {
  return host.controls.querySelector<HTMLSelectElement>(`select[name="${SHAPE_FIELD}"]`);
}

function parseShapeValue(v: string): LadderShape | null {
  const m = /^(\d+)x(\d+)x(\d+)-(f32|f64)$/.exec(v);
  return m ? { m: +m[1]!, l: +m[2]!, n: +m[3]!, dtype: m[4] as 'f32' | 'f64' } : null;
}

const shapeValue = (s: LadderShape) => `${s.m}x${s.l}x${s.n}-${s.dtype}`;

/** "512×512×512 float32 (default)", "200×10×400 float64 (lowL)". Pure. */
export function shapeOptionText(s: LadderShape): string {
  const named = Object.entries(DATASETS).find(([, d]) => d.dtype === s.dtype && d.shape.m === s.m && d.shape.l === s.l && d.shape.n === s.n)?.[0];
  const isDefault = shapeKey(s) === shapeKey(DEFAULT_LADDER_SHAPE);
  const type = s.dtype === 'f32' ? 'float32' : 'float64';
  return `${s.m}×${s.l}×${s.n} ${type}${isDefault ? ' (default)' : named ? ` (${named})` : ''}`;
}

/** The chosen shape: the select's value, else the default. */
export function chosenShape(host: PanelHost): LadderShape {
  return parseShapeValue(shapeSelect(host)?.value ?? '') ?? DEFAULT_LADDER_SHAPE;
}

/** The default first, then every shape with a ladder variant in the kept or imported results. */
function syncShapes(host: PanelHost, results: readonly BenchResult[]): void {
  const select = shapeSelect(host);
  if (!select) return;
  const current = select.value;
  const shapes = [DEFAULT_LADDER_SHAPE, ...ladderShapes(results).filter((s) => shapeKey(s) !== shapeKey(DEFAULT_LADDER_SHAPE))];
  const values = shapes.map(shapeValue);
  if (select.options.length === values.length && [...select.options].every((o, i) => o.value === values[i])) return;
  select.replaceChildren(...shapes.map((s) => new Option(shapeOptionText(s), shapeValue(s))));
  select.value = values.includes(current) ? current : values[0]!;
}

/** The first sentence of a reason, at most 110 characters: the table says why, the full list says all. Pure. */
export function shortReason(text: string): string {
  const first = /^(.*?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  return first.length > 110 ? `${first.slice(0, 108).trimEnd()}…` : first;
}

/** Why a lesson has no rung: nothing ran, or what its candidates reported (same reasons said once). Pure. */
export function missingReason(r: Rung): string {
  if (r.candidates.length === 0) return 'not measured at this shape';
  const ran = r.candidates.filter((c) => c.status === 'ok');
  if (r.wrong.length > 0 && r.wrong.length === ran.length) return `✗ wrong product from ${r.wrong.map((w) => w.variant).join(', ')}: not counted`;
  const byReason = new Map<string, string[]>();
  for (const c of r.candidates) {
    if (c.status !== 'error') continue;
    // Some reasons already start with the variant's name.
    const why = shortReason(c.error.startsWith(`${c.variant}: `) ? c.error.slice(c.variant.length + 2) : c.error);
    byReason.set(why, [...(byReason.get(why) ?? []), c.variant]);
  }
  if (byReason.size === 0) return 'no correct result';
  return `could not run: ${[...byReason].map(([why, vs]) => `${vs.join(', ')}: ${why}`).join('; ')} (the full reason is in the list of results)`;
}

/** The gain of a rung as the table prints it: "×8.1", or "×8.1 over naive loops" when the step right below was not measured. Pure. */
export function gainCell(ladder: Ladder, r: Rung): string {
  if (r.lesson.reference) return 'reference';
  if (r.gain === null) return '';
  const steps = ladder.rungs.filter((x) => !x.lesson.reference);
  const below = steps[steps.findIndex((x) => x.lesson.id === r.lesson.id) - 1];
  const over = ladder.rungs.find((x) => x.lesson.id === r.gainOver)?.lesson.title ?? '';
  return below && below.lesson.id === r.gainOver ? gainText(r.gain) : `${gainText(r.gain)} over ${over}`;
}

function ladderTable(doc: Document, ladder: Ladder): HTMLTableElement {
  const rungs = ladder.present;
  const withPct = rungs.some((r) => (r.best as { pctOfPeak?: number }).pctOfPeak !== undefined);
  return buildTable(
    doc,
    `Best correct result of each lesson at ${shapeOptionText(ladder.shape)}; gain = GFLOP/s over the step above`,
    [
      { head: 'Lesson', cell: (r: Rung) => `${r.lesson.title}: ${r.best!.variant}${r.best!.workers > 1 ? ` (${r.best!.workers} workers)` : ''}` },
      { head: 'GFLOP/s', cell: (r) => sig(r.best!.gflops), numeric: true },
      { head: 'Gain', cell: (r) => gainCell(ladder, r), title: 'GFLOP/s of this step / GFLOP/s of the step above' },
      ...(withPct ? [{ head: '% of peak', cell: (r: Rung) => pctText((r.best as { pctOfPeak?: number }).pctOfPeak ?? null), numeric: true }] : []),
      { head: 'Median', cell: (r) => formatMs(r.best!.medianMs), numeric: true },
      { head: 'Correct', cell: (r) => correctness(deriveSeries([r.best!]).rows[0]!), cls: () => 'bp-ok' },
    ],
    rungs,
  );
}

/** The lessons without a rung, each with why. */
function missingList(doc: Document, ladder: Ladder): HTMLElement | null {
  const missing = ladder.rungs.filter((r) => r.best === null);
  if (missing.length === 0) return null;
  const wrap = doc.createElement('div');
  wrap.className = 'bp-ladder-missing';
  const p = note(doc, 'bp-note', 'Not on the ladder at this shape:');
  const ul = doc.createElement('ul');
  for (const r of missing) {
    const li = doc.createElement('li');
    li.textContent = `${r.lesson.title}: ${missingReason(r)}`;
    if (r.wrong.length > 0) li.className = 'bp-wrong';
    ul.append(li);
  }
  wrap.append(p, ul);
  return wrap;
}

function note(doc: Document, cls: string, text: string): HTMLParagraphElement {
  const p = doc.createElement('p');
  p.className = cls;
  p.textContent = text;
  return p;
}

/** The kept results the ladder draws from: every panel's, this panel's own ladder runs included. */
function visit(host: PanelHost): BenchResult[] {
  return collectVisit(loadAllResults(host.store));
}

export const conclusionKind: PanelKindBehaviour<BenchResult[]> = {
  fields: [],
  runLabel: 'Measure the ladder',
  runnable: true,
  mount(host) {
    const doc = host.doc;
    const wrap = doc.createElement('div');
    wrap.className = 'bp-field bp-field--shape';
    const id = `bp-${host.config.id}-shape`;
    const label = doc.createElement('label');
    label.htmlFor = id;
    label.textContent = 'Shape';
    const select = doc.createElement('select');
    select.id = id;
    select.name = SHAPE_FIELD;
    select.append(new Option(shapeOptionText(DEFAULT_LADDER_SHAPE), shapeValue(DEFAULT_LADDER_SHAPE)));
    wrap.append(label, select);
    host.controls.insertBefore(wrap, host.controls.querySelector('.bp-buttons'));
    const update = () => {
      const data = conclusionKind.load(host);
      if (data) void conclusionKind.render(host, data);
    };
    select.addEventListener('change', update);
    const refresh = doc.createElement('button');
    refresh.type = 'button';
    refresh.className = 'bp-refresh';
    refresh.textContent = 'Refresh';
    refresh.title = 'Draw again from the results kept by every panel';
    refresh.addEventListener('click', update);
    host.controls.querySelector('.bp-buttons')?.append(refresh);
    followChanges(host, update, [RESULTS_CHANGED, IMPORTS_CHANGED]);
  },
  async run(host, { signal }) {
    const shape = chosenShape(host);
    const cores = host.doc.defaultView?.navigator.hardwareConcurrency ?? 2;
    const variants = ladderVariants().filter(knownVariant);
    const fresh = await runBench(
      { variants, shape: { m: shape.m, l: shape.l, n: shape.n }, dtype: shape.dtype, samples: LADDER_SAMPLES, workers: Math.max(1, cores) },
      { signal, onProgress: (p) => !signal.aborted && host.setStatus(`Ladder at ${shapeOptionText(shape)}: ${progressText(p)}`) },
    );
    signal.throwIfAborted();
    // Kept under this panel's id like any panel's results; the ladder then reads the whole visit.
    saveResults(host.store, host.config.id, mergeResults(loadResults(host.store, host.config.id) ?? [], fresh));
    return visit(host);
  },
  async render(host, data) {
    const doc = host.doc;
    const sets = loadImports(host.store);
    syncShapes(host, [...data, ...sets.flatMap((s) => s.results)]);
    const shape = chosenShape(host);
    const ladder = buildLadder(data, shape);
    const atShape = data.filter((r) => sameShape(r, shape) && lessonOf(r.variant));
    const others = importedFor(sets, (r) => sameShape(r, shape) && lessonOf(r.variant) !== undefined)
      .map((s) => ({ source: s.label, ladder: buildLadder(s.results, shape) }))
      .filter((o) => o.ladder.present.length > 0);
    const peaks = ladderPeaks(atShape, shape.dtype);
    const chart = await renderLadderChart(ladder, { document: doc, width: host.width(), others, peaks });
    const head = others.length > 0
      ? [legendElement(doc, [{ label: liveSourceLabel(atShape), color: COLORS.ok }, ...others.map((o, i) => ({ label: `imported: ${o.source}`, color: OTHER_COLORS[i % OTHER_COLORS.length]!, hollow: true }))])]
      : [];
    const peakKey = chart && peaks.length > 0 ? [note(doc, 'bp-note bp-peak-key', peakLegendText(peaks))] : [];
    host.chart.replaceChildren(...head, ...(chart ? [chart] : []), ...peakKey);
    if (chart) {
      chart.setAttribute('role', 'img');
      chart.setAttribute(
        'aria-label',
        `GFLOP/s of the best correct variant of each lesson at ${shapeOptionText(shape)}, log scale, with the gain of each step${peaks.length ? ' and the measured peaks' : ''}${others.length ? `, beside ${others.length} imported ladder(s)` : ''}; the table has the figures.`,
      );
    } else {
      host.chart.append(note(doc, 'bp-note bp-ladder-empty', `Nothing measured at ${shapeOptionText(shape)} yet: press “Measure the ladder”, or choose a shape kept from the other panels.`));
    }
    if (ladder.overall !== null) {
      const top = ladder.present.filter((r) => !r.lesson.reference).reduce((a, b) => (b.best!.gflops > a.best!.gflops ? b : a));
      const first = ladder.present.find((r) => !r.lesson.reference)!;
      host.chart.append(note(doc, 'bp-note bp-ladder-overall', `From ${first.lesson.title} to ${top.lesson.title}: ${gainText(ladder.overall)} in this browser, at this shape.`));
    }
    const details = doc.createElement('details');
    details.className = 'bp-details';
    details.open = host.table.querySelector<HTMLDetailsElement>('details.bp-details')?.open === true;
    const summary = doc.createElement('summary');
    summary.textContent = `All ${data.length} results kept in this visit${sets.length ? `, and ${sets.reduce((n, s) => n + s.results.length, 0)} imported` : ''}`;
    details.append(summary);
    if (data.length > 0) details.append(fullTable(doc, deriveSeries(data, { baseline: 'naive' }), `Every kept result; speedup against naive of the same shape (else its first result)`));
    for (const s of sets) details.append(fullTable(doc, deriveSeries(s.results, { baseline: 'naive' }), `Imported: ${s.label} (${s.fileName})`));
    const missing = missingList(doc, ladder);
    host.table.replaceChildren(...(ladder.present.length > 0 ? [ladderTable(doc, ladder)] : []), ...(missing ? [missing] : []), details);
    resultFooter(host, atShape);
    host.foot.append(note(doc, 'bp-note bp-ladder-how', `Measure the ladder runs ${ladderVariants().filter(knownVariant).length} variants at the chosen shape, ${LADDER_SAMPLES} samples each, the parallel ones on ${doc.defaultView?.navigator.hardwareConcurrency ?? 'all'} workers (one per core). Only a correct result can be a step; gain = GFLOP/s over the step above that was measured.`));
    const present = ladder.present.filter((r) => !r.lesson.reference).length;
    const steps = ladder.rungs.filter((r) => !r.lesson.reference).length;
    host.setStatus(`${data.length} results kept; at ${shapeOptionText(shape)}: ${present} of ${steps} lessons measured.`);
  },
  load(host) {
    const data = visit(host);
    return data.length > 0 || loadImports(host.store).length > 0 ? data : null;
  },
  // run() keeps its own results (merged with earlier ladder runs) and returns the whole visit: nothing more to keep here.
  save: () => true,
  clear: (host) => clearResults(host.store, host.config.id),
  exportable: (data) => data,
};
