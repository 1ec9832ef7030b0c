// 4.2.2: several workers add 1 to one shared counter; without Atomics updates
// are lost, with Atomics.add the total is exact. runRace measures; this panel
// shows expected, got and lost for both, whether the loops ran together, and
// never lets an exact unsynchronised total pass for safe code.
import { abortError } from '../../bench/abort.ts';
import { runRace, DEFAULT_RACE_TIMES, type RaceResult } from '../../parallel/race.ts';
import { raceVerdict } from '../../parallel/race-overlap.ts';
import { NO_ISOLATION } from '../../parallel/shared-arrays.ts';
import { renderBars } from '../../charts/render.ts';
import type { PanelKindBehaviour } from '../host.ts';
import { keptExtra } from '../kept.ts';
import { detailsOpen, splitTable } from '../compact-table.ts';
import { parseBoundedInt } from '../validate.ts';
import { measuredLine } from '../environment.ts';
import { formatPercent } from '../../format/units.ts';
import { note } from '../layout.ts';

export interface RaceData {
  readonly plain: RaceResult;
  readonly atomic: RaceResult;
  readonly at: string;
}

function isData(v: unknown): v is RaceData {
  const d = v as RaceData | null;
  // Results kept before the overlap bookkeeping existed lack `overlap` and `loops`: run again rather than guess.
  const ok = (r: RaceResult | undefined) => typeof r?.got === 'number' && typeof r.overlap?.overlapped === 'boolean' && Array.isArray(r.loops);
  return typeof d === 'object' && d !== null && ok(d.plain) && ok(d.atomic);
}

const ms = (v: number) => `${v.toFixed(1)} ms`;

function overlapCell(r: RaceResult): string {
  if (r.workers < 2) return '— (one worker)';
  const o = r.overlap;
  const seen = r.loops.reduce((s, l) => s + l.chunksWithOthers, 0);
  const checks = r.loops.reduce((s, l) => s + l.chunks, 0);
  return `${ms(o.overlapMs)} of ${ms(o.spanMs)} (${Math.round(100 * o.fraction)} %); saw another move in ${seen} of ${checks} checks`;
}

function gotNote(r: RaceResult): string {
  if (r.got !== r.expected) return `(${r.lost.toLocaleString('en')} lost)`;
  if (r.mode === 'atomic') return '✓ exact';
  return r.workers < 2 ? 'exact (one worker)' : 'exact: see below';
}

/** The sentence under the table: what this run of the unsynchronised loop does and does not show. */
export function plainVerdictText(r: RaceResult): { text: string; cls: string } {
  const pct = r.expected > 0 ? ` (${formatPercent((100 * r.lost) / r.expected)})` : '';
  switch (raceVerdict(r)) {
    case 'lost':
      return { cls: 'bp-warning', text: `counter[0]++ lost ${r.lost.toLocaleString('en')} of ${r.expected.toLocaleString('en')} updates${pct}: two workers read the same value and both wrote it back plus one.` };
    case 'alone':
      return { cls: 'bp-note', text: 'With one worker there is nobody to race with, so the plain total is exact. Choose 2 or more workers.' };
    case 'apart':
      return { cls: 'bp-note', text: 'Nothing was lost, but the workers did not run at the same time this run — the OS ran them one after the other, so nothing could collide. This does not make counter[0]++ safe: press Run again.' };
    case 'lucky':
      return { cls: 'bp-note', text: `The loops did overlap (${ms(r.overlap.overlapMs)}) and still nothing was lost this time: possible, but rare. The code is still unsafe: press Run again.` };
  }
}

const TIMES_BOUNDS = { min: 1, max: 50_000_000 };

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  // The race loops cannot be interrupted mid-way; Cancel stops waiting and the pool finishes them.
  return new Promise<T>((resolve, reject) => {
    signal.addEventListener('abort', () => reject(abortError()), { once: true });
    p.then(resolve, reject);
  });
}

