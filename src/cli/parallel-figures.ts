// `npm run bench:parallel -- small|big [--l N] [--rounds N] [--variants a,b]`:
// prints figures of the parallel variants measured in headless Chromium (what
// src/cli/parallel-figures-page.ts runs); it asserts no time. Figures go to
// stdout, logs to stderr. Exit codes: 0 done, 1 a variant failed or was wrong
// (or an internal failure), 2 bad arguments.
import { parseArgs } from 'node:util';
import { log, withBenchPage } from './bench-browser.ts';
import { BrowserNotFoundError, findBrowserHere } from './chromium.ts';
import type { BigOptions, FiguresMode } from './parallel-figures-page.ts';

const PAGE = 'src/cli/parallel-figures-page.html';

const USAGE = `usage: npm run bench:parallel -- small|big [options]
  small       every parallel variant at 200×10×400 and 20×10000×40 (f64, f32), message
              costs at 1, 16 and 128 MiB, shared-row at 20×10000×40 on 1 and 2 workers
  big         the 200×l×400 f32 case: shared-row on 1 and 2 workers in interleaved rounds
  --l         inner dimension of the big case (default 100000)
  --rounds    interleaved rounds of the big case (default 3)
  --variants  comma-separated variants measured on the big case afterwards (default none)`;

type Parsed = { kind: 'run'; modes: FiguresMode[]; big: BigOptions } | { kind: 'error'; message: string } | { kind: 'help' };

function wholeNumber(text: string | undefined, fallback: number, flag: string): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text)) throw new RangeError(`${flag} must be a whole number, not "${text}"`);
  return Number(text);
}

function parse(argv: string[]): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { l: { type: 'string' }, rounds: { type: 'string' }, variants: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) return { kind: 'help' };
    const modes = positionals.filter((p): p is FiguresMode => p === 'small' || p === 'big');
    if (modes.length === 0 || modes.length !== positionals.length) return { kind: 'error', message: `say small, big or both, not "${positionals.join(' ')}"` };
    const l = wholeNumber(values.l, 100_000, '--l');
    if (l < 1) return { kind: 'error', message: '--l must be at least 1' };
    const rounds = wholeNumber(values.rounds, 3, '--rounds');
    const variants = (values.variants ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return { kind: 'run', modes, big: { l, rounds, variants } };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

async function main(argv: string[]): Promise<number> {
  const args = parse(argv);
  if (args.kind === 'help') {
    log(USAGE);
    return 0;
  }
  if (args.kind === 'error') {
    log(`bench:parallel: ${args.message}\n\n${USAGE}`);
    return 2;
  }
  const browser = findBrowserHere();
  if (!browser.found) throw new BrowserNotFoundError(browser.message);
  const failures = await withBenchPage(PAGE, () => window.__figures?.ready === true, async (page) => {
    await page.exposeFunction('__figuresLine', (line: string) => void process.stdout.write(`${line}\n`));
    return page.evaluate(({ modes, big }) => window.__figures!.run(modes, big), { modes: args.modes, big: args.big });
  });
  for (const f of failures) log(`bench:parallel: failed or wrong: ${f}`);
  return failures.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    log(`bench:parallel: ${e instanceof BrowserNotFoundError ? e.message : `internal failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`}`);
    process.exit(1);
  },
);
