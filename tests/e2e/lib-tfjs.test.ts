// lib-tfjs in the built deck under the strict Content-Security-Policy: TensorFlow.js
// and its emscripten glue must run with no violation (no eval, no new Function, no
// blob: script) in the page or the bench worker, fetch nothing from any other
// origin, and load only when a request names it. Driven through the page
// `npm run bench` uses (window.__bench.run → runBench), built with the deck.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import type { Page, Request } from 'playwright-core';
import type { BenchRequest, BenchResult } from '../../src/bench/protocol.ts';
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
/** Every request of the context: the page, its workers and the service worker. */
const requests: { url: string; fromServiceWorker: boolean }[] = [];

/** The backend's binaries the page or its workers asked for (not the service worker's precache). */
const tfjsWasmFetched = (): string[] =>
  requests.filter((r) => !r.fromServiceWorker && /\/assets\/tfjs-backend-wasm[^/]*\.wasm$/.test(r.url)).map((r) => new URL(r.url).pathname);

beforeAll(async () => {
  if (!existsSync(join(root, 'src/wasm/build')) || readdirSync(join(root, 'src/wasm/build')).length === 0) {
    execFileSync('node', ['src/wasm/build.mjs'], { cwd: root, stdio: 'inherit' });
  }
  outDir = mkdtempSync(join(tmpdir(), 'deck-tfjs-'));
  // The deck plus the bench page, in one build (same assets, same service worker).
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, rolldownOptions: { input: { bench: join(root, 'src/cli/bench-page.html') } } } });
  // Vite writes the bench page at src/cli/; served from the root instead, its
  // `./register-sw.js` is the deck's, so the deck's service worker controls it.
  const html = readFileSync(join(outDir, 'src/cli/bench-page.html'), 'utf8');
  expect(html).toContain('../../assets/');
  writeFileSync(join(outDir, 'bench.html'), html.replaceAll('../../assets/', './assets/'));
  // As csp.test.ts: no COOP/COEP from the server, the policy with a report-uri
  // (kept by the service worker, so workers report here too).
  server = await serveStatic(outDir, csp.serve);
  browser = await launchChromium();
  browser.context.on('request', (r: Request) => requests.push({ url: r.url(), fromServiceWorker: r.serviceWorker() !== null }));
  page = await browser.context.newPage();
  await csp.watch(page);
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(`${m.text()} ${m.location().url}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const run = (request: BenchRequest): Promise<BenchResult[]> => page.evaluate((req) => window.__bench!.run(req), request);

describe('lib-tfjs in the built deck, under the strict policy', () => {
  it('emits the three backend binaries as hashed assets of the build', () => {
    const wasm = readdirSync(join(outDir, 'assets')).filter((f) => f.startsWith('tfjs-backend-wasm'));
    expect(wasm.map((f) => f.replace(/-[\w-]{8}\.wasm$/, '.wasm')).sort()).toEqual([
      'tfjs-backend-wasm-simd.wasm',
      'tfjs-backend-wasm-threaded-simd.wasm',
      'tfjs-backend-wasm.wasm',
    ]);
  });

  it('loads the bench page, isolated by the service worker', async () => {
    await page.goto(`${server.origin}/bench.html`);
    await page.waitForFunction(() => window.__bench?.ready === true && globalThis.crossOriginIsolated === true, null, { timeout: 60_000 });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('does not load TensorFlow.js for a request without lib-tfjs', async () => {
    const [tuned] = await run({ variants: ['tuned'], shape: { m: 32, l: 32, n: 32 }, dtype: 'f32', samples: 5 });
    expect(tuned).toMatchObject({ status: 'ok', correct: true });
    expect(tfjsWasmFetched()).toEqual([]);
  });

  it('runs lib-tfjs correctly, from the single-threaded SIMD binary of this origin', async () => {
    const results = await run({ variants: ['lib-tfjs', 'tuned'], shape: { m: 17, l: 33, n: 65 }, dtype: 'f32', samples: 5, seed: 5 });
    for (const r of results) expect(r, JSON.stringify(r)).toMatchObject({ status: 'ok', correct: true, workers: 1 });
    const big = await run({ variants: ['lib-tfjs'], shape: { m: 128, l: 96, n: 160 }, dtype: 'f32', samples: 5 });
    expect(big[0], JSON.stringify(big[0])).toMatchObject({ status: 'ok', correct: true });
    expect(tfjsWasmFetched()).toEqual([expect.stringMatching(/^\/assets\/tfjs-backend-wasm-simd-[\w-]{8}\.wasm$/)]);
  }, 120_000);

  it('saw no violation in the page or its workers, no error, and no request to another origin', async () => {
    await new Promise((r) => setTimeout(r, 500)); // reports are sent asynchronously
    expect(await csp.violations()).toEqual([]);
    expect(problems).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    const foreign = requests.map((r) => r.url).filter((url) => !url.startsWith(`${server.origin}/`) && url !== 'data:,'); // data:, is the page's empty icon
    expect(foreign).toEqual([]);
  });
});
