// Where the panel is shown decides whether it may run: in the speaker view's
// previews and in print, benchmarks would run two or three times at once and
// spoil each other's timings, so those contexts only show kept results. The
// view context itself is the deck's (src/deck/view-context.ts). Pure.
import type { ViewContext } from '../deck/view-context.ts';

export { viewContext, type ViewContext } from '../deck/view-context.ts';

/** Whether a Run button may start work in this context. */
export function mayRun(context: ViewContext): boolean {
  return context === 'live' || context === 'scroll';
}
