// The closing ladder as drawn: an SVG snapshot on fixed data, every label inside
// the chart at a slide's and a phone's width, the gains printed, and the
// conclusion panel drawing kept and imported ladders from storage.
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchResult, MeasuredResult } from '../../src/bench/protocol.ts';
import { buildLadder, DEFAULT_LADDER_SHAPE } from '../../src/charts/ladder.ts';
import { peakLegendText, renderLadderChart } from '../../src/charts/ladder-render.ts';
import { loadPlot } from '../../src/charts/render.ts';
import { saveResults, browserStore } from '../../src/panels/storage.ts';
import { addImports, clearImports, parseImport } from '../../src/panels/imports.ts';
import './real-panels.ts';

const S = DEFAULT_LADDER_SHAPE;
const FLOPS = 2 * S.m * S.l * S.n;
const env = {
  crossOriginIsolated: true,
  sharedArrayBuffer: true,
  cores: 4,
  timerResolutionMs: 0.005,
  wasmSimd: true,
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
};

/** Invented fixture figures (never shown in the deck). */
function at(variant: string, gflops: number, extra: Partial<MeasuredResult> = {}): MeasuredResult {
  const ms = FLOPS / (gflops * 1e6);
  return {
    status: 'ok', variant, m: S.m, l: S.l, n: S.n, dtype: S.dtype, workers: 1, env, at: '2026-11-23T21:00:00.000Z',
    samplesMs: [ms, ms, ms, ms, ms], coldMs: ms * 2, batch: 1, medianMs: ms,
    stats: { medianMs: ms, minMs: ms, maxMs: ms, madMs: 0, p10Ms: ms, meanMs: ms, noisy: false },
    gflops, correct: true, check: { correct: true, maxAbsError: 0, mismatches: 0, rtol: 1e-4, atol: 1e-5 }, extraBytes: 0,
    ...extra,
  };
}

const FIXED: BenchResult[] = [
  at('naive', 0.95),
  at('element-vectorised', 0.02),
  at('broadcasting', 0.3),
  at('wasm-whole', 2.4),
  at('wasm-simd', 28),
  at('tuned', 47),
  at('lib-tfjs', 23),
  at('parallel-wasm', 80, { workers: 4 }),
  at('webgpu-tiled', 310, { correct: false }), // wrong: never a step
];
const PEAKS = [
  { label: 'mul+add peak, 1 worker', gflops: 38 },
  { label: 'FMA peak, 4 workers', gflops: 230 },
];
const OTHER = [at('naive', 1.4), at('wasm-simd', 40), at('tuned', 75), at('parallel-wasm', 260, { workers: 8 })];

function mountChart(chart: Element, width: number): HTMLElement {
  const box = document.createElement('div');
  box.style.width = `${width}px`;
  box.style.fontFamily = 'sans-serif';
  box.append(chart);
  document.body.append(box);
  return box;
}

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
  clearImports(browserStore());
});

