// Every special panel kind, run for real in this browser. With PANEL_SHOTS=1
// each panel is also photographed at 1280×720 beside some slide-like text
// (for looking at, not for comparing).
import { afterAll, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import './real-panels.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';
import { loadPlot } from '../../src/charts/render.ts';
import { until } from './mount-deck.ts';

const SHOTS = import.meta.env.VITE_PANEL_SHOTS === '1';
const seen: Record<string, string> = {};

function slide(title: string, attrs: Record<string, string>): BenchPanel {
  document.body.replaceChildren();
  const wrap = document.createElement('div');
  wrap.style.cssText = 'display:flex;gap:24px;padding:16px;font-family:sans-serif;background:#191919;color:#eee;width:1248px;min-height:688px';
  const text = document.createElement('div');
  text.style.cssText = 'flex:0 0 420px;font-size:22px';
  text.innerHTML = `<h2 style="margin-top:0">${title}</h2><p>Slide text would sit here, beside the live panel.</p>`;
  const el = document.createElement('bench-panel') as BenchPanel;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.cssText = 'flex:1 1 auto;max-height:680px';
  wrap.append(text, el);
  document.body.append(wrap);
  return el;
}

const q = <T extends Element = HTMLElement>(el: Element, sel: string) => el.querySelector(sel) as T;


async function run(el: BenchPanel, selector = 'button.bp-run'): Promise<void> {
  q<HTMLButtonElement>(el, selector).click();
  await until(() => el.getAttribute('aria-busy') === 'true', 5000, 'busy');
  await until(() => el.getAttribute('aria-busy') !== 'true', 90_000, 'done');
  expect(q(el, '[role="alert"]')?.textContent ?? '').toBe('');
}

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `__screenshots__/panel-kinds/${name}.png` });
}

afterAll(() => {
  if (SHOTS) console.log('PANEL FIGURES', JSON.stringify(seen, null, 1));
});

