// The deck's live panels are built after the first slide is shown, not before.
// Upgrading all 18 <bench-panel>s (forms, kept results, the first Intl formatter)
// was most of the main-thread work before reveal.js was ready, for panels on
// slides nobody sees yet. The deck's HTML is parsed in a <template>, where
// custom elements are not upgraded; the panels are taken out there and put back
// into their slots once reveal.js is ready: the current slide's at once, the
// others nearest first in the page's idle time, any slide shown meanwhile at once.

export interface ParkedPanel {
  readonly panel: HTMLElement;
  readonly slot: HTMLElement;
}

/** Parse `html` into `container` with every <bench-panel> left out (not upgraded, not connected). */
export function parseWithoutPanels(container: HTMLElement, html: string): ParkedPanel[] {
  const doc = container.ownerDocument;
  const template = doc.createElement('template');
  template.innerHTML = html;
  const parked: ParkedPanel[] = [];
  for (const panel of template.content.querySelectorAll<HTMLElement>('bench-panel')) {
    const slot = panel.parentElement;
    if (!slot) continue;
    panel.remove();
    parked.push({ panel, slot });
  }
  container.replaceChildren(template.content);
  return parked;
}

/**
 * Indices of `positions` (each panel's slide, in the deck's slide order), nearest
 * to `current` first; ties keep document order, the slide after before the one before. Pure.
 */
export function nearestFirst(positions: readonly number[], current: number): number[] {
  const distance = (p: number) => (p === current ? 0 : p > current ? 2 * (p - current) - 1 : 2 * (current - p));
  return positions.map((p, i) => ({ i, d: distance(p) })).sort((a, b) => a.d - b.d || a.i - b.i).map((x) => x.i);
}

export interface PanelDeck {
  getSlides(): HTMLElement[];
  getCurrentSlide(): HTMLElement | undefined;
  on(type: string, listener: (event: Event) => void): void;
  off(type: string, listener: (event: Event) => void): void;
}

type IdleWindow = Window & { requestIdleCallback?: (cb: (deadline: { timeRemaining(): number }) => void) => number };

/** Put the parked panels back (upgrading them); resolves when all are in their slots. */
export function restorePanels(parked: readonly ParkedPanel[], deck: PanelDeck, win: IdleWindow): Promise<void> {
  const slides = deck.getSlides();
  const slideOf = (p: ParkedPanel) => slides.findIndex((s) => s.contains(p.slot));
  const current = deck.getCurrentSlide();
  const queue = nearestFirst(parked.map(slideOf), current ? slides.indexOf(current) : 0).map((i) => parked[i]!);
  const restore = (p: ParkedPanel) => {
    if (!p.panel.isConnected) p.slot.append(p.panel);
  };
  return new Promise((resolve) => {
    const onShown = () => {
      const shown = deck.getCurrentSlide();
      if (shown) for (const p of queue) if (shown.contains(p.slot)) restore(p);
    };
    const finish = () => {
      deck.off('slidechanged', onShown);
      resolve();
    };
    const step = (more: () => boolean) => {
      while (queue.length > 0) {
        restore(queue.shift()!);
        if (!more()) break;
      }
      if (queue.length === 0) finish();
      else schedule();
    };
    // Without idle callbacks (Safari), one panel per task.
    const schedule = () =>
      win.requestIdleCallback ? win.requestIdleCallback((deadline) => step(() => deadline.timeRemaining() > 0)) : win.setTimeout(() => step(() => false), 0);
    deck.on('slidechanged', onShown);
    onShown();
    schedule();
  });
}
