// The presenter's tools beside the env button: "Prepare talk" (prepare.ts) and
// "Import results" (imports.ts). Not in a speaker view's previews or in print;
// in the scroll view only the import (preparing is for the slide view).
import { viewContext } from './context.ts';
import { mountImportControl } from './imports.ts';
import { mountPrepare, wantsPrepare, type DeckNavigation, type PrepareControl } from './prepare.ts';
import type { KeyValueStore } from './storage.ts';

export interface TalkTools {
  readonly box: HTMLElement;
  readonly prepare: PrepareControl | null;
}

export function mountTalkTools(doc: Document, deck: DeckNavigation | null, store: KeyValueStore | null): TalkTools | null {
  const search = doc.defaultView?.location.search ?? '';
  const ctx = viewContext(search);
  if (ctx === 'speaker-preview' || ctx === 'print') return null;
  const existing = doc.querySelector<HTMLElement>('.deck-tools');
  if (existing) existing.remove();
  const box = doc.createElement('div');
  box.className = 'deck-tools';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', 'Talk tools');
  const scroll = ctx === 'scroll' || deck?.isScrollView?.() === true;
  const prepare = scroll ? null : mountPrepare(doc, box, deck);
  mountImportControl(doc, box, { store, alert: (m) => doc.defaultView?.alert(m) });
  // Keys typed here must not move the slides.
  box.addEventListener('keydown', (e) => e.stopPropagation());
  doc.body.append(box);
  if (prepare && wantsPrepare(search)) void prepare.start();
  return { box, prepare };
}
