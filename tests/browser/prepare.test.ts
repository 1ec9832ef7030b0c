// "Prepare talk" over real <bench-panel>s: every runnable panel pressed in
// order with its defaults and its results kept, progress "panel k of n",
// Cancel stopping the running panel and skipping the rest, and nothing at all
// in a speaker view's preview frame (?receiver).
import { afterEach, describe, expect, it } from 'vitest';
import './real-panels.ts';
import { mountPrepare, type PrepareReport } from '../../src/panels/prepare.ts';
import { mountTalkTools } from '../../src/panels/toolbar.ts';
import { loadResults, browserStore } from '../../src/panels/storage.ts';

function panels(specs: Record<string, string>[]): HTMLElement[] {
  const box = document.createElement('div');
  box.className = 'test-deck';
  const els = specs.map((attrs) => {
    const el = document.createElement('bench-panel');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    box.append(el);
    return el;
  });
  document.body.append(box);
  return els;
}

/** Every panel id in the order it became busy. */
function watchBusy(): { order: string[]; stop(): void } {
  const order: string[] = [];
  const mo = new MutationObserver((records) => {
    for (const r of records) {
      const el = r.target as HTMLElement;
      if (r.attributeName === 'aria-busy' && el.getAttribute('aria-busy') === 'true') order.push(el.id);
    }
  });
  mo.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  return { order, stop: () => mo.disconnect() };
}

async function until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const t0 = performance.now();
  while (!cond()) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const tiny = (id: string, variants: string) => ({ id, variants, m: '8', l: '8', n: '8', samples: '5' });

afterEach(() => {
  document.body.replaceChildren();
  localStorage.clear();
  history.replaceState(null, '', location.pathname);
});

describe('preparing the talk', () => {
  it('runs every runnable panel once, in order, keeps their results and says "panel k of n"', async () => {
    localStorage.clear();
    panels([
      tiny('prep-a', 'naive'),
      { id: 'prep-summary', kind: 'summary', variants: 'naive' }, // no Run: skipped
      tiny('prep-b', 'element-vectorised'),
      { ...tiny('prep-c', 'naive,wasm-whole'), kind: 'jit' },
    ]);
    const tools = document.createElement('div');
    document.body.append(tools);
    const control = mountPrepare(document, tools, null);
    const lines = new Set<string>();
    const status = document.querySelector('.prepare-status')!;
    const mo = new MutationObserver(() => lines.add(status.textContent ?? ''));
    mo.observe(status, { childList: true, characterData: true, subtree: true });
    const busy = watchBusy();
    expect(control.button.textContent).toBe('Prepare talk');
    control.button.click();
    const report = await new Promise<PrepareReport>((resolve) => document.addEventListener('talk-prepared', (e) => resolve((e as CustomEvent<PrepareReport>).detail), { once: true }));
    busy.stop();
    mo.disconnect();
    expect(busy.order).toEqual(['prep-a', 'prep-b', 'prep-c']);
    expect(report.outcomes.map((o) => [o.id, o.outcome])).toEqual([
      ['prep-a', 'done'],
      ['prep-b', 'done'],
      ['prep-c', 'done'],
    ]);
    for (const id of ['prep-a', 'prep-b', 'prep-c']) expect(loadResults(browserStore(), id)?.length, id).toBeGreaterThan(0);
    expect([...lines].some((l) => /^Preparing the talk: panel 1 of 3 \(.+\) · time left: known after the first panel$/.test(l))).toBe(true);
    expect([...lines].some((l) => /^Preparing the talk: panel 3 of 3 \(.+\) · (about \d+ (s|min) left|almost done)$/.test(l))).toBe(true);
    expect(status.textContent).toMatch(/^Prepared: 3 of 3 panels run in \d+ s; results kept in this browser\.$/);
    expect(document.querySelector<HTMLProgressElement>('.prepare-progress')!.value).toBe(3);
    expect(control.button.disabled).toBe(false);
  });

  it('Cancel stops the panel that is running and skips the ones after it', async () => {
    localStorage.clear();
    const [, slow] = panels([
      tiny('cut-a', 'naive'),
      // Long enough that Cancel always lands while it runs.
      { id: 'cut-b', variants: 'naive', m: '300', l: '3000', n: '300', samples: '40' },
      tiny('cut-c', 'naive'),
    ]);
    const tools = document.createElement('div');
    document.body.append(tools);
    const control = mountPrepare(document, tools, null);
    const busy = watchBusy();
    const done = control.start();
    await until(() => slow!.getAttribute('aria-busy') === 'true', 20_000, 'the slow panel to start');
    await new Promise((r) => setTimeout(r, 300));
    const t0 = performance.now();
    document.querySelector<HTMLButtonElement>('.prepare-cancel')!.click();
    const report = (await done)!;
    busy.stop();
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(slow!.hasAttribute('aria-busy')).toBe(false);
    expect(busy.order).toEqual(['cut-a', 'cut-b']);
    expect(report.cancelled).toBe(true);
    expect(report.outcomes.map((o) => o.outcome)).toEqual(['done', 'cancelled', 'skipped']);
    expect(loadResults(browserStore(), 'cut-b')).toBeNull();
    expect(loadResults(browserStore(), 'cut-c')).toBeNull();
    expect(document.querySelector('.prepare-status')!.textContent).toMatch(/^Cancelled: 1 of 3 panels run/);
  });

  it('does nothing in a speaker view preview frame (?receiver), even with ?prepare', async () => {
    localStorage.clear();
    history.replaceState(null, '', `${location.pathname}?receiver&prepare`);
    panels([tiny('recv-a', 'naive'), tiny('recv-b', 'naive')]);
    const busy = watchBusy();
    // The deck's own tools are not even mounted there…
    expect(mountTalkTools(document, null, null)).toBeNull();
    expect(document.querySelector('.prepare-button')).toBeNull();
    // …and a prepare control forced into the page refuses to start.
    const tools = document.createElement('div');
    document.body.append(tools);
    const control = mountPrepare(document, tools, null);
    expect(await control.start()).toBeNull();
    expect(document.querySelector('.prepare-status')!.textContent).toMatch(/speaker-view preview/);
    await new Promise((r) => setTimeout(r, 500));
    busy.stop();
    expect(busy.order).toEqual([]);
    expect(loadResults(browserStore(), 'recv-a')).toBeNull();
  });

  it('starts by itself with ?prepare in the audience window', async () => {
    localStorage.clear();
    history.replaceState(null, '', `${location.pathname}?prepare`);
    panels([tiny('auto-a', 'naive')]);
    const prepared = new Promise<PrepareReport>((resolve) => document.addEventListener('talk-prepared', (e) => resolve((e as CustomEvent<PrepareReport>).detail), { once: true }));
    const tools = mountTalkTools(document, null, browserStore());
    expect(tools?.prepare).not.toBeNull();
    const report = await prepared;
    expect(report.outcomes).toEqual([{ id: 'auto-a', title: expect.any(String), outcome: 'done' }]);
  });
});
