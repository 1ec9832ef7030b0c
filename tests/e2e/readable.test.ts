// The whole deck in a real Chromium (Vite dev server, no reloads): text sizes a
// room and a phone can read, an axe scan of every slide, "Prepare talk" on the
// real deck (started by ?prepare, cancelled), nothing run in a speaker view's
// preview frame, and a printed PDF that carries the measured numbers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium, type Launched } from './browser.ts';

const root = resolve(import.meta.dirname, '../..');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = mkdtempSync(join(tmpdir(), 'deck-readable-'));
let server: ViteDevServer;
let url: string;
let browser: Launched;
const errors: string[] = [];

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(async () => {
  // No file watching: other work in the checkout must not reload the page mid-test.
  server = await createServer({ root, logLevel: 'warn', server: { port: 0, hmr: false, watch: null } });
  await server.listen();
  url = server.resolvedUrls!.local[0]!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  console.log(`screenshots in ${shots}`);
});

async function open(path: string, viewport = { width: 1280, height: 720 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('dialog', (d) => void d.dismiss());
  await page.goto(url + path);
  await page.waitForFunction(() => (window as any).deck?.isReady(), null, { timeout: 60_000 });
  await page.evaluate(() => (window as any).deck.configure?.({ transition: 'none' }));
  return page;
}

async function show(page: Page, id: string): Promise<void> {
  await page.evaluate((pid) => {
    const deck = (window as any).deck;
    const { h, v } = deck.getIndices(document.getElementById(pid)!.closest('section'));
    deck.slide(h, v);
  }, id);
  await page.waitForTimeout(300);
}

async function runPanel(page: Page, id: string, fields: Record<string, string> = {}): Promise<void> {
  await show(page, id);
  for (const [name, value] of Object.entries(fields)) await page.locator(`#${id} [name="${name}"]`).fill(value);
  await page.locator(`#${id} .bp-run`).click();
  await page.waitForFunction((pid) => document.getElementById(pid)?.getAttribute('aria-busy') === 'true', id, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForFunction((pid) => !document.getElementById(pid)?.hasAttribute('aria-busy'), id, { timeout: 180_000, polling: 200 });
  await page.waitForTimeout(400); // the chart's redraw at its width
}

/**
 * Smallest on-screen text size inside `selector`: computed font-size times the
 * scale reveal applies (box width on screen / layout width), SVG text times the
 * chart's own scale. Returns the offenders below `min` too.
 */
function smallestText(page: Page, selector: string, min: number) {
  return page.evaluate(
    ([sel, least]) => {
      const out: { px: number; text: string; tag: string }[] = [];
      for (const scope of document.querySelectorAll<HTMLElement>(sel)) {
        const scale = scope.getBoundingClientRect().width / (scope.offsetWidth || 1);
        for (const el of scope.querySelectorAll<HTMLElement | SVGElement>('*')) {
          if (el.closest('aside.notes, .katex *, details:not([open]) > :not(summary), [hidden], [aria-hidden="true"]')) continue;
          const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
          if (!own) continue;
          const rect = el.getBoundingClientRect();
          if (rect.width === 0 || rect.height === 0) continue;
          const style = getComputedStyle(el);
          if (style.visibility === 'hidden' || style.opacity === '0') continue;
          let px = parseFloat(style.fontSize);
          const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
          if (svg) {
            const vb = svg.viewBox.baseVal;
            px *= svg.getBoundingClientRect().width / (vb && vb.width ? vb.width : svg.width.baseVal.value);
          } else px *= scale;
          out.push({ px, text: (el.textContent ?? '').trim().slice(0, 60), tag: el.tagName });
        }
      }
      out.sort((a, b) => a.px - b.px);
      return { min: out[0]?.px ?? Infinity, count: out.length, small: out.filter((o) => o.px < least).slice(0, 15) };
    },
    [selector, min] as const,
  );
}

describe('readable from the back of the room (1280×720)', () => {
  it('every text of a panel after a run is ≥ 16 px on screen, its chart fills the panel, its table shows the columns that matter', async () => {
    const page = await open('');
    const id = 'bench-element-vectorised';
    await runPanel(page, id, { samples: '5' });
    const scale = await page.evaluate(() => (window as any).deck.getScale());
    expect(scale).toBeCloseTo(0.96, 2);
    const text = await smallestText(page, `#${id}`, 16);
    expect(text.count).toBeGreaterThan(20);
    expect(text.small, JSON.stringify(text.small)).toEqual([]);
    const fit = await page.evaluate((pid) => {
      const panel = document.getElementById(pid)!;
      const box = panel.querySelector('.bp-chart')!.getBoundingClientRect();
      const svg = panel.querySelector('.bp-chart svg')!.getBoundingClientRect();
      return { box: box.width, svg: svg.width, right: svg.right - box.right };
    }, id);
    expect(fit.svg / fit.box).toBeGreaterThan(0.97);
    expect(fit.right).toBeLessThanOrEqual(1);
    const heads = await page.locator(`#${id} table.bp-table thead th`).allTextContents();
    expect(heads.filter((h) => h !== '% of peak')).toEqual(['Variant', 'Median', 'GFLOP/s', 'Correct']);
    await page.locator(`#${id} details.bp-details summary`).click();
    expect(await page.locator(`#${id} details.bp-details table.bp-table-all thead th`).allTextContents()).toEqual(expect.arrayContaining(['Spread (p10–max)', 'Samples', 'Speedup']));
    await page.locator(`#${id} details.bp-details summary`).click();
    await page.screenshot({ path: join(shots, 'panel-1280.png') });

    // The closing ladder, at the shape just measured: chart labels ≥ 16 px too.
    await show(page, 'bench-summary-all');
    await page.locator('#bench-summary-all select[name="ladder-shape"]').selectOption('200x10x400-f64');
    await page.waitForFunction(() => document.querySelector('#bench-summary-all .bp-chart svg') !== null, null, { timeout: 10_000 });
    const ladder = await smallestText(page, '#bench-summary-all', 16);
    expect(ladder.small, JSON.stringify(ladder.small)).toEqual([]);
    await page.screenshot({ path: join(shots, 'ladder-1280.png') });
    await page.close();
  });
});

describe('self-study on a phone (390×844)', () => {
  it('lays the deck out as a page: body text ≥ 14 px, nothing wider than the screen, panels usable', async () => {
    const page = await open('#/3/5', { width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.classList.contains('deck-page') && (window as any).deck.isScrollView())).toBe(true);
    // The deep link #/3/5 opened at its slide.
    await page.waitForTimeout(300);
    const top = await page.evaluate(() => document.querySelector('section[data-index-h="3"][data-index-v="5"]')!.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(40);
    const text = await smallestText(page, '.reveal .slides', 14);
    expect(text.count).toBeGreaterThan(500);
    expect(text.small, JSON.stringify(text.small)).toEqual([]);
    const widths = await page.evaluate(() => ({
      page: document.scrollingElement!.scrollWidth,
      widest: Math.max(...[...document.querySelectorAll('.reveal .slides section')].map((s) => s.getBoundingClientRect().right)),
      panels: [...document.querySelectorAll('bench-panel')].map((p) => p.getBoundingClientRect().right),
      codeScrolls: [...document.querySelectorAll('figure.code pre code')].some((c) => c.scrollWidth > c.clientWidth && getComputedStyle(c).overflowX === 'auto'),
    }));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.widest).toBeLessThanOrEqual(390.5);
    expect(Math.max(...widths.panels)).toBeLessThanOrEqual(390.5);
    expect(widths.codeScrolls).toBe(true);
    // The deep link opened its slide, and a panel runs there with a chart that fits.
    const id = 'bench-element-vectorised';
    await page.locator(`#${id}`).scrollIntoViewIfNeeded();
    await page.locator(`#${id} [name="samples"]`).fill('5');
    await page.locator(`#${id} .bp-run`).click();
    await page.waitForFunction((pid) => document.querySelector(`#${pid} .bp-chart svg`) !== null && !document.getElementById(pid)!.hasAttribute('aria-busy'), id, { timeout: 120_000 });
    await page.waitForTimeout(400);
    const chart = await page.evaluate((pid) => {
      const p = document.getElementById(pid)!.getBoundingClientRect();
      const s = document.querySelector(`#${pid} .bp-chart svg`)!.getBoundingClientRect();
      return { left: s.left - p.left, right: p.right - s.right };
    }, id);
    expect(chart.left).toBeGreaterThanOrEqual(0);
    expect(chart.right).toBeGreaterThanOrEqual(0);
    const panelText = await smallestText(page, `#${id}`, 14);
    expect(panelText.small, JSON.stringify(panelText.small)).toEqual([]);
    await page.screenshot({ path: join(shots, 'phone-390.png') });
    await page.close();
  });
});

describe('accessible (axe, WCAG 2.1 A and AA)', () => {
  it('no serious or critical violation on any slide, with panels run, nor on the phone page', async () => {
    const page = await open('');
    await runPanel(page, 'bench-profile-naive');
    await runPanel(page, 'bench-race-demo');
    await page.evaluate(axeSource);
    const slides: [number, number][] = await page.evaluate(() =>
      (window as any).deck.getSlides().map((s: Element) => {
        const { h, v } = (window as any).deck.getIndices(s);
        return [h, v ?? 0];
      }),
    );
    expect(slides.length).toBeGreaterThan(50);
    const found: string[] = [];
    const scan = () =>
      page.evaluate(async () => {
        const r = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
        return (r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
    for (const [h, v] of slides) {
      await page.evaluate(([h, v]) => (window as any).deck.slide(h, v), [h, v]);
      await page.waitForTimeout(60);
      for (const f of await scan()) found.push(`#/${h}/${v} ${f}`);
    }
    await page.close();
    const phone = await open('', { width: 390, height: 844 });
    await phone.evaluate(axeSource);
    const phoneFound = await phone.evaluate(async () => {
      const r = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return (r.violations as { id: string; impact: string; nodes: { target: string[] }[] }[])
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `phone ${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    await phone.close();
    expect([...found, ...phoneFound]).toEqual([]);
  });
});

describe('preparing the talk on the real deck', () => {
  it('?prepare starts at the first panel; Cancel stops it and skips the rest', async () => {
    const page = await open('?prepare');
    await page.waitForFunction(() => /panel 2 of \d+/.test(document.querySelector('.prepare-status')?.textContent ?? ''), null, { timeout: 60_000 });
    const total = await page.evaluate(() => Number(/panel 2 of (\d+)/.exec(document.querySelector('.prepare-status')!.textContent!)![1]));
    const runnable = await page.evaluate(() => [...document.querySelectorAll<any>('bench-panel')].filter((p) => p.canRun).length);
    expect(total).toBe(runnable);
    expect(total).toBeGreaterThan(10);
    await page.locator('.prepare-cancel').click();
    await page.waitForFunction(() => /^Cancelled: /.test(document.querySelector('.prepare-status')?.textContent ?? ''), null, { timeout: 30_000 });
    const after = await page.evaluate(() => ({
      text: document.querySelector('.prepare-status')!.textContent!,
      busy: document.querySelectorAll('bench-panel[aria-busy]').length,
      indices: (window as any).deck.getIndices(),
    }));
    expect(after.text).toMatch(new RegExp(`^Cancelled: 1 of ${total} panels run .* ${total - 2} skipped\\.$`));
    expect(after.busy).toBe(0);
    expect(after.indices.h).toBe(0); // back where it started
    await page.close();
  });

  it('runs nothing in a speaker view preview frame, even with ?prepare in its URL', async () => {
    const page = await open('?receiver&prepare');
    const seen = await page.evaluate(async () => {
      let busy = 0;
      const t0 = performance.now();
      while (performance.now() - t0 < 3000) {
        busy += document.querySelectorAll('bench-panel[aria-busy]').length;
        await new Promise((r) => setTimeout(r, 50));
      }
      return { busy, tools: document.querySelectorAll('.deck-tools, .prepare-box').length };
    });
    expect(seen).toEqual({ busy: 0, tools: 0 });
    await page.close();
  });
});

describe('print', () => {
  it.skipIf(!hasPdftotext)('a printed PDF of kept results carries the numbers, their time and their environment', async () => {
    // Kept from the runs above (same browser profile).
    const page = await open('?print-pdf');
    await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    const panel = await page.evaluate(() => {
      const p = document.getElementById('bench-element-vectorised')!;
      return { svg: p.querySelector('.bp-chart svg') !== null, rows: p.querySelectorAll('.bp-table tbody tr').length, env: p.querySelector('.bp-env')?.textContent ?? '', run: p.querySelector('.bp-run') !== null };
    });
    expect(panel).toMatchObject({ svg: true, rows: 2, run: false });
    expect(panel.env).toMatch(/^Measured .+ in .+ · \d+ cores/);
    const pdf = join(shots, 'deck.pdf');
    await page.pdf({ path: pdf, width: '1280px', height: '720px', printBackground: true });
    await page.close();
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const page24 = text.split('\f').find((p) => p.includes('Live benchmark: naive vs element-vectorised') && p.includes('✓ correct'));
    expect(page24, 'the page of the element-vectorised panel').toBeDefined();
    expect(page24).toMatch(/naive\s+[\d.]+ (µs|ms|s)\s+[\d.]+/);
    expect(page24).toMatch(/Measured .+ in .+cores/);
  });
});

describe('the page', () => {
  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
