import { describe, expect, it } from 'vitest';
import { precacheList, registerSnippet, serviceWorkerSource, versionOf } from '../../src/build/sw-source.ts';

const ORIGIN = 'http://localhost:4173';
const SCOPE = `${ORIGIN}/deck/`;

/** Runs the generated worker against in-memory fakes of caches, fetch and self. */
function loadWorker(precache: string[], network: (url: string) => Response | Promise<Response>) {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    if (!stores.has(name)) stores.set(name, new Map());
    const store = stores.get(name)!;
    const key = (r: Request | string, ignoreSearch = false) => {
      const url = new URL(typeof r === 'string' ? r : r.url, SCOPE);
      if (ignoreSearch) url.search = '';
      return url.href;
    };
    return {
      addAll: async (urls: string[]) => {
        for (const u of urls) store.set(key(u), await network(key(u)));
      },
      put: async (r: Request, res: Response) => void store.set(key(r), res),
      match: async (r: Request | string, opts?: { ignoreSearch?: boolean }) => {
        if (!opts?.ignoreSearch) return store.get(key(r))?.clone();
        const wanted = key(r, true);
        for (const [k, v] of store) if (key(k, true) === wanted) return v.clone();
        return undefined;
      },
    };
  };
  const caches = {
    open,
    keys: async () => [...stores.keys()],
    delete: async (name: string) => stores.delete(name),
  };
  const listeners = new Map<string, (e: unknown) => void>();
  const state = { skipped: false, claimed: false, fetched: [] as string[] };
  const self = {
    location: new URL(`${SCOPE}sw.js`),
    registration: { scope: SCOPE },
    clients: { claim: async () => void (state.claimed = true) },
    skipWaiting: async () => void (state.skipped = true),
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
  };
  const fetch = async (r: Request) => {
    state.fetched.push(r.url);
    return network(r.url);
  };
  new Function('self', 'caches', 'fetch', 'Headers', 'Response', 'URL', serviceWorkerSource(precache, 'v1'))(
    self, caches, fetch, Headers, Response, URL,
  );
  const lifecycle = async (type: 'install' | 'activate') => {
    let done: Promise<unknown> = Promise.resolve();
    listeners.get(type)!({ waitUntil: (p: Promise<unknown>) => (done = p) });
    await done;
  };
  const request = async (url: string, init: { mode?: RequestMode; method?: string } = {}) => {
    let answer: Promise<Response> | undefined;
    const req = { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors', cache: 'default' } as Request;
    listeners.get('fetch')!({ request: req, respondWith: (p: Promise<Response>) => (answer = p) });
    return answer; // undefined: the worker let the browser handle it
  };
  return { stores, state, lifecycle, request };
}

const page = (body: string, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers });

