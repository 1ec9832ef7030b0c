// Vite plugin: `import * as p from './naive.ts?region=naive&profile'` gives the
// kernel region rewritten by the line profiler (src/profile/instrument.ts) as an
// ordinary module, made when the deck is built. So the page and its workers never
// compile code from a string: a strict CSP (no 'unsafe-eval') forbids that.
//
// The module exports the probe layout (`lines`, `probeCount`, `functionNames`)
// and `create(now, hits, time)`, which returns the instrumented functions. The
// file's own value imports are kept, so a region may call the helpers it imports.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { extractRegion, instrument, PROBE_PARAMS } from '../profile/instrument.ts';

const QUERY = /[?&]profile\b/;

/** The file's value imports, TypeScript-only names removed. */
export function valueImports(source: string): string[] {
  const found = source.match(/^import\s+(?!type\b)[\s\S]*?from\s+['"][^'"]+['"];?/gm) ?? [];
  return found
    .map((line) =>
      line.replace(/\{([^}]*)\}/, (_, names: string) => {
        const kept = names.split(',').map((n) => n.trim()).filter((n) => n !== '' && !n.startsWith('type '));
        return `{ ${kept.join(', ')} }`;
      }),
    )
    .filter((line) => !/^import\s*\{\s*\}\s*from/.test(line));
}

/** The module text for one region of one file. Throws when the region cannot be instrumented. */
export function profiledModule(fileText: string, region: string, file: string): string {
  const { text, firstLine } = extractRegion(fileText, region);
  const inst = instrument(text, firstLine);
  try {
    // Build-time check only (Node, not the page): the rewrite must be valid JavaScript.
    new Function(...PROBE_PARAMS, inst.code);
  } catch (e) {
    throw new Error(`${file} #region ${region}: the line profiler's rewrite is not valid JavaScript (${e instanceof Error ? e.message : e})`);
  }
  return [
    `// Generated from ${file} #region ${region} by src/build/profile-plugin.ts.`,
    ...valueImports(fileText),
    `export const lines = ${JSON.stringify(inst.lines)};`,
    `export const probeCount = ${inst.probeCount};`,
    `export const functionNames = ${JSON.stringify(inst.functionNames)};`,
    `export function create(${PROBE_PARAMS.join(', ')}) {`,
    inst.code,
    '}',
  ].join('\n');
}

export function profiledKernels(): Plugin {
  return {
    name: 'profiled-kernels',
    enforce: 'pre',
    load(id) {
      if (!QUERY.test(id)) return null;
      const [file = '', query = ''] = id.split('?');
      const region = new URLSearchParams(query).get('region');
      if (!region) this.error(`${id}: say which region to profile (?region=NAME&profile)`);
      this.addWatchFile(file);
      return { code: profiledModule(readFileSync(file, 'utf8'), region, file), moduleType: 'js' };
    },
  };
}
