// Build-only Vite plugin: emits dist/sw.js (COOP/COEP/CORP on every response,
// precache of every emitted and public file) and injects its registration at the
// top of <head>. `vite` dev and `vite preview` send the headers themselves.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { precacheList, registerSnippet, serviceWorkerSource, SW_FILE, versionOf } from './sw-source.ts';

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function coiServiceWorker(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'coi-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'script', children: registerSnippet(), injectTo: 'head-prepend' }],
    },
    generateBundle(_options, bundle) {
      if (config.build.ssr) return;
      const publicDir = config.publicDir;
      const publicFiles = publicDir ? filesUnder(publicDir).map((p) => relative(publicDir, p).split(sep).join('/')) : [];
      const emitted = Object.keys(bundle);
      const precache = precacheList([...emitted, ...publicFiles]);
      // The version follows the content, so any changed byte invalidates the old cache.
      const contents = emitted.map((name) => {
        const out = bundle[name]!;
        return out.type === 'chunk' ? out.code : typeof out.source === 'string' ? out.source : Buffer.from(out.source).toString('base64');
      });
      const publicContents = publicFiles.map((f) => readFileSync(join(publicDir, f)).toString('base64'));
      const version = versionOf([...precache, ...contents, ...publicContents]);
      this.emitFile({ type: 'asset', fileName: SW_FILE, source: serviceWorkerSource(precache, version) });
    },
  };
}