function parsedTimes(input: HTMLInputElement | undefined) {
  return parseBoundedInt(input?.value ?? String(DEFAULT_RACE_TIMES), 'Increments per worker', TIMES_BOUNDS);
}

export function raceKind(): PanelKindBehaviour<RaceData> {
  let input: HTMLInputElement | undefined;
  return {
    fields: ['workers'],
    runLabel: 'Race',
    runnable: true,
    runsVariants: false,
    title: () => 'Concurrent writes: a race and its fix',
    mount(host) {
      input = host.addField({
        name: 'times',
        label: 'Increments per worker',
        value: String(DEFAULT_RACE_TIMES),
        size: 9,
        numeric: true,
        title: `Increments per worker: whole number from ${TIMES_BOUNDS.min} to ${TIMES_BOUNDS.max.toLocaleString('en')}`,
      });
    },
    // Checked with the other fields, before anything starts.
    validate() {
      const parsed = parsedTimes(input);
      if ('error' in parsed) {
        input?.setAttribute('aria-invalid', 'true');
        return [parsed.error];
      }
      input?.removeAttribute('aria-invalid');
      return [];
    },
    async run(host, { request, signal }) {
      const parsed = parsedTimes(input);
      if ('error' in parsed) throw new RangeError(parsed.error); // validate() ran first
      const workers = request.workers ?? 2;
      host.setStatus(`${workers} workers × at least ${parsed.value.toLocaleString('en')} increments, plain then atomic…`);
      // Without isolation the demo cannot run: say so before a pool is started for nothing.
      const env = host.services.environment.page();
      if (!env.crossOriginIsolated || !env.sharedArrayBuffer) throw new Error(`the race demo ${NO_ISOLATION}`);
      const r = await abortable(host.services.pool().then((pool) => runRace({ workers, times: parsed.value, pool })), signal);
      return { ...r, at: host.services.now().toISOString() };
    },
    async render(host, data) {
      const rows = [data.plain, data.atomic];
      const chart = await renderBars(
        rows.flatMap((r) => [
          { label: `${r.mode}: expected`, value: r.expected },
          { label: `${r.mode}: got`, value: r.got, bad: r.got !== r.expected, note: gotNote(r) },
        ]),
        {
          document: host.doc,
          width: host.width(),
          xLabel: 'counter total →',
          format: (v) => v.toLocaleString('en'),
          tickFormat: new Intl.NumberFormat('en', { notation: 'compact' }).format,
        },
      );
      host.showChart(chart, 'Expected and obtained counter totals, plain and atomic; the table has the figures.');
      const open = detailsOpen(host.table);
      host.table.replaceChildren(
        splitTable(host.doc, `${data.plain.workers} workers, at least ${data.plain.timesPerWorker.toLocaleString('en')} increments each (a worker that finishes first keeps going until it has seen the others run)`, [
          { head: 'Update', cell: (r: RaceResult) => (r.mode === 'plain' ? 'counter[0]++' : 'Atomics.add') },
          { head: 'Expected', cell: (r) => r.expected.toLocaleString('en'), numeric: true },
          // An exact plain total is luck, not correctness: it gets no ✓ colour.
          { head: 'Got', cell: (r) => r.got.toLocaleString('en'), numeric: true, cls: (r) => (r.got !== r.expected ? 'bp-wrong' : r.mode === 'atomic' ? 'bp-ok' : null) },
          { head: 'Lost', cell: (r) => r.lost.toLocaleString('en'), numeric: true },
          { head: 'Loop time per worker', cell: (r) => r.loopMs.map(ms).join(', '), numeric: true },
          { head: 'Loops overlapped', cell: overlapCell },
        ], ['Update', 'Expected', 'Got', 'Lost'], rows, { open }),
      );
      const verdict = plainVerdictText(data.plain);
      const v = note(host.doc, `${verdict.cls} bp-race-verdict`, verdict.text);
      const p = note(host.doc, 'bp-env', measuredLine(data.at, host.services.environment.page()));
      host.foot.replaceChildren(v, p);
    },
    ...keptExtra(isData),
  };
}
