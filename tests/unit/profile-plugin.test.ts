import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { profiledModule, valueImports } from '../../src/build/profile-plugin.ts';
import { profileRows } from '../../src/profile/instrument.ts';
// Through the project's Vite config, exactly as the profile worker imports it.
import * as mod from '../../src/kernels/naive.ts?region=naive&profile';

const naive = readFileSync(new URL('../../src/kernels/naive.ts', import.meta.url), 'utf8');

describe('the build-time line profiler module', () => {
  it('keeps value imports and drops type-only ones', () => {
    const src = "import type { Shape } from './types.ts';\nimport { arrayFor, type Dtype } from './types.ts';\nimport { type Only } from './x.ts';\n";
    expect(valueImports(src)).toEqual(["import { arrayFor } from './types.ts';"]);
  });

  it('makes a module whose create() counts hits per line of the naive kernel', () => {
    const text = profiledModule(naive, 'naive', 'src/kernels/naive.ts');
    expect(text).not.toMatch(/new Function|eval\(/);
    let t = 0;
    const hits = new Float64Array(mod.probeCount);
    const time = new Float64Array(mod.probeCount);
    const { matMul } = mod.create(() => (t += 1), hits, time) as { matMul: (...a: unknown[]) => void };
    const m = 2, l = 3, n = 4;
    const A = Float64Array.from({ length: m * l }, (_, i) => i + 1);
    const B = Float64Array.from({ length: l * n }, (_, i) => i - 2);
    const C = new Float64Array(m * n);
    matMul(A, B, C, { m, l, n });
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < l; k++) s += A[i * l + k]! * B[k * n + j]!;
      expect(C[i * n + j]).toBe(s);
    }
    const rows = profileRows(mod, hits, time);
    const counted = rows.map((r) => r.hits ?? 0);
    expect(counted).toContain(m * n * l); // the multiply-add line runs once per (i, j, k)
  });

  it('refuses a region that does not exist', () => {
    expect(() => profiledModule(naive, 'no-such-region', 'src/kernels/naive.ts')).toThrow(/not found/);
  });
});
