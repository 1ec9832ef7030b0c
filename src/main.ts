// Composition root of the page: the services every panel shares (the measuring
// workers, the page's pool, storage, environment, clock, document) are built
// here once and disposed here; then the deck is built from the TOC tree and the
// slide modules, reveal.js started, the isolation badge shown, the deck exposed
// for tests.
import type { RevealApi } from 'reveal.js';
import { buildDeck } from './deck/build.ts';
import { mountEnvBadge } from './deck/env-badge.ts';
import { lectureToc } from './toc/tree.ts';
import { lectureSlides } from '../slides/index.ts';
import { followHash, keepSlidesExposed, pageModeConfig, usePageMode } from './deck/page-mode.ts';

declare global {
  interface Window {
    deck?: RevealApi;
  }
}

// The panels' code is a chunk of its own, fetched while the deck is built: the
// first slide does not wait for it, and the slots show a placeholder until then.
const panels = import('./panels/boot.ts').then((boot) => ({ boot, services: boot.startPanels(window) }));
// A hot reload replaces this module: its workers and pool go with it.
import.meta.hot?.dispose(() => void panels.then(({ services }) => services.dispose()));

const root = document.querySelector<HTMLElement>('.reveal');
if (!root) throw new Error('index.html must contain a .reveal element');
mountEnvBadge(document, globalThis.crossOriginIsolated === true, navigator.hardwareConcurrency ?? 1);
// Below ~820 px (a phone, a tablet upright) the deck is a page to read, not scaled slides.
const pageMode = usePageMode(window);
if (pageMode) document.documentElement.classList.add('deck-page');
const deck = await buildDeck(root, { toc: lectureToc, slides: lectureSlides, ...(pageMode ? { config: pageModeConfig } : {}) });
if (pageMode) {
  keepSlidesExposed(document);
  followHash(document);
}
try {
  const { boot, services } = await panels;
  boot.attachToDeck(deck, services);
} catch (e) {
  // The lecture still reads without its live panels (e.g. a chunk that failed to load offline).
  console.error('the live panels could not start:', e);
}
// Exposed last: tests (and a console user) that see it find the panels defined.
window.deck = deck;
