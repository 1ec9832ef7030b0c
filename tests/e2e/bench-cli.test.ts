// End to end: `npm run bench` as a process, driving real headless Chromium (so it
// lives in the e2e project, not with the Node unit tests).
// Asserts the output contract (schema, exit codes), never a timing.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const TIMEOUT = 60_000;

function bench(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/bench.ts', ...args], {
    encoding: 'utf8',
    timeout: TIMEOUT,
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run bench', () => {
  it('--list prints one "id description" line per variant', { timeout: TIMEOUT }, () => {
    const r = bench(['--list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const ids = lines.map((line) => line.split(' ')[0]);
    expect(ids).toContain('naive');
    expect(ids).toContain('wasm-simd');
    expect(new Set(ids).size).toBe(ids.length);
    for (const line of lines) expect(line).toMatch(/^[a-z0-9]+(-[a-z0-9]+)* \S.*$/);
  });

  it('--json prints only a JSON array of checked results, unknown ids included', { timeout: TIMEOUT }, () => {
    const r = bench(['--variant', 'naive,wasm-simd,no-such-variant', '--shape', '8x5x3', '--samples', '5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as Record<string, unknown>[]; // throws if anything else is on stdout
    expect(Array.isArray(results)).toBe(true);
    expect(results.map((x) => x.variant)).toEqual(['naive', 'wasm-simd', 'no-such-variant']);
    for (const x of results.slice(0, 2)) {
      expect(x).toMatchObject({ status: 'ok', m: 8, l: 5, n: 3, dtype: 'f64', workers: 1, correct: true });
      expect(x.samplesMs).toHaveLength(5);
      expect(typeof x.medianMs).toBe('number');
      expect(x.gflops as number).toBeGreaterThan(0);
      expect(x.env).toMatchObject({ crossOriginIsolated: true, sharedArrayBuffer: true });
      // The batching rule held: a sample (batch × per-call time) lasted ≥ 100 timer steps.
      const env = x.env as { timerResolutionMs: number };
      expect((x.batch as number) * Math.min(...(x.samplesMs as number[]))).toBeGreaterThanOrEqual(
        100 * env.timerResolutionMs * 0.999,
      );
    }
    expect(results[2]).toMatchObject({ status: 'error', error: expect.stringContaining('unknown variant') });
    for (const field of ['samplesMs', 'medianMs', 'gflops', 'correct']) expect(results[2]).not.toHaveProperty(field);
  });

  it('exits 2 with a message on stderr for bad arguments', { timeout: TIMEOUT }, () => {
    const r = bench(['--variant', 'naive', '--shape', '8x5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--shape "8x5" is not MxLxN/);
  });

  it('--workers 1,2 measures each parallel variant at both counts in interleaved rounds, merged, with build and % of peak', { timeout: TIMEOUT }, () => {
    const r = bench(['--variant', 'parallel-tuned,tuned', '--shape', '23x17x29', '--dtype', 'f32', '--workers', '1,2', '--rounds', '2', '--samples', '5', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as Record<string, unknown>[];
    // One result per (variant, workers); the serial tuned ran with both requests and is merged into one.
    expect(results.map((x) => `${x.variant}@${x.workers}`)).toEqual(['parallel-tuned@1', 'tuned@1', 'parallel-tuned@2']);
    for (const x of results) {
      expect(x).toMatchObject({ status: 'ok', correct: true, build: expect.stringMatching(/^(relaxed-simd|simd)$/) });
      expect(x.pctOfPeak as number).toBeGreaterThan(0);
      const peaks = (x.env as { peaks: { f32: { workers: number } } }).peaks;
      expect(peaks.f32.workers).toBe(x.workers); // compared with the peak of its own worker count
    }
    expect(results[0]?.samplesMs).toHaveLength(2 * 5); // 2 rounds × 5 samples
    expect(results[1]?.samplesMs).toHaveLength(2 * 2 * 5); // 2 rounds × 2 requests × 5 samples
    expect(results[2]?.samplesMs).toHaveLength(2 * 5);
    const table = bench(['--variant', 'parallel-tuned', '--shape', '23x17x29', '--dtype', 'f32', '--workers', '1,2', '--rounds', '2', '--samples', '5']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/% peak/);
    expect(table.stdout).toMatch(/parallel-tuned: 2 workers vs 1: \d+\.\d\d× \(medians\), \d+\.\d\d× \(best samples\), over 10 \+ 10 samples/);
    expect(table.stdout).toMatch(/peak \(1 worker\): f32 .*; peak \(2 workers at once\): f32 /);
  });
});
