// The built deck served by `vite preview` (which sends COOP/COEP itself):
// isolation without the service worker's reload, print view, speaker view, deep links.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, preview, type PreviewServer } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium, type Launched } from './browser.ts';

const root = resolve(import.meta.dirname, '../..');
let outDir: string;
let server: PreviewServer;
let url: string;
let browser: Launched;
const errors: string[] = [];

const ready = (page: Page) => page.waitForFunction(() => (window as any).deck?.isReady(), null, { timeout: 60_000 });

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'deck-preview-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { port: 0, open: false } });
  url = server.resolvedUrls!.local[0]!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => server?.httpServer.close(() => r()));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url + path);
  await ready(page);
  return page;
}

describe('presenting the built deck (vite preview)', () => {
  it('is cross-origin isolated from the headers alone', async () => {
    const page = await open('');
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    expect(await page.locator('.env-badge').textContent()).toContain('crossOriginIsolated: yes');
    await page.close();
  });

  it('opens a #/h/v deep link on the right slide', async () => {
    const page = await open('#/3/6');
    expect(await page.evaluate(() => (window as any).deck.getIndices())).toMatchObject({ h: 3, v: 6 });
    expect(await page.evaluate(() => (window as any).deck.getCurrentSlide().querySelector('h2').textContent)).toBe('3.1.1. Indexing');
    await page.close();
  });

  it('?print-pdf lays out every slide as a page', async () => {
    const page = await open('?print-pdf');
    await page.waitForFunction(() => document.querySelectorAll('.pdf-page').length > 0, null, { timeout: 30_000 });
    const { pages, total } = await page.evaluate(() => ({
      pages: document.querySelectorAll('.pdf-page').length,
      total: (window as any).deck.getTotalSlides(),
    }));
    expect(pages).toBe(total);
    expect(total).toBeGreaterThan(50);
    await page.close();
  });

  it('?view=scroll reads as one scrolling page', async () => {
    const page = await open('?view=scroll');
    expect(await page.evaluate(() => (window as any).deck.isScrollView())).toBe(true);
    await page.close();
  });

  it('S opens the speaker view with the notes of the current slide', async () => {
    const page = await open('#/1/2');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
    await popup.waitForSelector('.speaker-controls-notes .value', { timeout: 30_000 });
    await popup.waitForFunction(() => (document.querySelector('.speaker-controls-notes .value')?.textContent ?? '').length > 20, null, {
      timeout: 30_000,
    });
    expect(await popup.locator('.speaker-controls-notes .value').textContent()).toContain('three clicks');
    // Both previews follow the deck: the current frame shows this slide, the next one the step after it.
    await popup.waitForFunction(
      () => {
        const [now, next] = [...document.querySelectorAll('iframe')].map((f) => (f.contentWindow as any)?.deck?.getIndices());
        return now?.h === 1 && now?.v === 2 && next !== undefined && JSON.stringify(next) !== JSON.stringify(now);
      },
      null,
      { timeout: 30_000 },
    );
    // A key pressed in the speaker view moves the deck.
    await popup.locator('.speaker-controls-notes .value').focus();
    await popup.keyboard.press('ArrowDown');
    // (reveal steps through the slide's fragments first: the deck shows its first fragment.)
    await page.waitForFunction(() => (window as any).deck.getIndices().f === 0, null, { timeout: 10_000 });
    await popup.waitForFunction(() => (document.querySelector('iframe')?.contentWindow as any)?.deck?.getIndices().f === 0, null, { timeout: 10_000 });
    await popup.screenshot({ path: join(tmpdir(), 'speaker-view.png') });
    await popup.close();
    await page.close();
  });

  it('runs a live panel, and shows its results again after a reload', async () => {
    const id = 'bench-element-vectorised';
    const page = await open('');
    const show = () =>
      page.evaluate((pid) => {
        const deck = (window as any).deck;
        const { h, v } = deck.getIndices(document.getElementById(pid)!.closest('section'));
        deck.slide(h, v);
      }, id);
    const measured = () =>
      page.waitForFunction(
        (pid) => {
          const panel = document.getElementById(pid);
          return panel !== null && !panel.hasAttribute('aria-busy') && panel.querySelector('.bp-table-box table') !== null;
        },
        id,
        { timeout: 120_000 },
      );
    await show();
    const panel = page.locator(`#${id}`);
    expect(await panel.locator('.bp-table-box table').count()).toBe(0); // fresh profile: nothing kept yet
    await panel.locator('[name="samples"]').fill('5');
    await panel.locator('.bp-run').click();
    await measured();
    const table = await panel.locator('.bp-table-box').innerText();
    expect(table).toMatch(/naive/);
    expect(table).toMatch(/element-vectorised/);
    expect(table).toMatch(/✓/);

    await page.reload();
    await ready(page);
    await show();
    await measured();
    expect(await panel.locator('.bp-table-box').innerText()).toBe(table);
    await page.close();
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
