// The one import the deck needs: defines <bench-panel> (declared in the slide
// modules, so defining it upgrades every panel), adds its styles and the "env" button.
import './panel.css';
import { defineBenchPanel } from './bench-panel.ts';
import { mountEnvironmentButton } from './environment.ts';

defineBenchPanel();

/**
 * The env button says "env" but is named "Show the measurement environment":
 * WCAG 2.5.3 (label in name) wants the visible word in the accessible name, so
 * speech users can say what they see. The name keeps its words after it.
 */
function mountEnv(doc: Document): void {
  const button = mountEnvironmentButton(doc);
  const name = button.getAttribute('aria-label') ?? '';
  const text = (button.textContent ?? '').trim();
  if (text && !name.toLowerCase().startsWith(text.toLowerCase())) button.setAttribute('aria-label', `${text}: ${name.charAt(0).toLowerCase()}${name.slice(1)}`);
}

if (typeof document !== 'undefined') {
  if (document.body) mountEnv(document);
  else document.addEventListener('DOMContentLoaded', () => mountEnv(document), { once: true });
}

export { BenchPanel, defineBenchPanel } from './bench-panel.ts';
export { mountEnvironmentButton } from './environment.ts';
