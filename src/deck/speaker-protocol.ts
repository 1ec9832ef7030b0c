// Messages between the deck and its speaker view (speaker.html). Plain data,
// posted between two same-origin windows. Pure.
import type { RevealState } from 'reveal.js';

export const SPEAKER_NS = 'deck-speaker';

export type SpeakerMessage =
  /** speaker → deck: the view has loaded and wants the current state. */
  | { readonly ns: typeof SPEAKER_NS; readonly type: 'hello' }
  /** deck → speaker: where the deck is, and the notes of that slide (our own HTML). */
  | {
      readonly ns: typeof SPEAKER_NS;
      readonly type: 'state';
      readonly state: RevealState;
      readonly notes: string;
      readonly title: string;
      readonly slideNumber: number;
      readonly totalSlides: number;
    }
  /** speaker → deck: the presenter pressed a key in the speaker view. */
  | { readonly ns: typeof SPEAKER_NS; readonly type: 'command'; readonly command: 'next' | 'prev' | 'left' | 'right' | 'up' | 'down' };

export function isSpeakerMessage(data: unknown): data is SpeakerMessage {
  return typeof data === 'object' && data !== null && (data as { ns?: unknown }).ns === SPEAKER_NS;
}

/** The speaker view's key handling: which deck command a key stands for. */
export function commandForKey(key: string): Extract<SpeakerMessage, { type: 'command' }>['command'] | null {
  switch (key) {
    case 'ArrowRight':
      return 'right';
    case 'ArrowLeft':
      return 'left';
    case 'ArrowUp':
      return 'up';
    case 'ArrowDown':
      return 'down';
    case ' ':
    case 'PageDown':
    case 'n':
      return 'next';
    case 'PageUp':
    case 'p':
      return 'prev';
    default:
      return null;
  }
}

/** mm:ss (or h:mm:ss) of elapsed milliseconds. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
