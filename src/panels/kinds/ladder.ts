// The lecture's conclusion, `<bench-panel kind="summary">` without variants (the
// closing slide): the ladder. For one shape (512×512×512 float32 unless another
// is chosen from the shapes kept), the best correct result of each lesson on a
// log axis with the gain of each step, the measured peaks, imported ladders
// beside it, and every kept result behind a toggle. Its Run button, "Measure the
// ladder", runs exactly the ladder's variants at that shape in one request to
// the host's runner, so the slide fills by itself.
import type { BenchResult } from '../../bench/protocol.ts';
import { buildLadder, DEFAULT_LADDER_SHAPE, gainText, ladderPeaks, ladderShapes, ladderVariants, lessonOf, sameShape, shapeKey, type Ladder, type LadderShape, type Rung } from '../../charts/ladder.ts';
import { peakLegendText, renderLadderChart } from '../../charts/ladder-render.ts';
import { COLORS, OTHER_COLORS, legendElement } from '../../charts/render.ts';
import { deriveSeries, mergeResults } from '../../charts/series.ts';
import { fullTable } from '../compact-table.ts';
import { RESULTS_CHANGED, type PanelHost, type PanelKindBehaviour } from '../host.ts';
import { importedFor, loadImports, IMPORTS_CHANGED } from '../imports.ts';
import { knownVariant } from '../memory-guard.ts';
import { formatMs, sig } from '../../format/units.ts';
import { datasets } from '../../data/generate.ts';
import { progressText } from '../progress.ts';
import { buildTable, correctness, percentText } from '../results-table.ts';
import { loadAllResults, loadResults, saveResults } from '../storage.ts';
import { keptResults } from '../kept.ts';
import { note } from '../layout.ts';
import { liveSourceLabel, resultFooter } from './matmul.ts';
import { collectVisit } from './summary.ts';

/** Samples per variant of "Measure the ladder": enough for a median, short enough for a slide. */
export const LADDER_SAMPLES = 5;

function parseShapeValue(v: string): LadderShape | null {
  const m = /^(\d+)x(\d+)x(\d+)-(f32|f64)$/.exec(v);
  return m ? { m: +m[1]!, l: +m[2]!, n: +m[3]!, dtype: m[4] as 'f32' | 'f64' } : null;
}

const shapeValue = (s: LadderShape) => `${s.m}x${s.l}x${s.n}-${s.dtype}`;

/** "512×512×512 float32 (default)", "200×10×400 float64 (lowL)". Pure. */
export function shapeOptionText(s: LadderShape): string {
  const named = Object.entries(datasets).find(([, d]) => d.dtype === s.dtype && d.shape.m === s.m && d.shape.l === s.l && d.shape.n === s.n)?.[0];
  const isDefault = shapeKey(s) === shapeKey(DEFAULT_LADDER_SHAPE);
  const type = s.dtype === 'f32' ? 'float32' : 'float64';
  return `${s.m}×${s.l}×${s.n} ${type}${isDefault ? ' (default)' : named ? ` (${named})` : ''}`;
}

/** The chosen shape: the select's value, else the default. Pure. */
function chosenShape(select: HTMLSelectElement | null): LadderShape {
  return parseShapeValue(select?.value ?? '') ?? DEFAULT_LADDER_SHAPE;
}

