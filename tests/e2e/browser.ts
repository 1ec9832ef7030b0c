// Shared by the e2e test and the screenshot script: launch the system Chromium
// with a fresh profile and the project's flags. Never downloads a browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../src/cli/chromium.ts';

export interface Launched {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(viewport = { width: 1280, height: 720 }): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'deck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Per slide: does its content fit the 1280×720 slide box? Runs in the page. */