describe('the generated service worker', () => {
  it('precaches every listed file on install, then takes control at once', async () => {
    const w = loadWorker(['./', './assets/a.js'], (u) => page(`net:${u}`));
    await w.lifecycle('install');
    expect([...w.stores.get('deck-v1')!.keys()].sort()).toEqual([`${SCOPE}`, `${SCOPE}assets/a.js`]);
    expect(w.state.skipped).toBe(true);
    await w.lifecycle('activate');
    expect(w.state.claimed).toBe(true);
  });

  it('adds COOP, COEP and CORP to same-origin responses and keeps their own headers', async () => {
    const w = loadWorker([], () => page('x', { 'Content-Type': 'application/wasm' }));
    const res = (await w.request(`${SCOPE}assets/k.wasm`))!;
    expect(res.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(res.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('same-origin');
    expect(res.headers.get('Content-Type')).toBe('application/wasm');
    expect(await res.text()).toBe('x');
  });

  it('serves hashed assets from the cache without touching the network', async () => {
    const w = loadWorker(['./assets/a.js'], (u) => page(`net:${u}`));
    await w.lifecycle('install');
    w.state.fetched.length = 0;
    const res = (await w.request(`${SCOPE}assets/a.js`))!;
    expect(await res.text()).toBe(`net:${SCOPE}assets/a.js`);
    expect(w.state.fetched).toEqual([]);
  });

  it('tries the network first for pages and falls back to the cached page offline, deep links included', async () => {
    let online = true;
    let deploy = 1;
    const w = loadWorker(['./'], (u) => {
      if (!online) throw new TypeError('Failed to fetch');
      return page(`deploy ${deploy}: ${u}`);
    });
    await w.lifecycle('install');
    deploy = 2;
    expect(await (await w.request(SCOPE, { mode: 'navigate' }))!.text()).toBe(`deploy 2: ${SCOPE}`);
    online = false;
    const offline = (await w.request(`${SCOPE}?print-pdf`, { mode: 'navigate' }))!;
    expect(await offline.text()).toBe(`deploy 2: ${SCOPE}`);
    expect(offline.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    await expect(w.request(`${SCOPE}nothing-cached.html`, { mode: 'navigate' })).resolves.toBeDefined();
  });

  it('leaves cross-origin and non-GET requests alone', async () => {
    const w = loadWorker([], () => page('x'));
    expect(await w.request('https://cdn.example.com/katex.css')).toBeUndefined();
    expect(await w.request(`${SCOPE}api`, { method: 'POST' })).toBeUndefined();
  });

  it('deletes caches of older versions on activate', async () => {
    const w = loadWorker([], () => page('x'));
    w.stores.set('deck-old', new Map());
    w.stores.set('someone-else', new Map());
    await w.lifecycle('activate');
    expect([...w.stores.keys()].sort()).toEqual(['someone-else']);
  });
});

describe('precacheList() and versionOf()', () => {
  it('lists the entry page first, every file relative to the worker, never the worker itself or source maps', () => {
    expect(precacheList(['assets/b.js', 'index.html', 'sw.js', 'assets/b.js.map', 'assets/a.css'])).toEqual([
      './',
      './assets/a.css',
      './assets/b.js',
      './index.html',
    ]);
  });
  it('changes the version when any content changes', () => {
    expect(versionOf(['a', 'b'])).toBe(versionOf(['a', 'b']));
    expect(versionOf(['a', 'b'])).not.toBe(versionOf(['a', 'c']));
    expect(versionOf(['ab', ''])).not.toBe(versionOf(['a', 'b']));
  });
});

describe('registerSnippet()', () => {
  it('is a classic script that registers ./sw.js and guards its one reload', () => {
    const code = registerSnippet();
    expect(() => new Function(code)).not.toThrow();
    expect(code).toContain('register("./sw.js")');
    expect(code).toContain('sessionStorage');
    expect(code).not.toMatch(/\bimport\b|\bexport\b/);
  });

  /** Runs the snippet against fakes of the page; returns what it registered and when it waits. */
  function runSnippet(isolated: boolean, readyState: 'loading' | 'complete') {
    const registered: string[] = [];
    const listeners = new Map<string, () => void>();
    const idle: (() => void)[] = [];
    const win = {
      isSecureContext: true,
      crossOriginIsolated: isolated,
      requestIdleCallback: (cb: () => void) => idle.push(cb),
      addEventListener: (type: string, cb: () => void) => listeners.set(type, cb),
    };
    const navigator = {
      serviceWorker: {
        controller: null,
        register: (url: string) => {
          registered.push(url);
          return new Promise(() => undefined);
        },
        addEventListener: () => undefined,
      },
    };
    const sessionStorage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
    const run = new Function('window', 'navigator', 'sessionStorage', 'document', 'requestIdleCallback', registerSnippet());
    run(win, navigator, sessionStorage, { readyState }, win.requestIdleCallback);
    return { registered, listeners, idle };
  }

  it('registers at once on a page that is not isolated yet (it has to reload)', () => {
    expect(runSnippet(false, 'loading').registered).toEqual(['./sw.js']);
  });

  it('on an isolated page, registers only after load, when the browser is idle (precaching would slow the first load)', () => {
    const page = runSnippet(true, 'loading');
    expect(page.registered).toEqual([]);
    page.listeners.get('load')!();
    expect(page.registered).toEqual([]);
    page.idle.shift()!();
    expect(page.registered).toEqual(['./sw.js']);
    const loaded = runSnippet(true, 'complete');
    expect(loaded.registered).toEqual([]);
    loaded.idle.shift()!();
    expect(loaded.registered).toEqual(['./sw.js']);
  });
});
