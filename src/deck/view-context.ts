// How this copy of the deck is being viewed, read from its URL. reveal.js's
// speaker view loads the deck again in iframes whose URL carries `?receiver`
// (notes plugin; Reveal.isSpeakerNotes() tests the same), and print / scroll
// views are for reading. The deck lays itself out by it (page-mode.ts) and the
// panels decide by it whether they may run (src/panels/context.ts): both read
// the same answer, and the deck needs nothing from the panels to get it. Pure.

export type ViewContext = 'live' | 'speaker-preview' | 'print' | 'scroll';

export function viewContext(search: string): ViewContext {
  const params = new URLSearchParams(search);
  if (/receiver/i.test(search)) return 'speaker-preview';
  if (params.has('print-pdf') || params.get('view') === 'print') return 'print';
  if (params.get('view') === 'scroll') return 'scroll';
  // Other frames (an embed, the Vitest runner) may run: nothing ever starts
  // without a click on Run, so a passive preview cannot start a benchmark.
  return 'live';
}
