// "Import results" in the page: a file in the export format is drawn beside this
// browser's series (legend, hollow dots, a "Measured in" column, its own rows),
// bad files are refused in an alert without breaking anything, and "Clear
// imported" drops them while this browser's results stay.
import { afterEach, describe, expect, it } from 'vitest';
import './real-panels.ts';
import type { BenchResult } from '../../src/bench/protocol.ts';
import { clearImports, mountImportControl, MAX_IMPORT_BYTES } from '../../src/panels/imports.ts';
import { browserStore, loadResults } from '../../src/panels/storage.ts';
import type { BenchPanel } from '../../src/panels/bench-panel.ts';

async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function upload(input: HTMLInputElement, file: File): void {
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0';

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
  clearImports(browserStore());
});

describe('importing results', () => {
  it('draws an imported file beside the live series, refuses corrupt ones in an alert, and clears', async () => {
    localStorage.clear();
    const panel = document.createElement('bench-panel') as BenchPanel;
    for (const [k, v] of Object.entries({ id: 'imp-panel', variants: 'naive,element-vectorised', m: '20', l: '10', n: '30', samples: '5' })) panel.setAttribute(k, v);
    panel.style.cssText = 'display:block;width:640px';
    document.body.append(panel);
    expect(await panel.run()).toBe('done');
    const live = loadResults(browserStore(), 'imp-panel')!;
    expect(live).toHaveLength(2);

    const alerts: string[] = [];
    const tools = document.createElement('div');
    document.body.append(tools);
    const { input, clear } = mountImportControl(document, tools, { store: browserStore(), alert: (m) => alerts.push(m) });
    expect(clear.hidden).toBe(true);

    // Another machine's export of the same panel (a copy of ours, relabelled, three times slower).
    const theirs: BenchResult[] = live.map((r) =>
      r.status === 'ok'
        ? { ...r, medianMs: r.medianMs * 3, gflops: r.gflops / 3, stats: { ...r.stats, p10Ms: r.stats.p10Ms * 3, maxMs: r.stats.maxMs * 3, minMs: r.stats.minMs * 3 }, env: { ...r.env, userAgent: FIREFOX, cores: 8 }, at: '2026-12-01T08:00:00.000Z' }
        : r,
    );
    upload(input, new File([JSON.stringify(theirs)], 'firefox.json', { type: 'application/json' }));
    await until(() => panel.querySelector('.bp-legend') !== null, 5000, 'the imported series');
    expect(alerts).toEqual([]);
    expect(panel.querySelector('.bp-legend')!.textContent).toContain('imported: Firefox 140 · 8 cores · 2026-12-01');
    const heads = [...panel.querySelectorAll('.bp-table thead th')].map((th) => th.textContent);
    expect(heads.slice(0, 3)).toEqual(['Variant', 'Measured in', 'Median']);
    const imported = [...panel.querySelectorAll('.bp-table tbody tr.bp-row-imported')];
    expect(imported).toHaveLength(2);
    expect(imported.map((tr) => tr.children[1]!.textContent)).toEqual(['Firefox 140 · 8 cores · 2026-12-01', 'Firefox 140 · 8 cores · 2026-12-01']);
    for (const tr of imported) expect(tr.textContent).toContain('✓ correct');
    const hollow = [...panel.querySelectorAll('.bp-chart svg circle')].filter((c) => getComputedStyle(c).fill === 'rgb(255, 255, 255)');
    expect(hollow).toHaveLength(2);
    expect(panel.querySelector('.bp-chart svg')!.getAttribute('aria-label')).toMatch(/beside 1 imported series/);
    expect(clear.hidden).toBe(false);
    // This browser's results were not touched.
    expect(loadResults(browserStore(), 'imp-panel')).toEqual(live);

    // Corrupt, foreign and oversized files: an alert each, the drawing unchanged.
    upload(input, new File(['{"variant": "naive",'], 'broken.json'));
    upload(input, new File([JSON.stringify({ hello: 'world' })], 'foreign.json'));
    upload(input, new File([JSON.stringify([{ variant: 'naive' }])], 'almost.json'));
    upload(input, new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'huge.json'));
    await until(() => alerts.length === 4, 5000, 'four refusals');
    // (Files are read asynchronously: the refusals may come in any order.)
    const said = (name: string) => alerts.find((a) => a.startsWith(`Import refused: ${name}`)) ?? '';
    expect(said('broken.json')).toMatch(/^Import refused: broken\.json is not JSON/);
    expect(said('foreign.json')).toMatch(/^Import refused: foreign\.json is JSON but not a list of results/);
    expect(said('almost.json')).toMatch(/^Import refused: almost\.json: entry 1 of 1 is not a benchmark result/);
    expect(said('huge.json')).toMatch(/^Import refused: huge\.json is 5\.0 MiB; .*over 5 MiB are refused/);
    expect(panel.querySelectorAll('.bp-table tbody tr.bp-row-imported')).toHaveLength(2);

    clear.click();
    await until(() => panel.querySelector('.bp-legend') === null, 5000, 'the imported series to go');
    expect(panel.querySelectorAll('.bp-table tbody tr')).toHaveLength(2);
    expect([...panel.querySelectorAll('.bp-table thead th')].map((th) => th.textContent)).not.toContain('Measured in');
    expect(loadResults(browserStore(), 'imp-panel')).toEqual(live);
  });
});
