// In a page WITHOUT cross-origin isolation (no COOP/COEP headers): the message-passing
// variants still run and are correct, while the SharedArrayBuffer variants, the race
// demo and sharing refuse with a readable reason. Real Chromium, real workers.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Plugin, type ViteDevServer } from 'vite';
import { launchChromium, type Launched } from './browser.ts';

// The project's config sends COOP/COEP everywhere, so this server starts from no config file.
const blankPage: Plugin = {
  name: 'blank-page',
  configureServer(server) {
    server.middlewares.use('/__blank', (_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end('<!doctype html><meta charset="utf-8"><title>not isolated</title>');
    });
  },
};

interface Outcome {
  isolated: boolean;
  sab: string;
  results: { variant: string; status: string; correct: boolean; error: string | null }[];
  race: string;
  messages: { method: string; error: string | null; after: number }[];
  live: number;
}

let server: ViteDevServer;
let browser: Launched;
let origin: string;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'error',
    server: { port: 0, hmr: false, watch: null },
    worker: { format: 'es' },
    plugins: [blankPage],
  });
  await server.listen();
  origin = `http://localhost:${(server.httpServer!.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a page without cross-origin isolation', () => {
  it('runs the message variants and refuses the shared ones readably', { timeout: 120_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/__blank`);
    // A string, not a function: Vitest would rewrite a function's import() for Node.
    const script = `(async () => {
      const { runParallel } = await import('/src/parallel/run.ts');
      const { runRace } = await import('/src/parallel/race.ts');
      const { measureMessageCost } = await import('/src/parallel/messages.ts');
      const { WorkerPool, liveWorkerCount } = await import('/src/pool/pool.ts');
      const pool = await WorkerPool.create(2);
      const results = await runParallel(
        {
          variants: ['pool-element', 'pool-row', 'parallel-wasm', 'shared-element', 'shared-row'],
          shape: { m: 7, l: 13, n: 5 },
          dtype: 'f64',
          samples: 1,
          workers: 2,
        },
        { pool, measure: { minSamples: 1, warmupMinCalls: 1, warmupTargetMs: 0 } },
      );
      const race = await runRace({ pool, workers: 2, times: 1000 }).then(
        () => 'ran',
        (e) => e.message,
      );
      const messages = await measureMessageCost(1024, { pool, repeats: 1 });
      pool.dispose();
      return {
        isolated: crossOriginIsolated,
        sab: typeof SharedArrayBuffer,
        results: results.map((r) => ({ variant: r.variant, status: r.status, correct: r.correct, error: r.status === 'error' ? r.error : null })),
        race,
        messages: messages.map((m) => ({ method: m.method, error: m.error ?? null, after: m.senderByteLengthAfter })),
        live: liveWorkerCount(),
      };
    })()`;
    const outcome = (await page.evaluate(script)) as Outcome;
    expect(outcome.isolated).toBe(false);
    expect(outcome.sab).toBe('undefined');
    const by = Object.fromEntries(outcome.results.map((r) => [r.variant, r]));
    expect(by['pool-element']).toMatchObject({ status: 'ok', correct: true });
    expect(by['pool-row']).toMatchObject({ status: 'ok', correct: true });
    for (const id of ['parallel-wasm', 'shared-element', 'shared-row']) {
      expect(by[id]?.status).toBe('error');
      expect(by[id]?.error).toContain('needs a cross-origin-isolated page');
      expect(by[id]?.error).toContain('SharedArrayBuffer is unavailable here');
    }
    expect(outcome.race).toContain('needs a cross-origin-isolated page');
    expect(outcome.messages.find((m) => m.method === 'share')?.error).toContain('cross-origin-isolated');
    expect(outcome.messages.find((m) => m.method === 'transfer')?.after).toBe(0);
    expect(outcome.live).toBe(0);
    await page.close();
  });

  it('the race demo says it needs isolation before it touches its pool', { timeout: 60_000 }, async () => {
    const page = await browser.context.newPage();
    await page.goto(`${origin}/__blank`);
    // A pool whose every member throws: any use of it before the refusal fails the test.
    const script = `(async () => {
      const { runRace } = await import('/src/parallel/race.ts');
      const pool = new Proxy({}, { get: (_, key) => { throw new Error('touched the pool: ' + String(key)); } });
      return runRace({ workers: 2, times: 1000, pool }).then(() => 'ran', (e) => e.message);
    })()`;
    const message = (await page.evaluate(script)) as string;
    expect(message).toContain('needs a cross-origin-isolated page');
    expect(message).not.toContain('touched the pool');
    await page.close();
  });
});
