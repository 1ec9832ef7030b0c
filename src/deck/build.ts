// Assemble the Reveal DOM from the TOC tree and the slide modules, then start
// reveal.js with its presenting plugins. The only module that imports reveal.js.
import Reveal, { type RevealApi, type RevealConfig } from 'reveal.js';
import 'reveal.js/reveal.css';
import 'reveal.js/theme/white.css';
import './deck.css';
import { PrintKaTeX, renderMath } from './katex-plugin.ts';
import { SpeakerView } from './speaker-plugin.ts';
import { adoptInjectedStyles } from './adopt-styles.ts';
import { deckHtml, deckModel } from './model.ts';
import type { SlideSpec } from './slide.ts';
import type { Toc } from '../toc/toc.ts';
import { mountMatmulAnimations } from './widgets/matmul-animation.ts';
import { parseWithoutPanels, restorePanels, type ParkedPanel } from './deferred-panels.ts';

function isPrintView(): boolean {
  return /print-pdf/.test(location.search);
}

export interface DeckOptions {
  readonly toc: Toc;
  readonly slides: readonly SlideSpec[];
  /** Extra reveal.js config (tests pass `embedded: true`, `hash: false`). */
  readonly config?: RevealConfig;
}

/** Fill `root` (a `.reveal` element) with the lecture and start reveal.js. */
export async function buildDeck(root: HTMLElement, opts: DeckOptions): Promise<RevealApi> {
  let slidesEl = root.querySelector<HTMLElement>('.slides');
  if (!slidesEl) {
    slidesEl = document.createElement('div');
    slidesEl.className = 'slides';
    root.append(slidesEl);
  }
  const html = deckHtml(deckModel(opts.toc, opts.slides));
  // The print view lays its pages out once, so its panels must be there from the start.
  let parked: ParkedPanel[] = [];
  if (isPrintView()) slidesEl.innerHTML = html;
  else parked = parseWithoutPanels(slidesEl, html);
  mountMatmulAnimations(slidesEl);

  adoptInjectedStyles(document);
  const deck = new Reveal(root, {
    hash: true,
    width: 1280,
    height: 720,
    margin: 0.04,
    center: false,
    slideNumber: 'h.v',
    // Arrows on the edges, not in the corner where the live panels' tables end.
    controlsLayout: 'edges',
    transition: 'slide',
    pdfSeparateFragments: false,
    // The print view lays pages out once: formulas first there; elsewhere they follow the first slide.
    plugins: isPrintView() ? [SpeakerView, PrintKaTeX] : [SpeakerView],
    ...opts.config,
  });
  await deck.initialize();
  // Handed out once every panel is in its slot and every formula typeset.
  await Promise.all([restorePanels(parked, deck, window), isPrintView() ? null : renderMath(deck)]);
  return deck;
}
