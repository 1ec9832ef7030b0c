// The one import the deck needs: defines <bench-panel>, adds its styles and
// the "env" button. `import './panels/register.ts'` in src/main.ts.
import './panel.css';
import { defineBenchPanel } from './bench-panel.ts';
import { mountEnvironmentButton } from './environment.ts';

defineBenchPanel();
if (typeof document !== 'undefined') {
  if (document.body) mountEnvironmentButton(document);
  else document.addEventListener('DOMContentLoaded', () => mountEnvironmentButton(document), { once: true });
}

export { BenchPanel, defineBenchPanel } from './bench-panel.ts';
export { upgradeBenchSlots, SLOT_PANELS } from './slots.ts';
export { mountEnvironmentButton } from './environment.ts';
