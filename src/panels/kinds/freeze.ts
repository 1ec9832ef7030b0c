// 4.1.2: what a long task does to a page. The same naive kernel runs for about
// two seconds either in a worker or, on an explicit click, on this very thread,
// while a requestAnimationFrame-driven dial turns. The dial is drawn by script
// each frame (not a CSS animation, which the compositor could keep turning),
// so a blocked main thread stops it, and the longest gap between frames says
// by how much.
import { matMul } from '../../kernels/naive.ts';
import { generateInputs } from '../../data/generate.ts';
import { referenceProduct } from '../../data/reference.ts';
import { checkResult } from '../../check/allclose.ts';
import { arrayFor, type Dtype, type Shape } from '../../kernels/types.ts';
import { runProfileJob } from '../../profile/client.ts';
import { renderBars } from '../../charts/render.ts';
import { clearExtra, loadExtra, saveExtra, type PanelHost, type PanelKindBehaviour } from '../host.ts';
import { detailsOpen, splitTable } from '../compact-table.ts';
import { formatMs, whenText } from '../progress.ts';
import { environmentLine, pageEnvironment } from '../environment.ts';

/** How long each half keeps the kernel busy. */
export const FREEZE_MS = 2000;
/** Gaps above this are visible stutter (3 frames at 60 Hz); above FROZEN_MS the page has stopped. */
export const STUTTER_MS = 50;
export const FROZEN_MS = 250;

export function gapVerdict(ms: number): 'smooth' | 'stutter' | 'frozen' {
  return ms > FROZEN_MS ? 'frozen' : ms > STUTTER_MS ? 'stutter' : 'smooth';
}
const SEED = 20240601;

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

function merge(host: PanelHost, shape: Shape, dtype: Dtype, run: FreezeRun): FreezeData {
  const old = freezeKind.load(host);
  const same = old && old.shape.m === shape.m && old.shape.l === shape.l && old.shape.n === shape.n && old.dtype === dtype;
  return { shape, dtype, runs: [...(same ? old.runs.filter((r) => r.where !== run.where) : []), run] };
}

/** One dial per panel. */
const dials = new WeakMap<PanelHost, Dial>();

async function measureWhile(host: PanelHost, work: () => Promise<{ calls: number; elapsedMs: number; correct: boolean }>, where: FreezeRun['where']): Promise<FreezeRun> {
  const win = host.doc.defaultView!;
  const dial = dials.get(host);
  dial?.start();
  await nextFrame(win);
  await nextFrame(win);
  const r = await work();
  await nextFrame(win);
  await nextFrame(win);
  const seen = dial?.stop() ?? { frames: 0, longestGapMs: 0 };
  return { where, ...r, ...seen, at: new Date().toISOString() };
}

function mainThreadRun(shape: Shape, dtype: Dtype): { calls: number; elapsedMs: number; correct: boolean } {
  const { A, B } = generateInputs(shape, dtype, SEED);
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

export const freezeKind: PanelKindBehaviour<FreezeData> = {
  fields: ['m', 'l', 'n', 'dtype'],
  runLabel: 'Run in a worker',
  runnable: true,
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
    dials.set(host, new Dial(canvas, label));
    const main = doc.createElement('button');
    main.type = 'button';
    main.className = 'bp-main-thread';
    main.textContent = 'Run on the main thread';
    const warn = doc.createElement('p');
    warn.className = 'bp-warning';
    warn.textContent = `⚠ The main-thread run blocks this page for about ${FREEZE_MS / 1000} s: the dial and the slides stop until it ends.`;
    main.addEventListener('click', () => {
      const form = host.doc.defaultView ? (main.closest('bench-panel') as HTMLElement | null) : null;
      const read = (f: string) => (form?.querySelector(`[name="${f}"]`) as HTMLInputElement | null)?.value;
      const shape = { m: Number(read('m') ?? host.config.shape.m), l: Number(read('l') ?? host.config.shape.l), n: Number(read('n') ?? host.config.shape.n) };
      const dtype = (read('dtype') ?? host.config.dtype) as Dtype;
      if (![shape.m, shape.l, shape.n].every((v) => Number.isInteger(v) && v > 0 && v <= 2000)) {
        host.setStatus('Main-thread run needs whole sizes from 1 to 2000.');
        return;
      }
      void host.runExclusive(async () => {
        host.setStatus(`Main thread busy for ${FREEZE_MS / 1000} s…`);
        const run = await measureWhile(host, async () => mainThreadRun(shape, dtype), 'main thread');
        const data = merge(host, shape, dtype, run);
        freezeKind.save(host, data);
        await freezeKind.render(host, data);
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
      () => runProfileJob({ type: 'repeat', shape: request.shape, dtype: request.dtype, durationMs: FREEZE_MS, seed: SEED }, { signal }),
      'worker',
    );
    return merge(host, request.shape, request.dtype, run);
  },
  async render(host, data) {
    const bars = data.runs.map((r) => ({ label: r.where, value: r.longestGapMs, bad: gapVerdict(r.longestGapMs) === 'frozen', note: gapVerdict(r.longestGapMs) }));
    const chart = await renderBars(bars, { document: host.doc, width: host.width(), xLabel: 'longest gap between frames (ms) →', format: (v) => formatMs(v) });
    host.chart.replaceChildren(...(chart ? [chart] : []));
    chart?.setAttribute('role', 'img');
    chart?.setAttribute('aria-label', 'Longest gap between animation frames during each run; the table has the figures.');
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
    const env = host.doc.createElement('p');
    env.className = 'bp-env';
    env.textContent = `Measured ${latest ? whenText(latest) : 'at an unknown time'} in ${environmentLine(pageEnvironment())}.`;
    host.foot.replaceChildren(env);
  },
  load: (host) => loadExtra(host.store, host.config.id, isFreezeData),
  save: (host, data) => saveExtra(host.store, host.config.id, data),
  clear: (host) => clearExtra(host.store, host.config.id),
};
