// Where a Chromium-family browser lives on the machines people use, and how to
// launch it here. Only the browser tests and `npm run bench` call this: starting,
// building and previewing the deck never need a browser. No test tool downloads
// one of its own. The search itself is pure (file system and environment are
// injected) so it can be tested for every platform on any machine.
import { accessSync, constants } from 'node:fs';
import { posix, win32 } from 'node:path';

/** Names looked up on the PATH, in this order. */
export const BROWSER_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

export interface BrowserLookup {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** True when `path` is a file this process may execute. */
  readonly isExecutable: (path: string) => boolean;
}

export type BrowserFound =
  | { readonly found: true; readonly path: string; readonly via: string }
  | { readonly found: false; readonly message: string };

/** The usual install locations outside the PATH, per platform. */
function installLocations({ env, platform }: BrowserLookup): string[] {
  if (platform === 'darwin') {
    const apps = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return apps.flatMap((dir) => [
      posix.join(dir, 'Google Chrome.app/Contents/MacOS/Google Chrome'),
      posix.join(dir, 'Chromium.app/Contents/MacOS/Chromium'),
      posix.join(dir, 'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary'),
    ]);
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((r): r is string => Boolean(r));
    return roots.flatMap((root) => [
      win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      win32.join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/snap/bin/chromium'];
}

/** The message `npm test` and `npm run bench` print when no browser is found. */
export function browserMissingMessage(platform: NodeJS.Platform, badEnvPath?: string): string {
  const install =
    platform === 'darwin'
      ? 'install Google Chrome (or Chromium) in /Applications'
      : platform === 'win32'
        ? 'install Google Chrome'
        : 'install Chromium (Debian/Ubuntu: sudo apt-get install -y chromium) or Google Chrome';
  const head = badEnvPath
    ? `CHROME_PATH is set to "${badEnvPath}", but no executable browser is there.`
    : `No Chromium or Google Chrome found (looked at CHROME_PATH, then ${BROWSER_COMMANDS.join(', ')} on the PATH, then the usual install folders).`;
  const point = platform === 'win32' ? 'set CHROME_PATH=C:\\path\\to\\chrome.exe' : 'export CHROME_PATH=/absolute/path/to/chrome';
  return `${head}\nThe browser tests and \`npm run bench\` need one: ${install}, or point CHROME_PATH at it (${point}).\nStarting, building and previewing the deck need no browser.`;
}

/** CHROME_PATH, then the PATH, then the usual install folders. Pure. */
export function findBrowser(lookup: BrowserLookup): BrowserFound {
  const { env, platform, isExecutable } = lookup;
  const fromEnv = env.CHROME_PATH?.trim();
  if (fromEnv) {
    return isExecutable(fromEnv)
      ? { found: true, path: fromEnv, via: 'CHROME_PATH' }
      : { found: false, message: browserMissingMessage(platform, fromEnv) };
  }
  const path = platform === 'win32' ? win32 : posix;
  const dirs = (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : ':').filter(Boolean);
  const suffixes = platform === 'win32' ? ['.exe', ''] : [''];
  for (const name of BROWSER_COMMANDS) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = path.join(dir, name + suffix);
        if (isExecutable(candidate)) return { found: true, path: candidate, via: `PATH (${name})` };
      }
    }
  }
  for (const candidate of installLocations(lookup)) {
    if (isExecutable(candidate)) return { found: true, path: candidate, via: 'install folder' };
  }
  return { found: false, message: browserMissingMessage(platform) };
}

function isExecutableHere(path: string): boolean {
  try {
    accessSync(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The lookup on this machine. */
export function findBrowserHere(): BrowserFound {
  return findBrowser({ env: process.env, platform: process.platform, isExecutable: isExecutableHere });
}

/** Thrown when a browser is needed and none exists; its message is the whole explanation. */
export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

/** The browser's absolute path, or a BrowserNotFoundError saying what to install. */
export function chromiumPath(): string {
  const found = findBrowserHere();
  if (!found.found) throw new BrowserNotFoundError(found.message);
  return found.path;
}

/** Flags that work in this sandbox (no network, no GPU, running as root). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
