// Vite plugin: `virtual:code-regions` holds every `// #region` of the shown source
// folders, already cut out and coloured (src/deck/highlight.ts), so the page ships
// neither the whole source files nor a highlighter: the code on a slide is still
// the code that runs, read from the file when the deck is built.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin } from 'vite';
import { extractRegion, regionNames } from '../deck/code-region.ts';
import { highlightCode } from '../deck/highlight.ts';

/** Folders whose regions slides may show (repo-relative). */
export const SHOWN_FOLDERS = ['src/kernels', 'src/data', 'src/check', 'src/bench', 'src/wasm/assembly', 'src/parallel', 'src/pool', 'src/gpu', 'workers'];

const ID = 'virtual:code-regions';
const RESOLVED = `\0${ID}`;

export interface ShownRegion {
  /** The region's text, as extractRegion cuts it. */
  readonly text: string;
  /** The same, coloured and escaped. */
  readonly html: string;
}

export type RegionIndex = Record<string, Record<string, ShownRegion>>;

function walk(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every region of every shown file, by repo-relative file then region name. */
export function regionIndex(root: string): { index: RegionIndex; files: string[] } {
  const index: RegionIndex = {};
  const files = SHOWN_FOLDERS.flatMap((d) => walk(join(root, d))).filter((f) => /\.(ts|wgsl)$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const file = relative(root, path).split(sep).join('/');
    const lang = file.endsWith('.wgsl') ? 'wgsl' : 'typescript';
    for (const name of regionNames(text)) {
      const region = extractRegion(text, name);
      if (region !== null) (index[file] ??= {})[name] = { text: region, html: highlightCode(region, lang) };
    }
  }
  return { index, files };
}

export function codeRegions(root: string): Plugin {
  return {
    name: 'code-regions',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const { index, files } = regionIndex(root);
      for (const f of files) this.addWatchFile(f);
      return `export default ${JSON.stringify(index)};`;
    },
    handleHotUpdate({ file, server }) {
      // A kernel edited during `npm start`: its region on the slide follows.
      const mod = server.moduleGraph.getModuleById(RESOLVED);
      if (mod && SHOWN_FOLDERS.some((d) => relative(root, file).split(sep).join('/').startsWith(`${d}/`))) server.moduleGraph.invalidateModule(mod);
    },
  };
}
