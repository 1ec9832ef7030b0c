// Runs alone, after every other project (vite.config.ts, 'browser-quiet'): a long
// task is wall time, and shared cores would stretch a short one past 50 ms.
//
// A panel mixing serial and parallel variants never blocks the page's thread for
// 50 ms while it runs: the page only sends the request and draws the results.
import { describe, expect, it } from 'vitest';
import '../browser/real-panels.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';
import { warmPlot } from '../../src/charts/render.ts';
import { until } from '../browser/mount-deck.ts';

describe('<bench-panel> and the page thread', () => {
  it('a serial pair and a parallel variant run with no long task over 50 ms', async () => {
    localStorage.clear();
    const el = document.createElement('bench-panel') as BenchPanel;
    for (const [k, v] of Object.entries({ id: 'quiet-run', variants: 'naive,element-vectorised,pool-row', m: '40', l: '10', n: '60', samples: '5', workers: '2' })) el.setAttribute(k, v);
    el.style.width = '620px';
    document.body.append(el);
    // Panels preload Plot when idle after mounting (before anyone can press Run).
    await warmPlot();
    // Let mounting settle; only tasks that start once Run is pressed count.
    await new Promise((r) => setTimeout(r, 300));
    const longTasks: number[] = [];
    const runStart = performance.now();
    const obs = new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => {
        if (e.startTime >= runStart) longTasks.push(e.duration);
      }),
    );
    obs.observe({ type: 'longtask' });
    el.querySelector<HTMLButtonElement>('button.bp-run')!.click();
    await until(() => el.getAttribute('aria-busy') === 'true', 5000, 'busy');
    await until(() => el.getAttribute('aria-busy') !== 'true', 60_000, 'run to finish');
    // Let the observer deliver the last entries.
    await new Promise((r) => setTimeout(r, 100));
    obs.disconnect();
    expect(el.querySelectorAll('.bp-table tbody tr')).toHaveLength(3);
    expect(el.textContent).not.toMatch(/✗ WRONG/);
    expect(longTasks.filter((d) => d > 50), `long tasks: ${longTasks.join(', ')}`).toEqual([]);
    el.remove();
  });
});
