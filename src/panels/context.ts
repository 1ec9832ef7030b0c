// Where the panel is shown decides whether it may run. reveal.js's speaker view
// loads the deck again in iframes whose URL carries `?receiver` (notes plugin;
// Reveal.isSpeakerNotes() tests the same), and print / scroll views are for
// reading. Benchmarks there would run two or three times at once and spoil
// each other's timings, so those contexts only show kept results. Pure.

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

/** Whether a Run button may start work in this context. */
export function mayRun(context: ViewContext): boolean {
  return context === 'live' || context === 'scroll';
}