describe('panel kinds', () => {
  it('matmul on lowL: three variants', async () => {
    await loadPlot();
    const el = slide('3.1 Array programming', { id: 'k-matmul', variants: 'naive,element-vectorised,wasm-whole', dataset: 'lowL', samples: '10' });
    await run(el);
    expect(el.querySelectorAll('.bp-table tbody tr')).toHaveLength(3);
    seen.matmul = [...el.querySelectorAll('.bp-table tbody tr')].map((r) => r.textContent).join(' | ');
    await shot('matmul');
  });

  it('profile: the naive kernel line by line', async () => {
    const el = slide('2.2 Driver program', { id: 'k-profile', kind: 'profile', dataset: 'lowL', samples: '2' });
    await run(el);
    const rows = [...el.querySelectorAll('.bp-profile tbody tr')];
    const hits = rows.map((r) => Number((r.children[1]!.textContent ?? '').replace(/,/g, '')) || 0);
    // 200×400 elements × 10 terms × 2 calls: the inner-loop body lines.
    expect(hits).toContain(200 * 400 * 10 * 2);
    // The for-k header is tested l + 1 times per element.
    expect(hits).toContain(200 * 400 * 11 * 2);
    expect(q(el, '.bp-foot').textContent).toMatch(/✓/);
    seen.profile = q(el, '.bp-foot').textContent ?? '';
    await shot('profile');
  });

  it('jit: first call vs warmed median', async () => {
    const el = slide('3.1 Compiling', { id: 'k-jit', kind: 'jit', variants: 'naive,element-vectorised,wasm-whole', dataset: 'lowL', samples: '5' });
    await run(el);
    expect(el.querySelectorAll('.bp-table tbody tr')).toHaveLength(3);
    seen.jit = [...el.querySelectorAll('.bp-table tbody tr')].map((r) => r.textContent).join(' | ');
    await shot('jit');
  });

  it('freeze: worker run keeps frames flowing', async () => {
    const el = slide('4.1.2 The JavaScript situation', { id: 'k-freeze', kind: 'freeze', dataset: 'lowL' });
    await run(el);
    const gap = q(el, '.bp-table tbody tr')!.textContent ?? '';
    expect(gap).toMatch(/worker/);
    await run(el, 'button.bp-main-thread');
    expect(el.querySelectorAll('.bp-table tbody tr')).toHaveLength(2);
    seen.freeze = [...el.querySelectorAll('.bp-table tbody tr')].map((r) => r.textContent).join(' | ');
    await shot('freeze');
  });

  it('speedup: pool-row against naive, 1 and 2 workers', async () => {
    const el = slide('4.1 Worker pool', { id: 'k-speedup', kind: 'speedup', variants: 'pool-row', dataset: 'lowL', samples: '5', workers: '2' });
    await run(el);
    expect(el.querySelectorAll('.bp-table tbody tr')).toHaveLength(3);
    seen.speedup = [...el.querySelectorAll('.bp-table tbody tr')].map((r) => r.textContent).join(' | ');
    await shot('speedup');
  });

  it('messages: clone vs transfer vs share', async () => {
    const el = slide('4.2.1 Shared memory vs messages', { id: 'k-messages', kind: 'messages', dataset: 'lowL', m: '200', l: '10000', n: '400', samples: '5' });
    await run(el);
    expect(el.querySelectorAll('.bp-table tbody tr')).toHaveLength(3);
    seen.messages = [...el.querySelectorAll('.bp-table tbody tr')].map((r) => r.textContent).join(' | ');
    await shot('messages');
  });

  it('race: lost updates vs Atomics', async () => {
    const el = slide('4.2.2 Concurrent access', { id: 'k-race', kind: 'race', workers: '2' });
    await run(el);
    const rows = [...el.querySelectorAll('.bp-table tbody tr')];
    expect(rows).toHaveLength(2);
    expect(rows[1]!.querySelector('.bp-ok')).not.toBeNull();
    seen.race = rows.map((r) => r.textContent).join(' | ');
    await shot('race');
  });

  it('summary: the ladder of what was kept in this visit, every result behind a toggle', async () => {
    const el = slide('5 Wrapping up', { id: 'k-summary', kind: 'summary' });
    // Nothing was measured at the default 512×512×512 float32: the panel says so and offers the kept shapes.
    await until(() => el.querySelector('.bp-ladder-empty') !== null, 5000, 'the empty ladder');
    const select = q<HTMLSelectElement>(el, 'select[name="ladder-shape"]');
    expect(select.value).toBe('512x512x512-f32');
    select.value = '200x10x400-f64';
    select.dispatchEvent(new Event('change'));
    await until(() => el.querySelector('.bp-table tbody tr') !== null, 5000, 'the ladder table');
    const lessons = [...el.querySelectorAll('.bp-table tbody tr')].map((r) => r.children[0]!.textContent);
    expect(lessons[0]).toBe('naive loops: naive');
    expect(lessons.length).toBeGreaterThanOrEqual(3);
    expect(el.querySelectorAll('details.bp-details table.bp-table-all tbody tr').length).toBeGreaterThanOrEqual(5);
    await new Promise((r) => setTimeout(r, 200));
    await shot('summary');
  });

  it('print view shows kept results without controls', async () => {
    // Simulated by a panel whose context is print: the element reads location.search.
    history.replaceState(null, '', `${location.pathname}?print-pdf${location.hash}`);
    try {
      const el = slide('3.1 in print', { id: 'k-matmul', variants: 'naive,element-vectorised,wasm-whole', dataset: 'lowL' });
      expect(el.querySelector('button.bp-run')).toBeNull();
      await until(() => el.querySelector('.bp-table tbody tr') !== null, 5000, 'kept table');
      const fresh = slide('never run', { id: 'k-never', variants: 'naive' });
      expect(q(fresh, '.bp-status').textContent).toMatch(/Not run yet/);
      await shot('print');
    } finally {
      history.replaceState(null, '', location.pathname + location.hash);
    }
  });
});

describe('profile cancel', () => {
  it('stops a long profile within 2 s and can profile again', async () => {
    const el = slide('2.2 cancel', { id: 'k-profile-cancel', kind: 'profile', dataset: 'highL', samples: '20' });
    q<HTMLButtonElement>(el, 'button.bp-run').click();
    await until(() => el.getAttribute('aria-busy') === 'true', 5000, 'busy');
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    q<HTMLButtonElement>(el, 'button.bp-cancel').click();
    await until(() => el.getAttribute('aria-busy') !== 'true', 5000, 'cancelled');
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(q(el, '.bp-status').textContent).toMatch(/Cancelled/);
    for (const [k, v] of [['m', '4'], ['l', '5'], ['n', '6'], ['samples', '1']]) q<HTMLInputElement>(el, `[name="${k}"]`).value = v!;
    await run(el);
    const hits = [...el.querySelectorAll('.bp-profile tbody tr')].map((r) => Number((r.children[1]!.textContent ?? '').replace(/,/g, '')) || 0);
    expect(hits).toContain(4 * 6 * 5);
  });
});
