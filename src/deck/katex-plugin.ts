// KaTeX bundled by Vite (JS, CSS and fonts are hashed assets, so the deck works
// offline). reveal's own math plugin would fetch katex@latest from a CDN.
import renderMathInElement from 'katex/contrib/auto-render';
import 'katex/dist/katex.min.css';
import type { RevealApi, RevealPlugin } from 'reveal.js';

export function renderMath(root: HTMLElement): void {
  renderMathInElement(root, {
    delimiters: [
      { left: '$$', right: '$$', display: true },
      { left: '\\[', right: '\\]', display: true },
      { left: '$', right: '$', display: false },
      { left: '\\(', right: '\\)', display: false },
    ],
    ignoredTags: ['script', 'noscript', 'style', 'textarea', 'pre', 'code', 'aside'],
    throwOnError: false,
  });
}

export const LocalKaTeX = (): RevealPlugin => ({
  id: 'katex-local',
  init(deck: RevealApi) {
    const render = () => {
      const slides = deck.getSlidesElement();
      if (slides) renderMath(slides);
      deck.layout();
    };
    if (deck.isReady()) render();
    else deck.on('ready', render);
  },
});
