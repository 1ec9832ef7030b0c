// Shared by the browser tests that run panels for real: <bench-panel> defined on
// the page's own services (real workers, localStorage), as src/main.ts does.
import { createBrowserServices } from '../../src/panels/browser-services.ts';
import { registerPanels } from '../../src/panels/register.ts';

export const services = createBrowserServices(window);
registerPanels(services);
