import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumPath } from './src/cli/chromium.ts';
import { coiServiceWorker } from './src/build/coi-sw-plugin.ts';
import { profiledKernels } from './src/build/profile-plugin.ts';
import { fontsAsFiles } from './src/build/fonts-plugin.ts';
import { codeRegions } from './src/build/code-regions-plugin.ts';
import { CONTENT_SECURITY_POLICY, DEV_CONTENT_SECURITY_POLICY } from './src/build/csp.ts';

// SharedArrayBuffer and the 5 µs timer need a cross-origin-isolated page.
// Dev server, preview and the Vitest browser server all send these headers;
// the static build gets them from our service worker instead.
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Launch options whose browser path is looked up only when a browser is launched:
 * this config also serves `npm start` and `npm run build`, which need no browser.
 */
function browserLaunch(args: string[]): { readonly executablePath: string; readonly args: string[] } {
  return {
    get executablePath() {
      return chromiumPath();
    },
    args,
  };
}

/** Vitest browser mode in headless Chromium at the deck's size, launched with `args`. */
function browserMode(args: string[]) {
  return {
    enabled: true,
    headless: true,
    viewport: { width: 1280, height: 720 },
    provider: playwright({ launchOptions: browserLaunch(args) }),
    instances: [{ browser: 'chromium' as const }],
  };
}

export default defineConfig({
  base: './',
  // Build only: sw.js adds the isolation headers on static hosts and precaches the deck for offline use.
  // profiledKernels: the line profiler's instrumented kernels, made at build time (no eval in the page).
  // fontsAsFiles: the theme's base64 fonts become separate, cacheable files.
  // codeRegions: the code shown on slides, cut from the sources and coloured at build time.
  plugins: [profiledKernels(), codeRegions(import.meta.dirname), fontsAsFiles(import.meta.dirname), coiServiceWorker()],
  // The strict policy for preview; dev relaxes style-src only (see src/build/csp.ts).
  // Vitest serves its own runner pages from this server config (inline scripts):
  // under Vitest the page tests do not get a policy; tests/e2e/csp.test.ts checks the build under it.
  server: { headers: process.env.VITEST ? crossOriginIsolation : { ...crossOriginIsolation, 'Content-Security-Policy': DEV_CONTENT_SECURITY_POLICY } },
  preview: { headers: { ...crossOriginIsolation, 'Content-Security-Policy': CONTENT_SECURITY_POLICY } },
  // Worker bundles have their own plugin list in a build: the profile worker imports an instrumented kernel.
  worker: { format: 'es', plugins: () => [profiledKernels()] },
  // Pre-bundled up front: discovering them mid-run makes Vite reload the page (or a test).
  // TensorFlow.js (lib-tfjs) is imported lazily by the bench worker; its CommonJS glue needs pre-bundling too.
  optimizeDeps: {
    include: ['@observablehq/plot', 'comlink', 'reveal.js', 'katex/contrib/auto-render', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-wasm'],
  },
  // Two pages: the deck, and the speaker view its `S` key opens.
  build: { target: 'es2022', chunkSizeWarningLimit: 2000, rolldownOptions: { input: { main: 'index.html', speaker: 'speaker.html' } } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], execArgv: ['--experimental-wasm-relaxed-simd'] },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 60_000,
          browser: browserMode(chromiumArgs),
        },
      },
      {
        // The 'browser' project with WebGPU on: headless Chromium then offers SwiftShader (CPU), correct but slow.
        extends: true,
        test: {
          name: 'browser-gpu',
          include: ['tests/browser-gpu/**/*.test.ts'],
          testTimeout: 60_000,
          browser: browserMode([...chromiumArgs, '--enable-unsafe-webgpu']),
        },
      },
      {
        // Timing-sensitive browser tests (long tasks): the same browser set-up, run on
        // their own after every other project (a higher groupOrder), so no build or
        // other browser competes for the two cores while they watch the page's thread.
        extends: true,
        test: {
          name: 'browser-quiet',
          include: ['tests/browser-quiet/**/*.test.ts'],
          testTimeout: 200_000,
          sequence: { groupOrder: 1 },
          fileParallelism: false,
          browser: browserMode(chromiumArgs),
        },
      },
      {
        // Node-side end-to-end: build, serve without headers, load in Chromium, go offline.
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
