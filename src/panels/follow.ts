// Redrawing a panel after news from elsewhere (another panel kept results, results
// were imported): never in the task that delivered the news (a summary redrawing
// dozens of rows inside a run's last message made a long task on the page), and
// only while the panel is on screen, so summaries on other slides redraw when
// someone looks at them, not during a run.

/** Starts following; the returned function stops (the panel left the page). */
export function follow(doc: Document, watched: Element, update: () => void, events: readonly string[]): () => void {
  let pending = false;
  let onScreen = false;
  const win = doc.defaultView;
  const timers = new Set<number>();
  const flush = (): void => {
    if (!pending || !onScreen) return;
    pending = false;
    update();
  };
  const onEvent = (): void => {
    pending = true;
    if (!win) return flush();
    const id = win.setTimeout(() => {
      timers.delete(id);
      flush();
    }, 0);
    timers.add(id);
  };
  for (const name of events) doc.addEventListener(name, onEvent);
  const View = win?.IntersectionObserver;
  let observer: IntersectionObserver | null = null;
  if (View) {
    observer = new View((entries) => {
      onScreen = entries.some((e) => e.isIntersecting);
      flush();
    });
    observer.observe(watched);
  } else {
    onScreen = true; // no way to tell: behave as before, one task later
  }
  return () => {
    for (const name of events) doc.removeEventListener(name, onEvent);
    observer?.disconnect();
    for (const id of timers) win?.clearTimeout(id);
  };
}
