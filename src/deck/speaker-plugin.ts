// The deck's side of the speaker view. reveal.js's own notes plugin writes its
// view into a blank window with inline <script> and <style>, which a strict CSP
// forbids; ours opens speaker.html (ordinary files) and tells it, by message,
// where the deck is and what the notes say. The view's two preview frames load
// the deck with `?receiver`, where no panel may run (src/panels/context.ts).
import type { RevealApi, RevealPlugin } from 'reveal.js';
import { isSpeakerMessage, SPEAKER_NS, type SpeakerMessage } from './speaker-protocol.ts';

export const SpeakerView = (): RevealPlugin => ({
  id: 'speaker-view',
  init(deck: RevealApi) {
    let view: Window | null = null;

    const post = (): void => {
      if (!view || view.closed) return;
      const slide = deck.getCurrentSlide();
      const message: SpeakerMessage = {
        ns: SPEAKER_NS,
        type: 'state',
        state: deck.getState(),
        notes: deck.getSlideNotes(slide) ?? '',
        title: slide?.querySelector('h1, h2, h3')?.textContent ?? '',
        slideNumber: deck.getSlidePastCount() + 1,
        totalSlides: deck.getTotalSlides(),
      };
      view.postMessage(message, location.origin);
    };

    const open = (): void => {
      if (view && !view.closed) {
        view.focus();
        return;
      }
      view = window.open(new URL('speaker.html', location.href).href, 'deck-speaker', 'width=1100,height=700');
    };

    window.addEventListener('message', (e: MessageEvent) => {
      if (e.origin !== location.origin || !isSpeakerMessage(e.data) || e.source !== view) return;
      const m = e.data;
      if (m.type === 'hello') post();
      else if (m.type === 'command') deck[m.command]();
    });
    for (const event of ['slidechanged', 'fragmentshown', 'fragmenthidden', 'overviewshown', 'overviewhidden', 'paused', 'resumed']) deck.on(event, post);
    deck.addKeyBinding({ keyCode: 83, key: 'S', description: 'Speaker view' }, open);
  },
});
