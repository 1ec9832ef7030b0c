// KaTeX bundled by Vite (JS, CSS and fonts are hashed assets, so the deck works
// offline). reveal's own math plugin would fetch katex@latest from a CDN.
//
// KaTeX's code is a third of the deck's JavaScript and the title slide has no
// formula, so it is fetched after reveal.js has shown the first slide; buildDeck
// waits for the formulas before it hands the deck out. The print view lays pages
// out once, so there the formulas are rendered before reveal starts.
import 'katex/dist/katex.min.css';
import type { RevealApi, RevealPlugin } from 'reveal.js';

type AutoRender = typeof import('katex/contrib/auto-render').default;

const loadKatex = (): Promise<AutoRender> => import('katex/contrib/auto-render').then((m) => m.default);

function renderWith(renderMathInElement: AutoRender, root: HTMLElement): void {
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

/** Renders every formula of the deck; resolves when they are on the page. */
export async function renderMath(deck: RevealApi): Promise<void> {
  const slides = deck.getSlidesElement();
  if (!slides) return;
  renderWith(await loadKatex(), slides);
  deck.layout();
}

/** Print view only: formulas before layout, so every page is measured with them. */
export const PrintKaTeX = (): RevealPlugin => ({
  id: 'katex-print',
  async init(deck: RevealApi) {
    const slides = deck.getSlidesElement();
    if (slides) renderWith(await loadKatex(), slides);
  },
});
