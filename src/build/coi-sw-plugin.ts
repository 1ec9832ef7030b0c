// Build-only Vite plugin: emits dist/sw.js (COOP/COEP/CORP and the CSP on every
// response, precache of every emitted and public file) and dist/register-sw.js,
// and puts the CSP <meta> and the registration <script src> first in <head>.
// `vite` dev and `vite preview` send the headers themselves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { filesUnder, posixRelative } from './files-under.ts';
import { precacheList, REGISTER_FILE, registerSnippet, serviceWorkerSource, SW_FILE, versionOf } from './sw-source.ts';

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
      // A file, not an inline script: a strict CSP (no 'unsafe-inline') allows it.
      // Classic and unbundled: it must run before the deck's module script.
      handler: () => [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
        { tag: 'script', attrs: { src: `./${REGISTER_FILE}` }, injectTo: 'head' },
      ],
    },
    generateBundle(_options, bundle) {
      if (config.build.ssr) return;
      const publicDir = config.publicDir;
      const publicFiles = publicDir ? filesUnder(publicDir).map((p) => posixRelative(publicDir, p)) : [];
      this.emitFile({ type: 'asset', fileName: REGISTER_FILE, source: registerSnippet() });
      const emitted = [...Object.keys(bundle), REGISTER_FILE];
      const precache = precacheList([...emitted, ...publicFiles]);
      // The version follows the content, so any changed byte invalidates the old cache.
      const contents = emitted.map((name) => {
        const out = bundle[name];
        if (!out) return registerSnippet();
        return out.type === 'chunk' ? out.code : typeof out.source === 'string' ? out.source : Buffer.from(out.source).toString('base64');
      });
      const publicContents = publicFiles.map((f) => readFileSync(join(publicDir, f)).toString('base64'));
      const version = versionOf([...precache, ...contents, ...publicContents]);
      this.emitFile({ type: 'asset', fileName: SW_FILE, source: serviceWorkerSource(precache, version, CONTENT_SECURITY_POLICY) });
    },
  };
}
