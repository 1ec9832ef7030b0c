import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compile, extractRegion, instrument, profileRows, stripTypes } from '../../src/profile/instrument.ts';

// A fake clock that only moves when the profiled code calls work(d): the hot
// line is then known exactly, and nothing depends on real timing.
function fakeClock() {
  let t = 0;
  return {
    now: () => t,
    work: (d: number) => {
      t += d;
      return 1;
    },
  };
}

const HOT = `function f(n: number): number {
  let s = 0; // cheap
  for (let i = 0; i < n; i++) {
    s += work(100);
  }
  return s;
}

function g(reps: number) {
  let total = 0;
  for (let r = 0; r < reps; r++) {
    total += f(3);
  }
  work(7);
  return total;
}`;

describe('instrument()', () => {
  it('charges the fake clock to the line that advanced it', () => {
    const clock = fakeClock();
    const inst = instrument(HOT, 10);
    const mod = compile(inst, clock.now, { work: clock.work });
    expect((mod.functions.f as (n: number) => number)(5)).toBe(5);
    const rows = profileRows(inst, mod.hits, mod.time);
    const byLine = new Map(rows.map((r) => [r.line, r]));
    // Line numbers are file lines: the region starts at line 10.
    expect(byLine.get(13)!.source.trim()).toBe('s += work(100);');
    expect(byLine.get(13)!.hits).toBe(5);
    expect(byLine.get(13)!.timeMs).toBe(500);
    expect(byLine.get(13)!.percent).toBeCloseTo(100);
    expect(byLine.get(13)!.perHitNs).toBe(100 * 1e6);
    // The loop header is tested n + 1 times, like line_profiler's count.
    expect(byLine.get(12)!.hits).toBe(6);
    expect(byLine.get(12)!.timeMs).toBe(0);
    expect(byLine.get(11)!.hits).toBe(1);
    expect(byLine.get(15)!.hits).toBe(1);
    // Braces and the signature carry no probe.
    expect(byLine.get(10)!.hits).toBeNull();
    expect(byLine.get(14)!.hits).toBeNull();
  });

  it('charges a calling line the whole call (inclusive), and the last line on return', () => {
    const clock = fakeClock();
    const inst = instrument(HOT, 1);
    const mod = compile(inst, clock.now, { work: clock.work });
    expect((mod.functions.g as (n: number) => number)(2)).toBe(6);
    const rows = profileRows(inst, mod.hits, mod.time);
    const line = (src: string) => rows.find((r) => r.source.trim() === src)!;
    expect(line('total += f(3);').timeMs).toBe(600);
    expect(line('total += f(3);').hits).toBe(2);
    expect(line('s += work(100);').hits).toBe(6);
    expect(line('s += work(100);').timeMs).toBe(600);
    expect(line('work(7);').timeMs).toBe(7);
    // Per-function percentages: g spends 600 of 607 on the calling line.
    expect(line('total += f(3);').percent).toBeCloseTo((100 * 600) / 607);
  });

  it('profiles a function that throws without losing the last line', () => {
    const clock = fakeClock();
    const inst = instrument(`function h() {\n  work(5);\n  throw new Error('x');\n}`);
    const mod = compile(inst, clock.now, { work: clock.work });
    expect(() => (mod.functions.h as () => void)()).toThrow('x');
    expect(mod.time[0]).toBe(5);
    expect(mod.hits[1]).toBe(1);
  });
});

describe('stripTypes()', () => {
  it('removes parameter, return and declaration annotations without moving lines', () => {
    const ts = `export function k(A: Float64Array, { m, n }: Shape, s = 2): number {\n  const x: number = A[0]! as number;\n  return x;\n}`;
    const js = stripTypes(ts);
    expect(js.split('\n')).toHaveLength(4);
    expect(js).not.toMatch(/: ?(Float64Array|Shape|number)/);
    const k = new Function(`${js}; return k;`)() as (a: Float64Array, s: { m: number; n: number }) => number;
    expect(k(new Float64Array([4]), { m: 1, n: 1 })).toBe(4);
  });
});

describe('the real naive kernel (src/kernels/naive.ts, region naive)', () => {
  const file = readFileSync(new URL('../../src/kernels/naive.ts', import.meta.url), 'utf8');
  const region = extractRegion(file, 'naive');

  it('instruments the shown source into a kernel that still multiplies correctly', () => {
    const inst = instrument(region.text, region.firstLine);
    expect(inst.functionNames).toEqual(expect.arrayContaining(['matMul']));
    const clock = fakeClock();
    const mod = compile(inst, clock.now);
    const m = 2, l = 3, n = 4;
    const A = Float64Array.from({ length: m * l }, (_, i) => i + 1);
    const B = Float64Array.from({ length: l * n }, (_, i) => (i % 5) - 2);
    const C = new Float64Array(m * n);
    (mod.functions.matMul as (...a: unknown[]) => Float64Array)(A, B, C, { m, l, n });
    for (let i = 0; i < m; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < l; k++) s += A[i * l + k]! * B[k * n + j]!;
        expect(C[i * n + j]).toBe(s);
      }
    // Every line that runs once per (i, j, k) is hit m·n·l times.
    const rows = profileRows(inst, mod.hits, mod.time);
    const innerMost = rows.filter((r) => r.hits === m * n * l);
    expect(innerMost.length).toBeGreaterThanOrEqual(1);
    // And the kernel's line numbers point into naive.ts.
    const lines = file.split('\n');
    for (const r of rows) expect(lines[r.line - 1]).toBe(r.source);
  });
});
