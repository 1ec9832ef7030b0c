import { describe, expect, it } from 'vitest';
import { findBrowser, type BrowserLookup } from '../../src/cli/chromium.ts';

/** A fake machine: only the listed files exist and are executable. */
function machine(platform: NodeJS.Platform, env: Record<string, string>, files: string[]): BrowserLookup {
  const set = new Set(files);
  return { platform, env, isExecutable: (p) => set.has(p) };
}

describe('findBrowser', () => {
  it('prefers CHROME_PATH over everything else', () => {
    const m = machine('linux', { CHROME_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' }, ['/opt/chrome/chrome', '/usr/bin/chromium']);
    expect(findBrowser(m)).toEqual({ found: true, path: '/opt/chrome/chrome', via: 'CHROME_PATH' });
  });

  it('refuses a CHROME_PATH that points nowhere, and says so', () => {
    const r = findBrowser(machine('linux', { CHROME_PATH: '/nope', PATH: '/usr/bin' }, ['/usr/bin/chromium']));
    expect(r.found).toBe(false);
    if (!r.found) expect(r.message).toContain('CHROME_PATH is set to "/nope"');
  });

  it('walks the PATH in the documented order of names', () => {
    const m = machine('linux', { PATH: '/a:/b' }, ['/b/google-chrome', '/a/google-chrome-stable', '/b/chromium-browser']);
    expect(findBrowser(m)).toMatchObject({ found: true, path: '/b/chromium-browser' });
  });

  it('finds google-chrome on a Linux box without chromium', () => {
    const m = machine('linux', { PATH: '/usr/local/bin:/usr/bin' }, ['/usr/bin/google-chrome']);
    expect(findBrowser(m)).toMatchObject({ found: true, path: '/usr/bin/google-chrome' });
  });

  it('finds Google Chrome in /Applications on a Mac', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(machine('darwin', { PATH: '/usr/bin:/bin', HOME: '/Users/ana' }, [chrome]))).toMatchObject({ found: true, path: chrome });
  });

  it('finds Chrome under ~/Applications on a Mac', () => {
    const chrome = '/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(findBrowser(machine('darwin', { PATH: '/usr/bin', HOME: '/Users/ana' }, [chrome]))).toMatchObject({ found: true, path: chrome });
  });

  it('finds chrome.exe under Program Files on Windows', () => {
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const m = machine('win32', { Path: 'C:\\Windows;C:\\Windows\\System32', PROGRAMFILES: 'C:\\Program Files' }, [chrome]);
    expect(findBrowser(m)).toMatchObject({ found: true, path: chrome });
  });

  it('finds chromium.exe on a Windows PATH', () => {
    const m = machine('win32', { PATH: 'C:\\tools;C:\\bin' }, ['C:\\bin\\chromium.exe']);
    expect(findBrowser(m)).toMatchObject({ found: true, path: 'C:\\bin\\chromium.exe' });
  });

  it.each(['linux', 'darwin', 'win32'] as const)('names what to install on %s when nothing is found', (platform) => {
    const r = findBrowser(machine(platform, { PATH: '/usr/bin' }, []));
    expect(r.found).toBe(false);
    if (r.found) return;
    expect(r.message).toMatch(/No Chromium or Google Chrome found/);
    expect(r.message).toMatch(/CHROME_PATH/);
    expect(r.message).toMatch(platform === 'linux' ? /apt-get install -y chromium/ : /Google Chrome/);
  });
});
