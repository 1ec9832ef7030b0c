// Composition root of the page: build the deck from the TOC tree and the slide
// modules, start reveal.js, show the isolation badge, expose the deck for tests.
import type { RevealApi } from 'reveal.js';
import { buildDeck } from './deck/build.ts';
import { mountEnvBadge } from './deck/env-badge.ts';
import { lectureToc } from './toc/tree.ts';
import { lectureSlides } from '../slides/index.ts';
import './panels/register.ts';
import { followHash, keepSlidesExposed, pageModeConfig, usePageMode } from './deck/page-mode.ts';
import { mountTalkTools } from './panels/toolbar.ts';

declare global {
  interface Window {
    deck?: RevealApi;
  }
}

const root = document.querySelector<HTMLElement>('.reveal');
if (!root) throw new Error('index.html must contain a .reveal element');
mountEnvBadge(document, globalThis.crossOriginIsolated === true, navigator.hardwareConcurrency ?? 1);
// Below ~820 px (a phone, a tablet upright) the deck is a page to read, not scaled slides.
const pageMode = usePageMode(window);
if (pageMode) document.documentElement.classList.add('deck-page');
window.deck = await buildDeck(root, { toc: lectureToc, slides: lectureSlides, ...(pageMode ? { config: pageModeConfig } : {}) });
if (pageMode) {
  keepSlidesExposed(document);
  followHash(document);
}
mountTalkTools(document, window.deck);
