import { describe, expect, it } from 'vitest';
import { LIMITS, MAX_FLOPS_PER_CALL, parseBoundedInt, validateFields } from '../../src/panels/validate.ts';
import { refuseByMemory } from '../../src/panels/memory-guard.ts';
import { datasets } from '../../src/data/generate.ts';

const ok = { m: '200', l: '10', n: '400', samples: '10', dtype: 'f64' };
const opts = { variants: ['naive'] };

describe('parseBoundedInt()', () => {
  const b = { min: 1, max: 100 };
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['abc', /not a number/],
    ['1.5', /whole number/],
    ['1e2', /whole number/],
    ['0', /at least 1/],
    ['-3', /positive/],
    ['101', /at most 100/],
    ['Infinity', /finite/],
  ])('refuses %j', (raw, message) => {
    const r = parseBoundedInt(raw, 'X', b);
    expect('error' in r && r.error).toMatch(message);
  });
  it('accepts whole numbers within bounds, with spaces around', () => {
    expect(parseBoundedInt(' 42 ', 'X', b)).toEqual({ value: 42 });
    expect(parseBoundedInt('100', 'X', b)).toEqual({ value: 100 });
  });
});

describe('validateFields()', () => {
  it('turns good fields into a request', () => {
    expect(validateFields({ ...ok, workers: '2' }, opts)).toEqual({
      ok: true,
      value: { shape: { m: 200, l: 10, n: 400 }, dtype: 'f64', samples: 10, workers: 2 },
    });
  });

  it('reports each bad field by name', () => {
    const v = validateFields({ ...ok, m: '', samples: '2.5', dtype: 'f16' }, opts);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(Object.keys(v.errors).sort()).toEqual(['dtype', 'm', 'samples']);
  });

  it('enforces the upper bounds', () => {
    const v = validateFields({ ...ok, n: String(LIMITS.n.max + 1) }, opts);
    expect(v.ok).toBe(false);
    const w = validateFields({ ...ok, workers: '9' }, { ...opts, maxWorkers: 8 });
    expect(!w.ok && w.errors.workers).toMatch(/at most 8/);
  });

  it('refuses a shape with too much work per product, on all three sizes', () => {
    const v = validateFields({ ...ok, m: '4000', l: '1000000', n: '4000' }, opts);
    expect(2 * 4000 * 1e6 * 4000).toBeGreaterThan(MAX_FLOPS_PER_CALL);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.m).toMatch(/GFLOP/);
    expect(v.errors.l).toBe(v.errors.m);
    expect(v.errors.n).toBe(v.errors.m);
  });

  it('asks the injected memory guard about every variant and shows its reason', () => {
    const asked: string[] = [];
    const refuse = (variant: string) => {
      asked.push(variant);
      return variant === 'indexing' ? 'needs 3 GB of gathered copies' : null;
    };
    const v = validateFields(ok, { variants: ['naive', 'indexing'], refuse });
    expect(asked).toEqual(['naive', 'indexing']);
    expect(!v.ok && v.errors.l).toBe('indexing: needs 3 GB of gathered copies');
  });

  it('counts the workers typed in the form: pool-row on the big set is refused with 8, allowed with 2', () => {
    const { shape, dtype } = datasets.big;
    const big = { m: String(shape.m), l: String(shape.l), n: String(shape.n), samples: '5', dtype };
    const guard = { variants: ['pool-row'], refuse: refuseByMemory };
    const eight = validateFields({ ...big, workers: '8' }, guard);
    expect(eight.ok).toBe(false);
    expect(!eight.ok && eight.errors.l).toMatch(/^pool-row needs 1\.7 GiB .*in each of 8 workers.*the budget is 1\.0 GiB$/);
    expect(validateFields({ ...big, workers: '2' }, guard)).toMatchObject({ ok: true, value: { workers: 2 } });
    // A serial variant runs on one thread whatever the field says.
    expect(validateFields({ ...big, workers: '8' }, { variants: ['wasm-simd'], refuse: refuseByMemory }).ok).toBe(true);
  });

  it('without a guard, refuses operands beyond the fallback budget', () => {
    // 4096×1,000,000 doubles is 32 GB for A alone (and under the work limit with n = 1).
    const v = validateFields({ ...ok, m: '4096', l: '1000000', n: '1' }, opts);
    expect(!v.ok && v.errors.m).toMatch(/budget/);
  });

  describe('chunk size (per-element parallel variants)', () => {
    const par = { variants: ['pool-element'] };
    it('passes a whole number through as chunkSize', () => {
      expect(validateFields({ ...ok, workers: '2', chunk: ' 100 ' }, par)).toEqual({
        ok: true,
        value: { shape: { m: 200, l: 10, n: 400 }, dtype: 'f64', samples: 10, workers: 2, chunkSize: 100 },
      });
      expect(validateFields({ ...ok, chunk: '1' }, par)).toMatchObject({ ok: true, value: { chunkSize: 1 } });
      expect(validateFields({ ...ok, chunk: String(LIMITS.chunk.max) }, par)).toMatchObject({ ok: true, value: { chunkSize: LIMITS.chunk.max } });
    });

    it('reads an empty value as auto: no chunkSize in the request', () => {
      for (const chunk of ['', '   ']) {
        const v = validateFields({ ...ok, workers: '2', chunk }, par);
        expect(v.ok).toBe(true);
        expect(v.ok && 'chunkSize' in v.value).toBe(false);
      }
      // A panel without the input sends none either.
      const none = validateFields(ok, par);
      expect(none.ok && 'chunkSize' in none.value).toBe(false);
    });

    it.each([
      ['0', /Chunk size must be at least 1/],
      ['-5', /Chunk size must be a positive whole number/],
      ['2.5', /Chunk size must be a whole number/],
      ['1e3', /Chunk size must be a whole number/],
      ['ten', /Chunk size "ten" is not a number/],
      [String(LIMITS.chunk.max + 1), /Chunk size must be at most 1,000,000/],
    ])('refuses %j and names only the chunk field', (chunk, message) => {
      const v = validateFields({ ...ok, workers: '2', chunk }, par);
      expect(v.ok).toBe(false);
      if (v.ok) return;
      expect(Object.keys(v.errors)).toEqual(['chunk']);
      expect(v.errors.chunk).toMatch(message);
    });

    it('has a sane upper bound', () => {
      expect(LIMITS.chunk.min).toBe(1);
      // At least every element of the biggest allowed C in one message… of the default data sets.
      expect(LIMITS.chunk.max).toBeGreaterThanOrEqual(200 * 400);
      expect(LIMITS.chunk.max).toBeLessThanOrEqual(LIMITS.m.max * LIMITS.n.max);
    });
  });
});
