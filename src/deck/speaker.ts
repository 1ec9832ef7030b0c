// The speaker view page (speaker.html), opened by the deck's `S` key: the current
// and the next slide in two preview frames, the notes, a timer and the clock.
// It follows the deck by messages (src/deck/speaker-protocol.ts) and steers the
// preview frames through reveal.js's postMessage API.
import './speaker.css';
import { clockText, commandForKey, isSpeakerMessage, SPEAKER_NS, type SpeakerMessage } from './speaker-protocol.ts';

const $ = <T extends Element>(selector: string): T => {
  const el = document.querySelector<T>(selector);
  if (!el) throw new Error(`speaker.html lacks ${selector}`);
  return el;
};

const deck = window.opener as Window | null;
const [current, upcoming] = [...document.querySelectorAll<HTMLIFrameElement>('.speaker-frame')];
const notes = $<HTMLElement>('.speaker-controls-notes .value');
const title = $<HTMLElement>('.speaker-title');
const where = $<HTMLElement>('.speaker-where');
const elapsed = $<HTMLElement>('.speaker-elapsed');
const clock = $<HTMLElement>('.speaker-clock');

// `receiver`: the deck in these frames shows kept results only and runs nothing.
const deckUrl = new URL('./index.html', location.href);
deckUrl.search = '?receiver';
if (current) current.src = deckUrl.href;
if (upcoming) upcoming.src = deckUrl.href;

let started = performance.now();
let lastState: Extract<SpeakerMessage, { type: 'state' }> | null = null;
const framesReady = new Set<HTMLIFrameElement>();

function steer(frame: HTMLIFrameElement | undefined, method: string, args: unknown[] = []): void {
  if (!frame || !framesReady.has(frame)) return;
  frame.contentWindow?.postMessage(JSON.stringify({ method, args }), location.origin);
}

function show(m: Extract<SpeakerMessage, { type: 'state' }>): void {
  lastState = m;
  title.textContent = m.title;
  where.textContent = `(${m.slideNumber} of ${m.totalSlides})`;
  // The notes are the deck's own HTML, written with the slides.
  notes.innerHTML = m.notes || '<p>No notes for this slide.</p>';
  steer(current, 'setState', [m.state]);
  steer(upcoming, 'setState', [m.state]);
  steer(upcoming, 'next');
}

for (const frame of [current, upcoming]) {
  frame?.addEventListener('load', () => {
    // reveal.js in the frame answers postMessage calls once it is ready; give it a moment.
    const wait = setInterval(() => {
      const inner = frame.contentWindow as (Window & { deck?: { isReady(): boolean } }) | null;
      if (!inner?.deck?.isReady()) return;
      clearInterval(wait);
      framesReady.add(frame);
      if (lastState) show(lastState);
    }, 100);
  });
}

window.addEventListener('message', (e: MessageEvent) => {
  if (e.origin !== location.origin || e.source !== deck || !isSpeakerMessage(e.data)) return;
  if (e.data.type === 'state') show(e.data);
});

document.addEventListener('keydown', (e) => {
  const command = commandForKey(e.key);
  if (!command || !deck) return;
  e.preventDefault();
  const message: SpeakerMessage = { ns: SPEAKER_NS, type: 'command', command };
  deck.postMessage(message, location.origin);
});

$<HTMLButtonElement>('.speaker-reset').addEventListener('click', () => {
  started = performance.now();
});

setInterval(() => {
  elapsed.textContent = clockText(performance.now() - started);
  clock.textContent = new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}, 500);

if (deck) {
  const hello: SpeakerMessage = { ns: SPEAKER_NS, type: 'hello' };
  deck.postMessage(hello, location.origin);
} else {
  notes.textContent = 'Open this view from the deck: press S on any slide.';
}
