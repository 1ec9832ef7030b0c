// `npm run bench`: measures variants in real headless Chromium, the same way the deck
// does (bench worker, cross-origin-isolated page served by Vite), and prints a table or
// JSON. stdout carries only the result; logs go to stderr. Exit codes: 0 done,
// 1 internal failure, 2 bad arguments.
import type { BenchRequest, BenchResult, Progress } from '../bench/protocol.ts';
import { formatEnvironment, formatRunHeader, formatTable, formatWorkerSpeedups, peaksOf } from '../bench/format.ts';
import { mergeRounds, roundPlan, workerSpeedups } from '../bench/rounds.ts';
import { parseArgs, USAGE, type CliArgs } from './args.ts';
import { log, withBenchPage } from './bench-browser.ts';
import { BrowserNotFoundError, findBrowserHere } from './chromium.ts';
import { explainGpuFailures, WEBGPU_FLAG } from './gpu.ts';

const PAGE = 'src/cli/bench-page.html';
const pageReady = (): boolean => window.__bench?.ready === true;

interface Listed {
  readonly id: string;
  readonly description: string;
}

/** Resolves once the text is handed to the OS, so exiting right after cannot cut it short. */
const out = (text: string): Promise<void> =>
  new Promise((resolve, reject) => process.stdout.write(text, (e) => (e ? reject(e) : resolve())));

/** Variant list from the modules themselves: kernels are pure, so no browser is needed. */
async function listInNode(): Promise<Listed[]> {
  const { serialVariants } = await import('../kernels/registry.ts');
  const listed: Listed[] = serialVariants.map(({ id, description }) => ({ id, description }));
  try {
    const { parallelVariants } = await import('../parallel/variants.ts');
    for (const { id, description } of parallelVariants) listed.push({ id, description });
  } catch (e) {
    log(`bench: parallel variants not listed (${e instanceof Error ? e.message : String(e)})`);
  }
  // From the metadata module: the variants themselves import WGSL with ?raw, which only Vite loads.
  const { gpuVariantInfos } = await import('../gpu/meta.ts');
  for (const { id, description } of gpuVariantInfos) listed.push({ id, description });
  return listed;
}

type Run = Extract<CliArgs, { kind: 'run' }>;

function progressLine(p: Progress): string {
  const step = p.phase === 'sample' ? `sample ${p.sample}/${p.sampleCount}` : p.phase;
  return `[${p.variantIndex + 1}/${p.variantCount}] ${p.variant}: ${step}`;
}

/**
 * Every request of the interleaved rounds (roundPlan: w1, w2, w1, w2, …) in ONE
 * browser session, then the rounds merged per (variant, workers) (mergeRounds).
 */
async function runInBrowser(args: Run): Promise<BenchResult[]> {
  const base: BenchRequest = {
    variants: args.variants,
    shape: args.shape,
    dtype: args.dtype,
    samples: args.samples,
    seed: args.seed,
  };
  const plan = roundPlan(base, args.workers, args.rounds);
  const perRound = plan.length / args.rounds;
  return withBenchPage(PAGE, pageReady, async (page) => {
    // Progress only on an interactive terminal: logs of scripted runs stay clean.
    const tty = process.stderr.isTTY === true;
    let finished = false;
    let prefix = '';
    if (tty) {
      await page.exposeFunction('__benchProgress', (p: Progress) => {
        // Progress messages can trail the result; once it is in, they would only garble the table.
        if (!finished) process.stderr.write(`\r\x1b[2K${prefix}${progressLine(p)}`);
      });
    }
    const runs: BenchResult[][] = [];
    for (const [i, request] of plan.entries()) {
      if (plan.length > 1) {
        prefix = `round ${Math.floor(i / perRound) + 1}/${args.rounds}${request.workers !== undefined ? `, ${request.workers} worker(s)` : ''}: `;
        if (!tty) log(`bench: ${prefix.slice(0, -2)}`);
      }
      runs.push(await page.evaluate((req) => window.__bench!.run(req), request));
    }
    finished = true;
    if (tty) process.stderr.write('\r\x1b[2K');
    return explainGpuFailures(mergeRounds(runs), args.gpu);
  }, { extraArgs: args.gpu ? [WEBGPU_FLAG] : [] });
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.kind) {
    case 'help':
      await out(`${USAGE}\n`);
      return 0;
    case 'error':
      log(`bench: ${args.message}\n\n${USAGE}`);
      return 2;
    case 'list': {
      let listed: Listed[];
      try {
        listed = await listInNode();
      } catch (e) {
        log(`bench: listing in Node failed (${e instanceof Error ? e.message : String(e)}); asking the browser`);
        listed = await withBenchPage(PAGE, pageReady, (page) => page.evaluate(() => window.__bench!.list()));
      }
      await out(listed.map((v) => `${v.id} ${v.description}\n`).join(''));
      return 0;
    }
    case 'run': {
      // Before Vite starts: a missing browser is said in one message, within a second.
      const browser = findBrowserHere();
      if (!browser.found) throw new BrowserNotFoundError(browser.message);
      const results = await runInBrowser(args);
      if (args.json) {
        // Failed results carry their reason under `error`; the schema stays flat.
        await out(`${JSON.stringify(results, null, 2)}\n`);
      } else {
        const lines = [formatRunHeader(results, args.seed), formatTable(results)];
        const speedups = formatWorkerSpeedups(workerSpeedups(results));
        if (speedups.length > 0) lines.push(`speedup between worker counts, ${args.rounds} interleaved round(s):`, ...speedups.map((l) => `  ${l}`));
        if (results[0]) lines.push(formatEnvironment(results[0].env, peaksOf(results)));
        await out(`${lines.join('\n')}\n`);
      }
      return 0;
    }
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof BrowserNotFoundError) {
      log(`bench: ${e.message}`);
      process.exit(1);
    }
    log(`bench: internal failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
