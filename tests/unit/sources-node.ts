// The deck's shown source files, read from disk for Node tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export function sources(): [string, string][] {
  return ['src/kernels', 'src/wasm/assembly', 'src/parallel', 'src/gpu', 'workers']
    .flatMap((d) => walk(join(root, d)))
    .filter((f) => /\.(ts|wgsl)$/.test(f))
    .map((f) => [relative(root, f), readFileSync(f, 'utf8')]);
}
