// The built deck on a static host that cannot send headers: the service worker
// must make it cross-origin isolated, and must keep it working offline.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium, type Launched } from './browser.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const root = resolve(import.meta.dirname, '../..');
let outDir: string;
let server: StaticServer | undefined;
let browser: Launched;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

const deckState = () =>
  page.evaluate(() => {
    const deck = (window as unknown as { deck?: import('reveal.js').RevealApi }).deck;
    return {
      ready: deck?.isReady() ?? false,
      isolated: globalThis.crossOriginIsolated,
      sab: typeof SharedArrayBuffer === 'function',
      controlled: navigator.serviceWorker.controller !== null,
      katex: document.querySelectorAll('.katex').length,
      katexErrors: document.querySelectorAll('.katex-error').length,
      katexFonts: Array.from(document.fonts).filter((f) => f.family.replace(/"/g, '').startsWith('KaTeX_') && f.status === 'loaded').length,
      headings: Array.from(document.querySelectorAll('.slides h2')).map((h) => h.textContent),
      highlighted: document.querySelectorAll('pre code.hl span').length,
      indices: deck?.getIndices(),
    };
  });

beforeAll(async () => {
  // The deck imports the compiled kernels' sources; make sure the wasm exists, as `npm run build` would.
  if (!existsSync(join(root, 'src/wasm/build')) || readdirSync(join(root, 'src/wasm/build')).length === 0) {
    execFileSync('node', ['src/wasm/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
  outDir = mkdtempSync(join(tmpdir(), 'deck-dist-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await serveStatic(outDir);
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${m.text()} ${m.location().url}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function waitForDeck(isolated: boolean) {
  await page.waitForFunction(
    (iso) => (window as any).deck?.isReady() && globalThis.crossOriginIsolated === iso,
    isolated,
    { timeout: 60_000 },
  );
}

describe('built deck on a plain static server', () => {
  it('emits sw.js with the whole build precached', () => {
    expect(existsSync(join(outDir, 'sw.js'))).toBe(true);
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  });

  it('becomes cross-origin isolated through the service worker (one reload)', async () => {
    await page.goto(`${server!.origin}/`);
    await waitForDeck(true);
    const state = await deckState();
    expect(state).toMatchObject({ ready: true, isolated: true, sab: true, controlled: true, katexErrors: 0 });
    expect(state.katex).toBeGreaterThan(40);
    expect(state.headings).toContain('3.1.2. Broadcasting');
    await page.waitForFunction(() => document.querySelectorAll('pre code.hl span').length > 0, null, { timeout: 30_000 });
  });

  it('keeps working offline: server stopped, browser offline, reload and a deep link', async () => {
    await server!.close();
    server = undefined;
    await browser.context.setOffline(true);
    await page.reload();
    await waitForDeck(true);
    // Show a slide with formulas so the KaTeX fonts are actually fetched (from the cache).
    await page.evaluate(() => (window as any).deck.slide(1, 2));
    await page.waitForFunction(
      () => Array.from(document.fonts).some((f) => f.family.replace(/"/g, '').startsWith('KaTeX_') && f.status === 'loaded'),
      null,
      { timeout: 20_000 },
    );
    const state = await deckState();
    expect(state).toMatchObject({ ready: true, isolated: true, sab: true, katexErrors: 0 });
    expect(state.katex).toBeGreaterThan(40);
    expect(state.katexFonts).toBeGreaterThan(0);
    expect(state.highlighted).toBeGreaterThan(0);

    const url = new URL(page.url());
    url.hash = '#/3/2';
    await page.goto(url.href);
    await page.reload();
    await waitForDeck(true);
    expect((await deckState()).indices).toMatchObject({ h: 3, v: 2 });
  });

  it('never requested anything outside its own origin, and logged no errors', () => {
    const origins = new Set(
      requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:')).map((u) => new URL(u).origin),
    );
    expect(origins.size).toBe(1);
    expect([...origins][0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(problems).toEqual([]);
  });
});
