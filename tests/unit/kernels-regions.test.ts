// Slides cut the code they show out of the real sources by region markers: every
// serial variant must have its region, and every region must be closed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serialVariants } from '../../src/kernels/registry.ts';

const root = join(import.meta.dirname, '..', '..');
const kernelFiles = readdirSync(join(root, 'src/kernels')).map((f) => join('src/kernels', f));
const files = [...kernelFiles, 'src/wasm/assembly/matmul.ts', 'src/data/generate.ts', 'src/check/allclose.ts'];
const text = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

function regionsOf(source: string): { opened: string[]; closed: string[] } {
  const opened = [...source.matchAll(/^\s*\/\/ #region (\S+)\s*$/gm)].map((m) => m[1]!); // the group is not optional
  const closed = [...source.matchAll(/^\s*\/\/ #endregion (\S+)\s*$/gm)].map((m) => m[1]!);
  return { opened, closed };
}

describe('region markers', () => {
  it('every region opened is closed once, with its name, in the same file', () => {
    for (const [file, source] of text) {
      const { opened, closed } = regionsOf(source);
      expect([...closed].sort(), file).toEqual([...opened].sort());
      expect(new Set(opened).size, file).toBe(opened.length);
    }
  });

  it('each serial variant id has a region in the kernels or the AssemblyScript file', () => {
    const all = new Set([...kernelFiles, 'src/wasm/assembly/matmul.ts'].flatMap((f) => regionsOf(text.get(f)!).opened));
    for (const v of serialVariants) expect(all.has(v.id), v.id).toBe(true);
    expect(all.has('layout')).toBe(true);
  });

  it('the AssemblyScript file holds the dot, the whole product and the SIMD kernel', () => {
    const { opened } = regionsOf(text.get('src/wasm/assembly/matmul.ts')!);
    expect(opened).toEqual(expect.arrayContaining(['wasm-element', 'wasm-whole', 'wasm-simd', 'wasm-scalar']));
  });

  it('data and check hold `generate` and `allclose`', () => {
    expect(regionsOf(text.get('src/data/generate.ts')!).opened).toContain('generate');
    expect(regionsOf(text.get('src/check/allclose.ts')!).opened).toContain('allclose');
  });
});
