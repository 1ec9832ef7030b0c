// The GPU sweep panel in a browser without WebGPU (this project starts Chromium
// with --disable-gpu and no WebGPU flag: navigator.gpu exists, but no adapter).
// The panel must say why, still draw the CPU line, and leave other panels working.
import { afterAll, describe, expect, it } from 'vitest';
import { mountPanel, services, tableRows } from './real-panels.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';
import { loadPlot } from '../../src/charts/render.ts';
import { GPU_F64_REASON } from '../../src/gpu/meta.ts';
import { until } from './mount-deck.ts';

const panel = (attrs: Record<string, string>): BenchPanel => mountPanel<BenchPanel>(attrs, 760);


async function run(el: BenchPanel): Promise<void> {
  el.querySelector<HTMLButtonElement>('button.bp-run')!.click();
  await until(() => el.getAttribute('aria-busy') === 'true', 5000, 'busy');
  await until(() => el.getAttribute('aria-busy') !== 'true', 90_000, 'done');
}


afterAll(() => {
  services.workers.gpu.dispose();
  document.body.replaceChildren();
  localStorage.clear();
});

describe('gpu-sweep without WebGPU', () => {
  it('refuses bad sizes before anything runs, with the reason and the field marked', async () => {
    localStorage.clear();
    const el = panel({ id: 'nogpu-sizes', kind: 'gpu-sweep', sizes: '16,abc', samples: '5' });
    const input = el.querySelector<HTMLInputElement>('input[name="sizes"]')!;
    expect(input.value).toBe('16,abc');
    expect(el.querySelector(`label[for="${input.id}"]`)?.textContent).toMatch(/Sizes/);
    expect(input.getAttribute('aria-describedby')).toBe(el.querySelector('[role="alert"]')!.id);
    el.querySelector<HTMLButtonElement>('button.bp-run')!.click();
    await new Promise((r) => setTimeout(r, 50));
    expect(el.hasAttribute('aria-busy')).toBe(false);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('[role="alert"]')?.textContent).toMatch(/Size "abc" is not a number/);
    expect(el.querySelector('.bp-status')?.textContent).toMatch(/Not run/);
    el.remove();
  });

  it('runs the CPU line, fails the GPU ones with the clear reason, and says so in the panel', async () => {
    await loadPlot();
    const el = panel({ id: 'nogpu-sweep', kind: 'gpu-sweep', sizes: '16,32', samples: '5' });
    await run(el);
    expect(el.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
    const table = tableRows(el);
    expect(table).toHaveLength(6);
    const cpu = table.filter((r) => r[1] === 'wasm-simd');
    expect(cpu.map((r) => r[0])).toEqual(['16', '32']);
    for (const r of cpu) expect(r.at(-1)).toBe('✓ correct');
    const gpu = table.filter((r) => r[1]!.startsWith('webgpu-'));
    expect(gpu).toHaveLength(4);
    // The long reason is said once, above; each GPU row points to it.
    for (const r of gpu) expect(r.at(-1)).toBe('not run: WebGPU unavailable (see above)');
    // The explanation: what is missing, and that Chrome and Edge ship WebGPU while others catch up.
    const why = el.querySelector('.bp-gpu-unavailable')?.textContent ?? '';
    expect(why).toMatch(/^WebGPU did not run here: WebGPU (not enabled in this browser|is enabled but no GPU adapter)/);
    expect(why).toMatch(/Chrome and Edge ship WebGPU by default/);
    expect(why).toMatch(/other browsers are catching up/);
    expect(why).toMatch(/The CPU line was still measured/);
    // The chart has the CPU line: one path, and no software label (nothing ran on a GPU adapter).
    const svg = el.querySelector('.bp-chart svg');
    expect(svg).not.toBeNull();
    expect(el.querySelector('.bp-chart [aria-label*="GFLOP/s"]')).not.toBeNull();
    expect(el.querySelectorAll('.bp-chart svg path[stroke]').length).toBeGreaterThan(0);
    expect(el.querySelector('.bp-software')).toBeNull();
    expect((el.results as { variant: string }[]).filter((r) => r.variant === 'wasm-simd')).toHaveLength(2);
    el.remove();
  });

  it('a float64 request reaches the GPU worker and fails with the WGSL reason; other panels still work', async () => {
    const [r] = await services.runner.run({ variants: ['webgpu-tiled'], shape: { m: 4, l: 4, n: 4 }, dtype: 'f64', samples: 5 });
    expect(r).toMatchObject({ status: 'error', variant: 'webgpu-tiled', error: GPU_F64_REASON });

    const el = panel({ id: 'nogpu-matmul', variants: 'naive,wasm-simd', m: '20', l: '10', n: '30', samples: '5' });
    await run(el);
    expect(el.querySelector('[role="alert"]')?.textContent ?? '').toBe('');
    const heads = [...el.querySelectorAll('.bp-table thead th')].map((th) => th.textContent ?? '');
    const correct = heads.indexOf('Correct');
    expect(correct).toBeGreaterThan(0);
    expect(tableRows(el).map((r) => [r[0], r[correct]])).toEqual([
      ['naive', '✓ correct'],
      ['wasm-simd', '✓ correct'],
    ]);
    el.remove();
  });

  it('the env view says why there is no WebGPU', async () => {
    document.querySelector<HTMLButtonElement>('button.env-button')!.click();
    const dialog = document.querySelector<HTMLDialogElement>('dialog.env-dialog')!;
    expect(dialog.open).toBe(true);
    const gpu = () => dialog.querySelector('tbody.env-gpu')?.textContent ?? '';
    await until(() => !gpu().includes('asking'), 20_000, 'the GPU worker');
    expect(gpu()).toMatch(/^WebGPUunavailable: WebGPU (not enabled in this browser|is enabled but no GPU adapter)/);
    dialog.close();
  });
});
