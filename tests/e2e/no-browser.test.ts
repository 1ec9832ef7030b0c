// A newcomer without Chromium: building and starting the deck must work, and the
// test command must stop at once with a message saying what to install.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
/** A PATH with node on it and nothing else: no chromium, no google-chrome. */
const bare = { PATH: dirname(process.execPath), HOME: tmpdir() };
const out = mkdtempSync(join(tmpdir(), 'deck-nobrowser-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('without a browser on the PATH', () => {
  it('vite build writes the deck', () => {
    const r = spawnSync(process.execPath, [vite, 'build', '--outDir', join(out, 'dist'), '--logLevel', 'error'], { cwd: root, env: bare, encoding: 'utf8' });
    expect(r.stderr).not.toMatch(/Chromium not found|No Chromium/);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'dist', 'index.html'))).toBe(true);
  });

  it('the dev server starts and serves the deck', async () => {
    const child = spawn(process.execPath, [vite, '--port', '0', '--strictPort', 'false', '--host', '127.0.0.1'], { cwd: root, env: bare });
    try {
      const url = await new Promise<string>((resolvePromise, reject) => {
        let text = '';
        const timer = setTimeout(() => reject(new Error(`no URL in time: ${text}`)), 30_000);
        const onData = (chunk: Buffer): void => {
          text += chunk.toString();
          // eslint-disable-next-line no-control-regex
          const m = text.replace(/\x1b\[[0-9;]*m/g, '').match(/http:\/\/127\.0\.0\.1:\d+\//);
          if (m) {
            clearTimeout(timer);
            resolvePromise(m[0]);
          }
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`vite exited with ${code}: ${text}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      expect(await res.text()).toContain('class="reveal"');
    } finally {
      child.kill();
    }
  });

  it('the test command stops within seconds and names what to install, without a stack trace', () => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [tsx, 'src/cli/need-browser.ts'], {
      cwd: root,
      env: { ...bare, CHROME_PATH: join(out, 'no-such-chrome') },
      encoding: 'utf8',
    });
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('CHROME_PATH');
    expect(r.stderr).toMatch(/install Chromium/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
