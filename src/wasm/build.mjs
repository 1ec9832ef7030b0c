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

/** One entry per module: flags are the WebAssembly features it needs. */
const modules = [
  { name: 'matmul', flags: ['--enable', 'simd'] },
];

const asc = join(here, '..', '..', 'node_modules', '.bin', 'asc');
for (const { name, flags } of modules) {
  const src = join(srcDir, `${name}.ts`);
  if (!existsSync(src)) continue;
  const out = join(outDir, `${name}.wasm`);
  const newestSrc = Math.max(...readdirSync(srcDir).map((f) => statSync(join(srcDir, f)).mtimeMs));
  if (existsSync(out) && statSync(out).mtimeMs > newestSrc) continue;
  execFileSync(asc, [src, '-o', out, '--optimize', '-O3', '--runtime', 'stub', '--use', 'abort=', ...flags], { stdio: 'inherit' });
}
