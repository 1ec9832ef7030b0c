// Content-Security-Policy violations of the built deck, for the e2e tests that
// serve it under the strict policy: what the page's documents report through
// securitypolicyviolation events (recorded by a script the driver injects, so the
// policy does not apply to it), and what workers send to the report-uri.
import type { Page } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from '../../src/build/csp.ts';
import type { ServeOptions } from './static-server.ts';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

export interface CspRecorder {
  /** For serveStatic: the strict policy with a report-uri, and the reports that arrive kept. */
  readonly serve: ServeOptions;
  /** Records the violations of every document this page loads (call before its first goto). */
  watch(page: Page): Promise<void>;
  /** Everything recorded so far: the watched page's violations, then the reports. */
  violations(): Promise<string[]>;
}

export function recordCspViolations(): CspRecorder {
  const reports: string[] = [];
  let watched: Page | undefined;
  return {
    serve: {
      headers: { 'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; report-uri /csp-report` },
      onPost: (path, body) => {
        if (path === '/csp-report') reports.push(body);
      },
    },
    async watch(page) {
      watched = page;
      await page.addInitScript(() => {
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          window.__cspViolations!.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
        });
      });
    },
    async violations() {
      const inPage = watched ? await watched.evaluate(() => window.__cspViolations ?? []) : [];
      return [...inPage, ...reports];
    },
  };
}
