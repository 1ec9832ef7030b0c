// 4.2.2: several workers add 1 to one shared counter; without Atomics updates
// are lost, with Atomics.add the total is exact. H4's runRace measures; this
// panel shows expected, got and lost for both.
import { runRace, DEFAULT_RACE_TIMES, type RaceResult } from '../../parallel/race.ts';
import { renderBars } from '../../charts/render.ts';
import { clearExtra, loadExtra, saveExtra, type PanelKindBehaviour } from '../host.ts';
import { buildTable } from '../results-table.ts';
import { parseBoundedInt } from '../validate.ts';
import { environmentLine, pageEnvironment } from '../environment.ts';

export interface RaceData {
  readonly plain: RaceResult;
  readonly atomic: RaceResult;
  readonly at: string;
}

function isData(v: unknown): v is RaceData {
  const d = v as RaceData | null;
  return typeof d === 'object' && d !== null && typeof d.plain?.got === 'number' && typeof d.atomic?.got === 'number';
}

const TIMES_BOUNDS = { min: 1, max: 50_000_000 };
const inputs = new WeakMap<object, HTMLInputElement>();

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  // The race loops cannot be interrupted mid-way; Cancel stops waiting and the pool finishes them.
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('cancelled', 'AbortError')), { once: true });
    p.then(resolve, reject);
  });
}

export const raceKind: PanelKindBehaviour<RaceData> = {
  fields: ['workers'],
  runLabel: 'Race',
  runnable: true,
  mount(host) {
    const doc = host.doc;
    const wrap = doc.createElement('div');
    wrap.className = 'bp-field';
    const id = `${host.config.id}-times`;
    const label = doc.createElement('label');
    label.htmlFor = id;
    label.textContent = 'Increments per worker';
    const input = doc.createElement('input');
    input.id = id;
    input.type = 'text';
    input.inputMode = 'numeric';
    input.value = String(DEFAULT_RACE_TIMES);
    input.size = 9;
    wrap.append(label, input);
    host.extra.append(wrap);
    inputs.set(host, input);
  },
  async run(host, { request, signal }) {
    const input = inputs.get(host);
    const parsed = parseBoundedInt(input?.value ?? String(DEFAULT_RACE_TIMES), 'Increments per worker', TIMES_BOUNDS);
    if ('error' in parsed) {
      input?.setAttribute('aria-invalid', 'true');
      throw new RangeError(parsed.error);
    }
    input?.removeAttribute('aria-invalid');
    const workers = request.workers ?? 2;
    host.setStatus(`${workers} workers × ${parsed.value.toLocaleString('en')} increments, plain then atomic…`);
    const r = await abortable(runRace({ workers, times: parsed.value }), signal);
    return { ...r, at: new Date().toISOString() };
  },
  async render(host, data) {
    const rows = [data.plain, data.atomic];
    const chart = await renderBars(
      rows.flatMap((r) => [
        { label: `${r.mode}: expected`, value: r.expected },
        { label: `${r.mode}: got`, value: r.got, bad: r.got !== r.expected, note: r.got !== r.expected ? `(${r.lost.toLocaleString('en')} lost)` : '✓ exact' },
      ]),
      { document: host.doc, width: host.width(), xLabel: 'counter total →', format: (v) => v.toLocaleString('en') },
    );
    host.chart.replaceChildren(...(chart ? [chart] : []));
    chart?.setAttribute('role', 'img');
    chart?.setAttribute('aria-label', 'Expected and obtained counter totals, plain and atomic; the table has the figures.');
    host.table.replaceChildren(
      buildTable(host.doc, `${data.plain.workers} workers, ${data.plain.timesPerWorker.toLocaleString('en')} increments each`, [
        { head: 'Update', cell: (r: RaceResult) => (r.mode === 'plain' ? 'counter[0]++' : 'Atomics.add') },
        { head: 'Expected', cell: (r) => r.expected.toLocaleString('en'), numeric: true },
        { head: 'Got', cell: (r) => r.got.toLocaleString('en'), numeric: true, cls: (r) => (r.got === r.expected ? 'bp-ok' : 'bp-wrong') },
        { head: 'Lost', cell: (r) => r.lost.toLocaleString('en'), numeric: true },
        { head: 'Loop time per worker', cell: (r) => r.loopMs.map((ms) => `${ms.toFixed(1)} ms`).join(', '), numeric: true },
      ], rows),
    );
    const p = host.doc.createElement('p');
    p.className = 'bp-env';
    p.textContent = `Measured ${new Date(data.at).toLocaleTimeString()} in ${environmentLine(pageEnvironment())}.`;
    host.foot.replaceChildren(p);
  },
  load: (host) => loadExtra(host.store, host.config.id, isData),
  save: (host, data) => saveExtra(host.store, host.config.id, data),
  clear: (host) => clearExtra(host.store, host.config.id),
};
