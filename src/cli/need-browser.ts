// First step of `npm test`: stop at once, with one readable message, when no
// browser is installed, instead of failing later inside the browser tests.
import { findBrowserHere } from './chromium.ts';

const found = findBrowserHere();
if (!found.found) {
  process.stderr.write(`\n${found.message}\n\n`);
  process.exit(1);
}
