// Where the system Chromium lives and how to launch it on these machines.
// No test tool downloads a browser: we use Debian's `chromium` (or CHROME_PATH).
import { execSync } from 'node:child_process';

export function chromiumPath(): string {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return fromEnv;
  try {
    const found = execSync('command -v chromium', { shell: '/bin/sh', stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    if (found) return found;
  } catch {
    /* fall through to the error below */
  }
  throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROME_PATH to its absolute path.');
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
