// Shared by the browser tests that run panels for real: <bench-panel> defined on
// the page's own services (real workers, localStorage), as src/main.ts does.
import { createBrowserServices } from '../../src/panels/browser-services.ts';
import { registerPanels } from '../../src/panels/register.ts';

export const services = createBrowserServices(window);
registerPanels(services);

/** A <bench-panel> with these attributes, in the page at a fixed width (it lays itself out by its width). */
export function mountPanel<T extends HTMLElement = HTMLElement>(attrs: Record<string, string>, width = 620): T {
  const el = document.createElement('bench-panel');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.style.cssText = `display:block;width:${width}px`;
  document.body.append(el);
  return el as T;
}

/** The cells of a panel's results table, row by row. */
export const tableRows = (el: Element): string[][] =>
  [...el.querySelectorAll('.bp-table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent ?? ''));
