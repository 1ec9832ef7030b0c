// The one import the deck needs: defines <bench-panel> (declared in the slide
// modules, so defining it upgrades every panel), adds its styles and the "env" button.
import './panel.css';
import { defineBenchPanel } from './bench-panel.ts';
import { mountEnvironmentButton } from './environment.ts';

defineBenchPanel();
if (typeof document !== 'undefined') {
  if (document.body) mountEnvironmentButton(document);
  else document.addEventListener('DOMContentLoaded', () => mountEnvironmentButton(document), { once: true });
}

export { BenchPanel, defineBenchPanel } from './bench-panel.ts';
export { mountEnvironmentButton } from './environment.ts';
