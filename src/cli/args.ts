// Command-line arguments of `npm run bench`, parsed into a tagged union. Pure: it never
// prints or exits; bench.ts decides what to do with an error (stderr, exit code 2).
import type { Dtype, Shape } from '../kernels/types.ts';
import { DEFAULT_SEED } from '../data/generate.ts';
import { MAX_WORKERS } from '../parallel/shared-arrays.ts';

export type CliArgs =
  | { readonly kind: 'list' }
  | { readonly kind: 'help' }
  | {
      readonly kind: 'run';
      /** Requested ids in order, or ['all'] to be expanded by whoever knows the variants. */
      readonly variants: readonly string[];
      readonly shape: Shape;
      readonly dtype: Dtype;
      /**
       * Worker counts for the parallel variants, in the order given (`--workers 1,2`);
       * absent: they use navigator.hardwareConcurrency.
       */
      readonly workers?: readonly number[];
      /**
       * Interleaved rounds: each round runs the request once per worker count
       * (w1, w2, w1, w2, …), and the rounds' samples are merged per (variant, workers).
       */
      readonly rounds: number;
      readonly samples: number;
      readonly seed: number;
      readonly json: boolean;
      /** Start Chromium with --enable-unsafe-webgpu, so the WebGPU variants can run. */
      readonly gpu: boolean;
    }
  | { readonly kind: 'error'; readonly message: string };

export const DEFAULT_SAMPLES = 10;
export const MIN_SAMPLES = 5;
const MAX_DIM = 1_000_000;
const MAX_SAMPLES = 10_000;
const MAX_ROUNDS = 100;
/** Rounds when several worker counts are compared and --rounds is not given. */
export const DEFAULT_ROUNDS_COMPARING = 3;

export const USAGE = `Usage:
  npm run --silent bench -- --list
  npm run --silent bench -- --variant ID[,ID...]|all --shape MxLxN [--dtype f64|f32]
                            [--workers K[,K...]] [--rounds R] [--samples S] [--seed N]
                            [--json] [--gpu]

  --list      one variant id per line, then its description
  --variant   comma-separated variant ids, or "all"
  --shape     m×l times l×n, written MxLxN (e.g. 200x10x400)
  --dtype     f64 (default) or f32
  --workers   worker count for the parallel variants (default: the browser's core count);
              a list (1,2) measures each parallel variant at every count, in interleaved
              rounds, and prints the speedup between the counts (serial variants named
              too run in every request; their samples merge into one row)
  --rounds    interleaved rounds, each running every worker count once with --samples
              samples; the rounds' samples are merged (default ${DEFAULT_ROUNDS_COMPARING} with a list of
              worker counts, else 1)
  --samples   samples per variant and round, at least ${MIN_SAMPLES} (default ${DEFAULT_SAMPLES})
  --seed      base seed the data samples are drawn from (default ${DEFAULT_SEED})
  --json      print only a JSON array of results on stdout
  --gpu       start Chromium with --enable-unsafe-webgpu so the webgpu-* variants run
              (headless, that is SwiftShader: a CPU emulation, correct but not a GPU timing)`;

const VALUE_FLAGS = ['--variant', '--shape', '--dtype', '--workers', '--rounds', '--samples', '--seed'] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];
const BOOL_FLAGS = ['--list', '--json', '--gpu', '--help', '-h'] as const;
type BoolFlag = (typeof BOOL_FLAGS)[number];

function isValueFlag(s: string): s is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(s);
}
function isBoolFlag(s: string): s is BoolFlag {
  return (BOOL_FLAGS as readonly string[]).includes(s);
}

const error = (message: string): CliArgs => ({ kind: 'error', message });

/** A whole number written in plain decimal digits within [lo, hi], or null. */
function parseInteger(text: string, lo: number, hi: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const v = Number(text);
  return Number.isSafeInteger(v) && v >= lo && v <= hi ? v : null;
}

export function parseShape(text: string): Shape | null {
  const [m, l, n, ...extra] = text.toLowerCase().split(/[x×]/).map((p) => parseInteger(p.trim(), 1, MAX_DIM));
  if (m == null || l == null || n == null || extra.length > 0) return null;
  return { m, l, n };
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const values = new Map<ValueFlag, string>();
  const flags = new Set<BoolFlag>();
  // One iterator for the loop and for the value a flag takes from the next argument.
  const args = argv[Symbol.iterator]();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (isBoolFlag(name)) {
      if (name !== arg) return error(`${name} takes no value`);
      flags.add(name);
    } else if (isValueFlag(name)) {
      const value = name !== arg ? arg.slice(eq + 1) : args.next().value;
      if (value === undefined || (name === arg && value.startsWith('--'))) return error(`${name} needs a value`);
      values.set(name, value);
    } else {
      return error(`unknown argument "${arg}"`);
    }
  }

  if (flags.has('--help') || flags.has('-h')) return { kind: 'help' };
  if (flags.has('--list')) return { kind: 'list' };

  const variantText = values.get('--variant');
  if (variantText === undefined) return error('--variant is required (an id, a comma-separated list, or "all"); see --list');
  const variants = variantText.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (variants.length === 0) return error('--variant needs at least one id');

  const shapeText = values.get('--shape');
  if (shapeText === undefined) return error('--shape is required, written MxLxN (e.g. 200x10x400)');
  const shape = parseShape(shapeText);
  if (!shape) return error(`--shape "${shapeText}" is not MxLxN with whole numbers from 1 to ${MAX_DIM}`);

  const dtypeText = values.get('--dtype') ?? 'f64';
  if (dtypeText !== 'f64' && dtypeText !== 'f32') return error(`--dtype must be f64 or f32, not "${dtypeText}"`);

  let workers: number[] | undefined;
  const workersText = values.get('--workers');
  if (workersText !== undefined) {
    workers = [];
    for (const part of workersText.split(',')) {
      const w = parseInteger(part.trim(), 1, MAX_WORKERS);
      if (w === null) return error(`--workers must be whole numbers from 1 to ${MAX_WORKERS}, comma-separated, not "${workersText}"`);
      if (workers.includes(w)) return error(`--workers lists ${w} twice`);
      workers.push(w);
    }
  }

  const roundsText = values.get('--rounds');
  let rounds = workers !== undefined && workers.length > 1 ? DEFAULT_ROUNDS_COMPARING : 1;
  if (roundsText !== undefined) {
    const r = parseInteger(roundsText, 1, MAX_ROUNDS);
    if (r === null) return error(`--rounds must be a whole number from 1 to ${MAX_ROUNDS}, not "${roundsText}"`);
    rounds = r;
  }

  const samplesText = values.get('--samples');
  let samples = DEFAULT_SAMPLES;
  if (samplesText !== undefined) {
    const s = parseInteger(samplesText, MIN_SAMPLES, MAX_SAMPLES);
    if (s === null) return error(`--samples must be a whole number from ${MIN_SAMPLES} to ${MAX_SAMPLES}, not "${samplesText}"`);
    samples = s;
  }

  const seedText = values.get('--seed');
  let seed = DEFAULT_SEED;
  if (seedText !== undefined) {
    const s = parseInteger(seedText, 0, 2 ** 32 - 1);
    if (s === null) return error(`--seed must be a whole number from 0 to ${2 ** 32 - 1}, not "${seedText}"`);
    seed = s;
  }

  return {
    kind: 'run',
    variants,
    shape,
    dtype: dtypeText,
    ...(workers !== undefined ? { workers } : {}),
    rounds,
    samples,
    seed,
    json: flags.has('--json'),
    gpu: flags.has('--gpu'),
  };
}
