// The built deck under the strict Content-Security-Policy a careful host sends:
// it must load, register its service worker (which makes it isolated), show every
// slide and run one panel of each kind with no violation, in the page or in any
// worker. Workers report through report-uri to this test's server.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Page } from 'playwright-core';
import { launchChromium, type Launched } from './browser.ts';
import { recordCspViolations } from './csp-violations.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const root = resolve(import.meta.dirname, '../..');
let outDir: string;
let server: StaticServer;
let browser: Launched;
let page: Page;
const csp = recordCspViolations();
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(root, 'src/wasm/build')) || readdirSync(join(root, 'src/wasm/build')).length === 0) {
    execFileSync('node', ['src/wasm/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
  outDir = mkdtempSync(join(tmpdir(), 'deck-csp-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  // No COOP/COEP from the server: isolation must come from the service worker,
  // whose registration the policy must allow.
  server = await serveStatic(outDir, csp.serve);
  browser = await launchChromium();
  page = await browser.context.newPage();
  await csp.watch(page);
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const violations = (): Promise<string[]> => csp.violations();

async function runPanel(id: string): Promise<string> {
  await page.evaluate((pid) => {
    const deck = (window as any).deck;
    const { h, v } = deck.getIndices(document.getElementById(pid)!.closest('section'));
    deck.slide(h, v);
  }, id);
  const panel = page.locator(`#${id}`);
  // The summary has no Run button: it draws what the other panels kept.
  if ((await panel.locator('.bp-run').count()) === 0) return (await panel.textContent()) ?? '';
  await panel.locator('.bp-run').click();
  await page.waitForFunction((pid) => document.getElementById(pid)?.getAttribute('aria-busy') === 'true', id, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForFunction((pid) => document.getElementById(pid)?.getAttribute('aria-busy') !== 'true', id, { timeout: 180_000, polling: 200 });
  return (await panel.textContent()) ?? '';
}

describe('the built deck under a strict Content-Security-Policy', () => {
  it('carries the policy in a <meta> for static hosts and has no inline script', () => {
    const html = execFileSync('cat', [join(outDir, 'index.html')]).toString();
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style/);
  });

  it('loads, registers its service worker and becomes isolated', async () => {
    await page.goto(`${server.origin}/`);
    await page.waitForFunction(() => (window as any).deck?.isReady() && globalThis.crossOriginIsolated === true, null, { timeout: 60_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('shows every slide', async () => {
    const count = await page.evaluate(async () => {
      const deck = (window as any).deck;
      deck.configure({ transition: 'none', fragments: false });
      const slides = deck.getSlides() as HTMLElement[];
      for (const s of slides) {
        const { h, v } = deck.getIndices(s);
        deck.slide(h, v);
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
      return slides.length;
    });
    expect(count).toBeGreaterThan(60);
    expect(await page.locator('.katex-error').count()).toBe(0);
  });

  // One panel of each kind, with the slide's own defaults.
  for (const id of ['bench-profile-naive', 'bench-element-vectorised', 'bench-jit-tiering', 'bench-freeze-demo', 'bench-pool-element', 'bench-pool', 'bench-transfer-cost', 'bench-race-demo', 'bench-shared', 'bench-summary-all']) {
    it(`runs ${id}`, async () => {
      const text = await runPanel(id);
      expect(text).not.toMatch(/✗ WRONG|The run failed/);
    }, 200_000);
  }

  it('saw no violation in the page or its workers, and no error', async () => {
    await new Promise((r) => setTimeout(r, 500)); // reports are sent asynchronously
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
  });
});
