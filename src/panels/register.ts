// What the deck calls once to have live panels: defines <bench-panel> on the
// services the composition root built (declared in the slide modules, so
// defining it upgrades every panel), and adds its styles and the "env" button.
import './panel.css';
import { BenchPanel } from './bench-panel.ts';
import { mountEnvironmentButton } from './environment.ts';
import type { Services } from './services.ts';

/**
 * The env button says "env" but is named "Show the measurement environment":
 * WCAG 2.5.3 (label in name) wants the visible word in the accessible name, so
 * speech users can say what they see. The name keeps its words after it.
 */
function mountEnv(services: Services): void {
  const button = mountEnvironmentButton(services.document, services.environment);
  const name = button.getAttribute('aria-label') ?? '';
  const text = (button.textContent ?? '').trim();
  if (text && !name.toLowerCase().startsWith(text.toLowerCase())) button.setAttribute('aria-label', `${text}: ${name.charAt(0).toLowerCase()}${name.slice(1)}`);
}

export const BENCH_PANEL_TAG = 'bench-panel';

/** Defines <bench-panel> with these services: every panel of the page shares them. */
export function defineBenchPanel(services: Services, registry: CustomElementRegistry = customElements): void {
  if (registry.get(BENCH_PANEL_TAG)) return;
  let count = 0;
  registry.define(
    BENCH_PANEL_TAG,
    class extends BenchPanel {
      constructor() {
        super(services, `bp${++count}`);
      }
    },
  );
}

/** The panels of this page, on `services`; call once (main.ts, or a test with services of its own). */
export function registerPanels(services: Services, registry: CustomElementRegistry = customElements): void {
  defineBenchPanel(services, registry);
  const doc = services.document;
  if (doc.body) mountEnv(services);
  else doc.addEventListener('DOMContentLoaded', () => mountEnv(services), { once: true });
}

export { BenchPanel, mountEnvironmentButton };
