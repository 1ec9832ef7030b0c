// The GPU sweep panel and the env view with WebGPU on (SwiftShader, a fallback
// adapter): the chart is drawn with both GPU lines and the software label, the
// table twin has every figure, cancel terminates the GPU worker, and the env view
// shows the adapter. Small sizes: this checks wiring, not speed.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mountPanel, services, tableRows } from '../browser/real-panels.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';
import { loadPlot } from '../../src/charts/render.ts';
import type { BenchResult } from '../../src/bench/protocol.ts';
import { SOFTWARE_ADAPTER_NOTE } from '../../src/gpu/meta.ts';
import { until } from '../browser/mount-deck.ts';

const panel = (attrs: Record<string, string>): BenchPanel => mountPanel<BenchPanel>(attrs, 760);



afterAll(() => {
  services.workers.gpu.dispose();
  document.body.replaceChildren();
  localStorage.clear();
});

describe('gpu-sweep on SwiftShader', () => {
  it('draws GFLOP/s against size with both GPU lines and the software-adapter label; the table has every figure', async () => {
    localStorage.clear();
    await loadPlot();
    const el = panel({ id: 'gpu-small', kind: 'gpu-sweep', sizes: '16,64', samples: '5' });
    expect(el.querySelector('.bp-gpu-missing')).toBeNull(); // navigator.gpu exists here
    el.querySelector<HTMLButtonElement>('button.bp-run')!.click();
    await until(() => el.getAttribute('aria-busy') === 'true', 5000, 'busy');
    await until(() => el.getAttribute('aria-busy') !== 'true', 120_000, 'done');
    expect(el.querySelector('[role="alert"]')?.textContent ?? '').toBe('');

    const results = el.results as BenchResult[];
    expect(results.map((r) => `${r.variant}@${r.n}`).sort()).toEqual(
      ['wasm-simd@16', 'wasm-simd@64', 'webgpu-naive@16', 'webgpu-naive@64', 'webgpu-tiled@16', 'webgpu-tiled@64'].sort(),
    );
    for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ status: 'ok', correct: true, dtype: 'f32' });
    const gpu = results.filter((r) => r.variant.startsWith('webgpu-'));
    for (const r of gpu) expect(r).toMatchObject({ note: SOFTWARE_ADAPTER_NOTE, adapter: expect.stringMatching(/swiftshader/i) });
    for (const r of results.filter((r) => r.variant === 'wasm-simd')) expect(r.note).toBeUndefined();

    // Chart: the label, one line per variant with transfers, plus kernel-only lines where timestamps exist.
    const chart = el.querySelector('.bp-chart')!;
    expect(chart.querySelector('svg')).not.toBeNull();
    expect(chart.querySelector('.bp-software')?.textContent).toMatch(/software adapter: not a GPU timing \(.*swiftshader.*\)/i);
    const withKernel = gpu.filter((r) => r.status === 'ok' && r.kernelMs !== undefined).length;
    const lines = chart.querySelectorAll('svg g.bp-gpu-line path').length;
    expect(lines).toBe(3 + (withKernel > 0 ? 2 : 0));
    expect(chart.querySelector('[aria-label*="software adapter"]')).not.toBeNull();
    expect(chart.querySelector('.bp-crossover')?.textContent).toMatch(/^Crossover in this run(: no GPU line is faster than wasm-simd|, faster than wasm-simd: webgpu-)/);

    // Table twin: size, variant (⚠ on software rows), median, first call, kernel, moved, GFLOP/s, ✓.
    const heads = [...el.querySelectorAll('.bp-table thead th')].map((th) => th.textContent);
    expect(heads).toEqual(['Size', 'Variant', 'Median', 'First call', 'Kernel', 'Moved', 'GFLOP/s', 'Correct']);
    const table = tableRows(el);
    expect(table).toHaveLength(6);
    for (const r of table) expect(r.at(-1)).toBe('✓ correct');
    const tiled64 = table.find((r) => r[0] === '64' && r[1]!.startsWith('webgpu-tiled'))!;
    expect(tiled64[1]).toBe('webgpu-tiled ⚠');
    expect(tiled64[5]).toBe('48.0 KiB'); // 3 × 64² floats
    expect(tiled64[3]).toMatch(/\d/); // the first call, apart
    expect(el.querySelector('.bp-table caption')?.textContent).toMatch(/⚠ = software adapter: not a GPU timing/);
    expect(el.querySelector('.bp-adapter')?.textContent).toMatch(/^GPU adapter: .*swiftshader/i);
    console.info('gpu-sweep (SwiftShader, not a GPU timing):', JSON.stringify(table));
    el.remove();
  });

  it('cancel terminates the GPU worker; the next run gets a fresh one', async () => {
    const el = panel({ id: 'gpu-cancel', kind: 'gpu-sweep', variants: 'webgpu-naive', sizes: '1024', samples: '5' });
    el.querySelector<HTMLButtonElement>('button.bp-run')!.click();
    // Wait until the GPU worker is measuring (its reference product comes first), then cancel.
    await until(() => /webgpu-naive\): (first call|warming up|sample)/.test(el.querySelector('.bp-status')?.textContent ?? ''), 60_000, 'the GPU run');
    const terminate = vi.spyOn(Worker.prototype, 'terminate');
    el.querySelector<HTMLButtonElement>('button.bp-cancel')!.click();
    await until(() => el.getAttribute('aria-busy') !== 'true', 10_000, 'cancelled');
    expect(terminate).toHaveBeenCalled();
    terminate.mockRestore();
    expect(el.querySelector('.bp-status')?.textContent).toMatch(/^Cancelled/);
    expect(el.results).toBeNull();
    // A terminated worker answers nothing: this answer comes from a new one.
    const info = await services.workers.gpu.adapterInfo();
    expect(info.available).toBe(true);
    el.remove();
  });

  it('the env view shows the adapter, fallback or not, its features and the limits behind the tiles', async () => {
    document.querySelector<HTMLButtonElement>('button.env-button')!.click();
    const dialog = document.querySelector<HTMLDialogElement>('dialog.env-dialog')!;
    const gpu = () => dialog.querySelector('tbody.env-gpu')?.textContent ?? '';
    await until(() => !gpu().includes('asking'), 20_000, 'the GPU worker');
    const text = gpu();
    expect(text).toMatch(/WebGPU adapter.*swiftshader.*\(fallback adapter\)/i);
    expect(text).toMatch(/Fallback \(software\) adapteryes/);
    expect(text).toMatch(/timestamp-query(supported|not supported)/);
    expect(text).toMatch(/shader-f16(supported|not supported)/);
    expect(text).toMatch(/Workgroup limits\d+ invocations/);
    expect(text).toMatch(/Tiles of webgpu-tiled\d+×\d+ invocations/);
    dialog.close();
  });
});
