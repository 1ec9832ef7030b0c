// 4.1.2: what a long task does to a page. The same naive kernel runs for about
// two seconds either in a worker or, on an explicit click, on this very thread,
// while a requestAnimationFrame-driven dial turns. The dial is drawn by script
// each frame (not a CSS animation, which the compositor could keep turning),
// so a blocked main thread stops it, and the longest gap between frames says
// by how much.
import { matMul } from '../../kernels/naive.ts';
import { DEFAULT_SEED, generateInputs } from '../../data/generate.ts';
import { referenceProduct } from '../../data/reference.ts';
import { checkResult } from '../../check/allclose.ts';
import { arrayFor, type Dtype, type Shape } from '../../kernels/types.ts';
import { renderBars } from '../../charts/render.ts';
import type { PanelHost, PanelKindBehaviour } from '../host.ts';
import { keptExtra } from '../kept.ts';
import { detailsOpen, splitTable } from '../compact-table.ts';
import { formatMs } from '../../format/units.ts';
import { measuredLine } from '../environment.ts';
import { button, note } from '../layout.ts';

/** How long each half keeps the kernel busy. */
export const FREEZE_MS = 2000;
/** Gaps above this are visible stutter (3 frames at 60 Hz); above FROZEN_MS the page has stopped. */
export const STUTTER_MS = 50;
export const FROZEN_MS = 250;

export function gapVerdict(ms: number): 'smooth' | 'stutter' | 'frozen' {
  return ms > FROZEN_MS ? 'frozen' : ms > STUTTER_MS ? 'stutter' : 'smooth';
}

export interface FreezeRun {
  readonly where: 'worker' | 'main thread';
  readonly calls: number;
  readonly elapsedMs: number;
  readonly frames: number;
  readonly longestGapMs: number;
  readonly correct: boolean;
  readonly at: string;
}

export interface FreezeData {
  readonly shape: Shape;
  readonly dtype: Dtype;
  readonly runs: FreezeRun[];
}

/** Longest interval between consecutive frame timestamps. Pure. */
export function longestGap(stamps: readonly number[]): number {
  let gap = 0;
  for (let i = 1; i < stamps.length; i++) gap = Math.max(gap, stamps[i]! - stamps[i - 1]!);
  return gap;
}

function isFreezeData(v: unknown): v is FreezeData {
  const d = v as FreezeData | null;
  return typeof d === 'object' && d !== null && Array.isArray(d.runs) && typeof d.shape === 'object';
}

/** A dial and a frame counter driven by requestAnimationFrame; records frame times while recording. */
class Dial {
  private raf = 0;
  private stamps: number[] = [];
  private angle = 0;
  private count = 0;
  constructor(private readonly canvas: HTMLCanvasElement, private readonly label: HTMLElement) {}
  start(): void {
    this.stamps = [];
    const win = this.canvas.ownerDocument.defaultView!;
    cancelAnimationFrame(this.raf);
    const tick = (t: number) => {
      this.stamps.push(t);
      this.count++;
      this.angle += 0.12;
      this.draw();
      this.raf = win.requestAnimationFrame(tick);
    };
    this.raf = win.requestAnimationFrame(tick);
  }
  stop(): { frames: number; longestGapMs: number } {
    cancelAnimationFrame(this.raf);
    return { frames: this.stamps.length, longestGapMs: longestGap(this.stamps) };
  }
  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const { width: w, height: h } = this.canvas;
    ctx.clearRect(0, 0, w, h);
    ctx.strokeStyle = '#3b8bd9';
    ctx.lineWidth = 6;
    ctx.beginPath();
    ctx.arc(w / 2, h / 2, w / 2 - 6, this.angle, this.angle + Math.PI * 1.2);
    ctx.stroke();
    this.label.textContent = `frame ${this.count}`;
  }
}

const nextFrame = (win: Window) => new Promise<void>((r) => win.requestAnimationFrame(() => r()));

const kept = keptExtra(isFreezeData);

/** This run beside the other place's kept run of the same shape and type. */
function merge(host: PanelHost, shape: Shape, dtype: Dtype, run: FreezeRun): FreezeData {
  const old = kept.load(host);
  const same = old && old.shape.m === shape.m && old.shape.l === shape.l && old.shape.n === shape.n && old.dtype === dtype;
  return { shape, dtype, runs: [...(same ? old.runs.filter((r) => r.where !== run.where) : []), run] };
}

async function measureWhile(host: PanelHost, dial: Dial | null, work: () => Promise<{ calls: number; elapsedMs: number; correct: boolean }>, where: FreezeRun['where']): Promise<FreezeRun> {
  const win = host.doc.defaultView!;
  dial?.start();
  await nextFrame(win);
  await nextFrame(win);
  const r = await work();
  await nextFrame(win);
  await nextFrame(win);
  const seen = dial?.stop() ?? { frames: 0, longestGapMs: 0 };
  return { where, ...r, ...seen, at: host.services.now().toISOString() };
}

