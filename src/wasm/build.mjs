// Compiles the AssemblyScript kernels in src/wasm/assembly/ to src/wasm/build/*.wasm.
// Run by every npm script that needs them (start, build, test, bench), so a fresh
// clone never depends on a committed binary. Skips work when outputs are newer.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, 'assembly');
const outDir = join(here, 'build');
mkdirSync(outDir, { recursive: true });

/**
 * One entry per output: `source` is the file in assembly/, flags are the WebAssembly
 * features it needs. matmul.ts is built twice: a module that uses SIMD anywhere fails
 * to compile as a whole on an engine without SIMD, so the scalar kernels get a build
 * of their own and the SIMD one is optional (matmul.ts guards its v128 code with
 * ASC_FEATURE_SIMD).
 */
const modules = [
  { name: 'matmul', source: 'matmul', flags: [] },
  { name: 'matmul-simd', source: 'matmul', flags: ['--enable', 'simd'] },
  { name: 'parallel', source: 'parallel', flags: ['--enable', 'simd,threads', '--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536'] },
  // The tuned kernel and the peak probe: plain SIMD (mul + add) and relaxed SIMD
  // (fused relaxed_madd) from the same source; the loader tries the relaxed one first.
  { name: 'tuned', source: 'tuned', flags: ['--enable', 'simd'] },
  { name: 'tuned-relaxed', source: 'tuned', flags: ['--enable', 'simd,relaxed-simd'] },
  { name: 'tuned-parallel', source: 'tuned-parallel', flags: ['--enable', 'simd,threads', '--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536'] },
  { name: 'tuned-parallel-relaxed', source: 'tuned-parallel', flags: ['--enable', 'simd,threads,relaxed-simd', '--importMemory', '--sharedMemory', '--initialMemory', '1', '--maximumMemory', '65536'] },
  { name: 'peak', source: 'peak', flags: ['--enable', 'simd'] },
  { name: 'peak-relaxed', source: 'peak', flags: ['--enable', 'simd,relaxed-simd'] },
];

const asc = join(here, '..', '..', 'node_modules', '.bin', 'asc');
for (const { name, source, flags } of modules) {
  const src = join(srcDir, `${source}.ts`);
  if (!existsSync(src)) continue;
  const out = join(outDir, `${name}.wasm`);
  const newestSrc = Math.max(...readdirSync(srcDir).map((f) => statSync(join(srcDir, f)).mtimeMs));
  if (existsSync(out) && statSync(out).mtimeMs > newestSrc) continue;
  execFileSync(asc, [src, '-o', out, '--optimize', '-O3', '--runtime', 'stub', '--use', 'abort=', ...flags], { stdio: 'inherit' });
}
