// Leaving a slide ends its panels' runs, through the same cancel() as the Cancel
// button: a benchmark left running off screen would spoil the timings of the
// next slide's, and nobody is watching its progress. Not in the scroll view,
// where slides are read as one page and scrolling past is not leaving.

/** The part of the reveal.js API used here. */
export interface SlideEvents {
  on(type: 'slidechanged', listener: (event: Event) => void): void;
  isScrollView?(): boolean;
}

interface Cancellable extends Element {
  cancel(): void;
}

/** What reveal's slidechanged event carries. */
interface SlideChanged {
  readonly previousSlide?: Element | null;
  readonly currentSlide?: Element | null;
}

export function cancelOnLeave(deck: SlideEvents, tag = 'bench-panel'): void {
  deck.on('slidechanged', (event) => {
    if (deck.isScrollView?.() === true) return;
    const { previousSlide, currentSlide } = event as unknown as SlideChanged;
    if (!previousSlide) return;
    for (const panel of previousSlide.querySelectorAll<Cancellable>(tag)) {
      // A vertical stack's slides are nested: a panel still on screen is not left.
      if (!currentSlide?.contains(panel)) panel.cancel();
    }
  });
}
