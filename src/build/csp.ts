// The Content-Security-Policy the deck is built to run under, in one place:
// sent by `vite preview`, carried as a <meta http-equiv> in the built index.html
// (for static hosts), added by the service worker to what it serves, and
// documented in the README for people who host the deck.
//
// 'wasm-unsafe-eval' allows compiling WebAssembly and nothing else: no eval, no
// new Function, no inline script or style anywhere in the deck.
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'worker-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
} as const;

type Directives = Readonly<Record<string, readonly string[]>>;

export function policyText(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The strict policy: preview, the built page, the service worker. */
export const CONTENT_SECURITY_POLICY = policyText(CSP_DIRECTIVES);

/**
 * The dev server's policy: the same, except that Vite's dev client injects each
 * CSS module as a <style> element (that is how hot reload swaps styles), so
 * styles must be allowed inline there. The build has no such elements.
 */
export const DEV_CONTENT_SECURITY_POLICY = policyText({ ...CSP_DIRECTIVES, 'style-src': ["'self'", "'unsafe-inline'"] });