describe('the ladder chart', () => {
  it('matches its snapshot on fixed data', async () => {
    await loadPlot();
    const chart = await renderLadderChart(buildLadder(FIXED, S), { document, width: 720, peaks: PEAKS });
    expect(chart).not.toBeNull();
    expect(chart!.outerHTML).toMatchSnapshot();
  });

  it('prints each step with its variant, GFLOP/s and gain, skips the wrong GPU result, and numbers the peaks', async () => {
    const chart = (await renderLadderChart(buildLadder(FIXED, S), { document, width: 720, peaks: PEAKS }))!;
    const texts = [...chart.querySelectorAll('text')].map((t) => t.textContent ?? '');
    expect(texts).toContain('naive loops: naive · 0.950 GFLOP/s');
    expect(texts).toContain('array programming: broadcasting · 0.300 GFLOP/s · ×0.32');
    expect(texts).toContain('SIMD: wasm-simd · 28.0 GFLOP/s · ×12');
    expect(texts).toContain('library: lib-tfjs · 23.0 GFLOP/s (reference, not a step)');
    // parallel over tuned: 80 / 47.
    expect(texts).toContain('parallel: parallel-wasm (4 workers) · 80.0 GFLOP/s · ×1.7');
    expect(texts.some((t) => t.startsWith('GPU'))).toBe(false);
    expect(texts).toEqual(expect.arrayContaining(['1', '2']));
    expect(peakLegendText(PEAKS)).toBe('Dashed lines, measured peaks: 1 = mul+add peak, 1 worker, 38.0 GFLOP/s; 2 = FMA peak, 4 workers, 230 GFLOP/s.');
    expect(chart.querySelector('[aria-label]')).toBeNull(); // no labels on the marks' groups (axe)
  });

  for (const width of [720, 340]) {
    it(`keeps every label inside the chart at ${width} px, with an imported ladder beside`, async () => {
      const chart = (await renderLadderChart(buildLadder(FIXED, S), {
        document,
        width,
        peaks: PEAKS,
        others: [{ source: 'Firefox 140 · 8 cores · 2026-12-01', ladder: buildLadder(OTHER, S) }],
      }))!;
      mountChart(chart, width);
      const svg = chart as SVGSVGElement;
      const box = svg.getBoundingClientRect();
      expect(box.width).toBeCloseTo(width, 0);
      const texts = [...svg.querySelectorAll('text')];
      expect(texts.length).toBeGreaterThan(10);
      for (const t of texts) {
        const r = t.getBoundingClientRect();
        const what = `"${t.textContent}" at ${width}px: ${r.left.toFixed(0)}–${r.right.toFixed(0)} of ${box.left.toFixed(0)}–${box.right.toFixed(0)}`;
        expect(r.left, what).toBeGreaterThanOrEqual(box.left - 0.5);
        expect(r.right, what).toBeLessThanOrEqual(box.right + 0.5);
        expect(r.top, what).toBeGreaterThanOrEqual(box.top - 0.5);
        expect(r.bottom, what).toBeLessThanOrEqual(box.bottom + 0.5);
      }
      // Two label lines never overlap each other.
      const rows = texts.filter((t) => t.getAttribute('font-weight') === '600' || t.closest('[font-weight="600"]')).map((t) => t.getBoundingClientRect());
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.top).toBeGreaterThanOrEqual(rows[i - 1]!.bottom - 1);
    });
  }
});

describe('the conclusion panel', () => {
  it('draws the ladder from kept results, an imported ladder beside it, and lists every result behind a toggle', async () => {
    const store = browserStore()!;
    saveResults(store, 'some-panel', FIXED);
    const text = JSON.stringify(OTHER.map((r) => ({ ...r, env: { ...env, cores: 8, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0' }, at: '2026-12-01T08:00:00.000Z' })));
    const verdict = parseImport(text, 'firefox.json', text.length);
    if (!verdict.ok) throw new Error(verdict.reason);
    addImports(store, verdict.sets);
    const el = document.createElement('bench-panel');
    el.id = 'bench-summary-test';
    el.setAttribute('kind', 'summary');
    el.style.width = '720px';
    el.style.display = 'block';
    document.body.append(el);
    const t0 = performance.now();
    while (!el.querySelector('.bp-chart svg') && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 25));
    expect(el.querySelector('button.bp-run')?.textContent).toBe('Measure the ladder');
    const select = el.querySelector<HTMLSelectElement>('select[name="ladder-shape"]')!;
    expect(select.value).toBe('512x512x512-f32');
    expect(el.querySelector('.bp-legend')?.textContent).toContain('imported: Firefox 140 · 8 cores · 2026-12-01');
    const rows = [...el.querySelectorAll('.bp-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows.map((r) => r[0])).toEqual([
      'naive loops: naive',
      'array programming: broadcasting',
      'compiled (wasm): wasm-whole',
      'SIMD: wasm-simd',
      'tuned kernel: tuned',
      'library: lib-tfjs',
      'parallel: parallel-wasm (4 workers)',
    ]);
    expect(rows.every((r) => r.at(-1) === '✓ correct')).toBe(true);
    expect(el.querySelector('.bp-ladder-missing')?.textContent).toMatch(/GPU: ✗ wrong product from webgpu-tiled: not counted/);
    const details = el.querySelector<HTMLDetailsElement>('details.bp-details')!;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe(`All ${FIXED.length} results kept in this visit, and ${OTHER.length} imported`);
    expect(details.querySelectorAll('table.bp-table-all')).toHaveLength(2);
    // Hollow dots: one per imported rung.
    const hollow = [...el.querySelectorAll('.bp-chart svg circle')].filter((c) => getComputedStyle(c).fill === 'rgb(255, 255, 255)');
    expect(hollow).toHaveLength(OTHER.length);
  });
});
