// The environment a measurement was taken in, and the "env" button that shows
// it from any slide. Timings mean little without it: isolation changes the
// clock's resolution (100 µs vs 5 µs) and whether the shared-memory variants
// can run at all. Detection is H2's probeEnvironment (the same probe the bench
// worker runs), here applied to the page; browserName and the facts are pure.
import type { Environment, MeasuredPeaks, PeakFigure } from '../bench/protocol.ts';
import { probeEnvironment } from '../bench/environment.ts';
import { gpuAdapterInfo } from '../bench/gpu-client.ts';
import { benchPeaks } from '../bench/client.ts';
import { parallelPeaks } from '../bench/parallel-client.ts';
import { adapterLabel, type GpuAdapterReport } from '../gpu/meta.ts';

/** "Chromium 156", "Firefox 140", "Safari 18": enough to compare machines. Pure. */
export function browserName(userAgent: string): string {
  const rules: [RegExp, string][] = [
    [/Edg\/(\d+)/, 'Edge'],
    [/OPR\/(\d+)/, 'Opera'],
    [/Firefox\/(\d+)/, 'Firefox'],
    [/HeadlessChrome\/(\d+)/, 'Headless Chrome'],
    [/Chrom(?:e|ium)\/(\d+)/, 'Chrome'],
    [/Version\/(\d+)[.\d]* .*Safari\//, 'Safari'],
    [/Node\.js\/(\d+)|node\/v?(\d+)/i, 'Node.js'],
  ];
  for (const [re, name] of rules) {
    const m = re.exec(userAgent);
    if (m) return `${name} ${m[1] ?? m[2] ?? ''}`.trim();
  }
  return userAgent.slice(0, 40) || 'unknown';
}

/** Label/value pairs shared by the dialog and each panel's footer. Pure. */
export function environmentFacts(env: Environment): [string, string][] {
  const res = env.timerResolutionMs;
  return [
    ['Cross-origin isolated', env.crossOriginIsolated ? 'yes' : 'no (SharedArrayBuffer variants cannot run)'],
    ['SharedArrayBuffer', env.sharedArrayBuffer ? 'available' : 'unavailable'],
    ['Cores (hardwareConcurrency)', String(env.cores)],
    ['Timer resolution (measured)', res < 1 ? `${+(res * 1000).toFixed(1)} µs` : `${+res.toFixed(2)} ms`],
    ['WebAssembly SIMD', env.wasmSimd ? 'supported' : 'not supported'],
    ['Browser', browserName(env.userAgent)],
  ];
}

/** One line for under a chart: where those numbers come from. */
export function environmentLine(env: Environment): string {
  const res = env.timerResolutionMs < 1 ? `${+(env.timerResolutionMs * 1000).toFixed(1)} µs` : `${+env.timerResolutionMs.toFixed(2)} ms`;
  return `${browserName(env.userAgent)} · ${env.cores} cores · ${env.crossOriginIsolated ? 'isolated' : 'not isolated'} · timer ${res}${env.wasmSimd ? ' · wasm SIMD' : ''}`;
}

const yesNo = (b: boolean): string => (b ? 'supported' : 'not supported');

function bytes(b: number): string {
  if (b >= 1024 ** 3 && b % 1024 ** 3 === 0) return `${b / 1024 ** 3} GiB`;
  if (b >= 1024 ** 2) return `${+(b / 1024 ** 2).toFixed(1)} MiB`;
  if (b >= 1024) return `${+(b / 1024).toFixed(1)} KiB`;
  return `${b} B`;
}

/** The GPU rows of the env view: what the GPU worker's adapter is and can do, or why there is none. Pure. */
export function gpuFacts(report: GpuAdapterReport): [string, string][] {
  if (!report.available) return [['WebGPU', `unavailable: ${report.reason}`]];
  const { limits, tiles } = report;
  return [
    ['WebGPU adapter', adapterLabel(report) ?? ''],
    ['Fallback (software) adapter', report.isFallbackAdapter ? 'yes: a CPU emulating a GPU; its timings say nothing about GPU speed' : 'no: a hardware GPU'],
    ['timestamp-query', `${yesNo(report.timestampQuery)}${report.timestampQuery ? ' (kernel times measured)' : ' (no kernel-only times)'}`],
    ['shader-f16', yesNo(report.shaderF16)],
    [
      'Workgroup limits',
      `${limits.maxComputeInvocationsPerWorkgroup} invocations, ${limits.maxComputeWorkgroupSizeX}×${limits.maxComputeWorkgroupSizeY} max size, ` +
        `${bytes(limits.maxComputeWorkgroupStorageSize)} workgroup memory`,
    ],
    ['Buffer limits', `storage binding ${bytes(limits.maxStorageBufferBindingSize)}, buffer ${bytes(limits.maxBufferSize)}, ${limits.maxComputeWorkgroupsPerDimension} workgroups per dimension`],
    ['Tiles of webgpu-tiled', tiles.reason],
    ...(report.lost ? ([['Device', report.lost]] as [string, string][]) : []),
  ];
}

const gf = (g: number): string => (g >= 100 ? g.toFixed(0) : g >= 10 ? g.toFixed(1) : g.toPrecision(3));

/** "52.1 FMA · 26.4 plain": one dtype's figures of one worker count (no FMA figure where relaxed SIMD is missing). */
function peakText(fma: PeakFigure, plain: PeakFigure): string {
  return `${fma.fma ? `${gf(fma.gflops)} FMA · ` : ''}${gf(plain.gflops)} plain`;
}

/**
 * The peak rows of the env view: per dtype, the bench worker's one-worker figures and
 * the dispatcher's figures for `workers` pool workers probing at once, in GFLOP/s.
 * A side that could not be measured says so. Pure.
 */
export function peakFacts(one: MeasuredPeaks | null, many: MeasuredPeaks | null, workers: number): [string, string][] {
  const side = (p: MeasuredPeaks | null, dtype: 'f32' | 'f64'): string =>
    p === null ? 'not measured' : dtype === 'f32' ? peakText(p.f32, p.f32Plain) : peakText(p.f64, p.f64Plain);
  const n = many?.f32.workers ?? workers;
  return (['f32', 'f64'] as const).map((dtype) => [
    `Peak ${dtype} (1 worker / ${n} workers)`,
    `${side(one, dtype)} / ${side(many, dtype)} GFLOP/s (measured by the peak probe in the workers)`,
  ]);
}

let cached: Environment | null = null;

/** Measured once per page: the resolution probe spins for a moment. */
export function pageEnvironment(): Environment {
  cached ??= probeEnvironment();
  return cached;
}

/**
 * A small fixed "env" button, present on every slide, opening a dialog with the
 * facts above. Idempotent: calling it twice keeps one button.
 */
export function mountEnvironmentButton(doc: Document): HTMLButtonElement {
  const existing = doc.querySelector<HTMLButtonElement>('button.env-button');
  if (existing) return existing;
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'env-button';
  button.textContent = 'env';
  button.setAttribute('aria-haspopup', 'dialog');
  button.setAttribute('aria-label', 'Show the measurement environment');
  button.title = 'Measurement environment';

  const dialog = doc.createElement('dialog');
  dialog.className = 'env-dialog';
  dialog.setAttribute('aria-labelledby', 'env-dialog-title');
  const heading = doc.createElement('h2');
  heading.id = 'env-dialog-title';
  heading.textContent = 'Where these benchmarks run';
  const table = doc.createElement('table');
  const note = doc.createElement('p');
  note.className = 'env-note';
  note.textContent =
    'Measured in this page now; the WebGPU rows come from the GPU worker. Each result also records the environment of the worker that produced it.';
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = 'Close';
  close.addEventListener('click', () => dialog.close());
  dialog.append(heading, table, note, close);

  const row = ([k, v]: [string, string]): HTMLTableRowElement => {
    const tr = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = k;
    const td = doc.createElement('td');
    td.textContent = v;
    tr.append(th, td);
    return tr;
  };
  // The GPU rows come from the GPU worker, asked only now that someone looks.
  const gpuBody = doc.createElement('tbody');
  gpuBody.className = 'env-gpu';
  let asked = 0;
  const askGpu = (): void => {
    const ask = ++asked;
    gpuBody.replaceChildren(row(['WebGPU', 'asking the GPU worker…']));
    gpuAdapterInfo().then(
      (report) => ask === asked && gpuBody.replaceChildren(...gpuFacts(report).map(row)),
      (e: unknown) => ask === asked && gpuBody.replaceChildren(row(['WebGPU', `could not ask the GPU worker: ${e instanceof Error ? e.message : String(e)}`])),
    );
  };

  // The peaks come from the bench worker (one worker) and the dispatcher (its pool),
  // measured there once and cached for the visit; the page only asks.
  const peakBody = doc.createElement('tbody');
  peakBody.className = 'env-peaks';
  let askedPeaks = 0;
  const askPeaks = (): void => {
    const ask = ++askedPeaks;
    const workers = pageEnvironment().cores;
    peakBody.replaceChildren(row(['Peak (1 worker / N workers)', 'measuring in the bench worker and the pool…']));
    const orNull = (p: Promise<MeasuredPeaks | null>): Promise<MeasuredPeaks | null> => p.catch(() => null);
    Promise.all([orNull(benchPeaks()), orNull(parallelPeaks(workers))]).then(
      ([one, many]) => ask === askedPeaks && peakBody.replaceChildren(...peakFacts(one, many, workers).map(row)),
    );
  };

  button.addEventListener('click', () => {
    const pageBody = doc.createElement('tbody');
    pageBody.append(...environmentFacts(pageEnvironment()).map(row));
    table.replaceChildren(pageBody, peakBody, gpuBody);
    askPeaks();
    askGpu();
    dialog.showModal();
    close.focus();
  });
  // Reveal listens for keys on the document; keep them inside the open dialog.
  dialog.addEventListener('keydown', (e) => e.stopPropagation());
  doc.body.append(button, dialog);
  return button;
}
