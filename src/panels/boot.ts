// Everything the live panels need, loaded as its own chunk: main.ts starts
// importing this module before the deck is built and does not wait for it, so
// the first slide does not pay for the panel code (forms, tables, charts, the
// worker clients). The panels' slots show their placeholder until it arrives.
import type { RevealApi } from 'reveal.js';
import { createBrowserServices } from './browser-services.ts';
import { cancelOnLeave } from './leave.ts';
import { registerPanels } from './register.ts';
import type { OwnedServices } from './services.ts';
import { mountTalkTools } from './toolbar.ts';

/** Builds the page's services once and defines <bench-panel> on them; the caller owns (disposes) them. */
export function startPanels(win: Window): OwnedServices {
  const services = createBrowserServices(win);
  registerPanels(services);
  return services;
}

/** What needs the deck as well: cancel a run when its slide is left, and the talk tools. */
export function attachToDeck(deck: RevealApi, services: OwnedServices): void {
  cancelOnLeave(deck);
  mountTalkTools(services.document, deck, services.store);
}