function mainThreadRun(shape: Shape, dtype: Dtype): { calls: number; elapsedMs: number; correct: boolean } {
  const { A, B } = generateInputs(shape, dtype, DEFAULT_SEED);
  const C = new (arrayFor(dtype))(shape.m * shape.n);
  const t0 = performance.now();
  let calls = 0;
  // Deliberately blocking: this is the freeze the slide is about, bounded to FREEZE_MS.
  do {
    matMul(A, B, C, shape);
    calls++;
  } while (performance.now() - t0 < FREEZE_MS);
  const elapsedMs = performance.now() - t0;
  return { calls, elapsedMs, correct: checkResult(C, referenceProduct(A, B, shape), shape, dtype).correct };
}

/** Whole sizes the main-thread half accepts: bounded, since it blocks this page. Pure. */
export function mainThreadRefusal(shape: Shape): string | null {
  return [shape.m, shape.l, shape.n].every((v) => v <= 2000) ? null : 'Main-thread run needs whole sizes from 1 to 2000.';
}

export function freezeKind(): PanelKindBehaviour<FreezeData> {
  let dial: Dial | null = null;
  const self: PanelKindBehaviour<FreezeData> = {
    fields: ['m', 'l', 'n', 'dtype'],
    runLabel: 'Run in a worker',
    runnable: true,
    runsVariants: true,
    title: () => 'Main thread vs worker: does the page freeze?',
    mount(host) {
      const doc = host.doc;
      const box = doc.createElement('div');
      box.className = 'bp-freeze';
      const canvas = doc.createElement('canvas');
      canvas.width = 72;
      canvas.height = 72;
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', 'A dial redrawn on every animation frame');
      const label = doc.createElement('span');
      label.className = 'bp-frames';
      label.textContent = 'frame 0';
      dial = new Dial(canvas, label);
      const main = button(doc, 'bp-main-thread', 'Run on the main thread');
      const warn = note(doc, 'bp-warning', `⚠ The main-thread run blocks this page for about ${FREEZE_MS / 1000} s: the dial and the slides stop until it ends.`);
      main.addEventListener('click', () => {
        // The same fields and checks as Run, then this half's own bound.
        const request = host.validRequest();
        if (!request) return;
        const refusal = mainThreadRefusal(request.shape);
        if (refusal) return host.setStatus(refusal);
        const { shape, dtype } = request;
        void host.runExclusive(async () => {
          host.setStatus(`Main thread busy for ${FREEZE_MS / 1000} s…`);
          const run = await measureWhile(host, dial, async () => mainThreadRun(shape, dtype), 'main thread');
          const data = merge(host, shape, dtype, run);
          self.save(host, data);
          await self.render(host, data);
          host.setStatus(`Main thread: longest frame gap ${formatMs(run.longestGapMs)}.`);
        });
      });
      box.append(canvas, label, main);
      host.extra.append(box, warn);
    },
    async run(host, { request, signal }) {
      host.setStatus(`Worker busy for ${FREEZE_MS / 1000} s; the page stays responsive.`);
      const run = await measureWhile(
        host,
        dial,
        () => host.services.profiler.run({ type: 'repeat', shape: request.shape, dtype: request.dtype, durationMs: FREEZE_MS, seed: DEFAULT_SEED }, { signal }),
        'worker',
      );
      return merge(host, request.shape, request.dtype, run);
    },
    async render(host, data) {
      const bars = data.runs.map((r) => ({ label: r.where, value: r.longestGapMs, bad: gapVerdict(r.longestGapMs) === 'frozen', note: gapVerdict(r.longestGapMs) }));
      const chart = await renderBars(bars, { document: host.doc, width: host.width(), xLabel: 'longest gap between frames (ms) →', format: (v) => formatMs(v) });
      host.showChart(chart, 'Longest gap between animation frames during each run; the table has the figures.');
      const open = detailsOpen(host.table);
      host.table.replaceChildren(
        splitTable(host.doc, `naive ${data.shape.m}×${data.shape.l}×${data.shape.n} ${data.dtype}, repeated for about ${FREEZE_MS / 1000} s`, [
          { head: 'Where', cell: (r: FreezeRun) => r.where },
          { head: 'Kernel calls', cell: (r) => String(r.calls), numeric: true },
          { head: 'Busy for', cell: (r) => formatMs(r.elapsedMs), numeric: true },
          { head: 'Frames drawn', cell: (r) => String(r.frames), numeric: true },
          { head: 'Longest frame gap', cell: (r) => `${formatMs(r.longestGapMs)} (${gapVerdict(r.longestGapMs)})`, numeric: true, cls: (r) => (gapVerdict(r.longestGapMs) === 'frozen' ? 'bp-wrong' : 'bp-ok') },
          { head: 'Correct', cell: (r) => (r.correct ? '✓' : '✗ WRONG'), cls: (r) => (r.correct ? 'bp-ok' : 'bp-wrong') },
        ], ['Where', 'Frames drawn', 'Longest frame gap', 'Correct'], data.runs, { open }),
      );
      const latest = data.runs.map((r) => r.at).sort().at(-1);
      const env = note(host.doc, 'bp-env', measuredLine(latest ?? null, host.services.environment.page()));
      host.foot.replaceChildren(env);
    },
    ...kept,
  };
  return self;
}