/** The default first, then every shape with a ladder variant in the kept or imported results. */
function syncShapes(select: HTMLSelectElement | null, results: readonly BenchResult[]): void {
  if (!select) return;
  const current = select.value;
  const shapes = [DEFAULT_LADDER_SHAPE, ...ladderShapes(results).filter((s) => shapeKey(s) !== shapeKey(DEFAULT_LADDER_SHAPE))];
  const values = shapes.map(shapeValue);
  if (select.options.length === values.length && [...select.options].every((o, i) => o.value === values[i])) return;
  select.replaceChildren(...shapes.map((s) => new Option(shapeOptionText(s), shapeValue(s))));
  select.value = values.includes(current) ? current : (values[0] ?? '');
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
  const withPct = rungs.some((r) => r.best?.pctOfPeak !== undefined);
  return buildTable(
    doc,
    `Best correct result of each lesson at ${shapeOptionText(ladder.shape)}; gain = GFLOP/s over the step above`,
    [
      { head: 'Lesson', cell: (r: Rung) => `${r.lesson.title}: ${r.best!.variant}${r.best!.workers > 1 ? ` (${r.best!.workers} workers)` : ''}` },
      { head: 'GFLOP/s', cell: (r) => sig(r.best!.gflops), numeric: true },
      { head: 'Gain', cell: (r) => gainCell(ladder, r), title: 'GFLOP/s of this step / GFLOP/s of the step above' },
      ...(withPct ? [{ head: '% of peak', cell: (r: Rung) => percentText(r.best?.pctOfPeak ?? null), numeric: true }] : []),
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

/** The kept results the ladder draws from: every panel's, this panel's own ladder runs included. */
function visit(host: PanelHost): BenchResult[] {
  return collectVisit(loadAllResults(host.store));
}

export function conclusionKind(): PanelKindBehaviour<BenchResult[]> {
  let select: HTMLSelectElement | null = null;
  const self: PanelKindBehaviour<BenchResult[]> = {
    fields: [],
    runLabel: 'Measure the ladder',
    runnable: true,
    runsVariants: true,
    title: () => 'What each lesson bought: the ladder',
    mount(host) {
      select = host.addField({ name: 'ladder-shape', label: 'Shape', options: [{ value: shapeValue(DEFAULT_LADDER_SHAPE), text: shapeOptionText(DEFAULT_LADDER_SHAPE) }] });
      const update = () => {
        const data = self.load(host);
        if (data) void self.render(host, data);
      };
      select.addEventListener('change', update);
      host.addButton({ className: 'bp-refresh', text: 'Refresh', title: 'Draw again from the results kept by every panel', onClick: update });
      host.followChanges(update, [RESULTS_CHANGED, IMPORTS_CHANGED]);
    },
    async run(host, { signal }) {
      const shape = chosenShape(select);
      const cores = host.services.environment.cores;
      const variants = ladderVariants().filter(knownVariant);
      const fresh = await host.services.runner.run(
        { variants, shape: { m: shape.m, l: shape.l, n: shape.n }, dtype: shape.dtype, samples: LADDER_SAMPLES, workers: Math.max(1, cores) },
        { signal, onProgress: (p) => !signal.aborted && host.setStatus(`Ladder at ${shapeOptionText(shape)}: ${progressText(p)}`) },
      );
      signal.throwIfAborted();
      // Kept under this panel's id like any panel's results; the ladder then reads the whole visit.
      saveResults(host.store, host.config.id, mergeResults(loadResults(host.store, host.config.id) ?? [], fresh), host.services.now());
      return visit(host);
    },
    async render(host, data) {
      const doc = host.doc;
      const sets = loadImports(host.store);
      syncShapes(select, [...data, ...sets.flatMap((s) => s.results)]);
      const shape = chosenShape(select);
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
      host.showChart(
        chart,
        `GFLOP/s of the best correct variant of each lesson at ${shapeOptionText(shape)}, log scale, with the gain of each step${peaks.length ? ' and the measured peaks' : ''}${others.length ? `, beside ${others.length} imported ladder(s)` : ''}; the table has the figures.`,
        { before: head, after: peakKey },
      );
      if (!chart) {
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
      host.foot.append(note(doc, 'bp-note bp-ladder-how', `Measure the ladder runs ${ladderVariants().filter(knownVariant).length} variants at the chosen shape, ${LADDER_SAMPLES} samples each, the parallel ones on ${host.services.environment.cores} workers (one per core). Only a correct result can be a step; gain = GFLOP/s over the step above that was measured.`));
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
    clear: keptResults.clear,
    exportable: (data) => data,
  };
  return self;
}
