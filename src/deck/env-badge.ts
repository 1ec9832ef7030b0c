// A corner badge saying whether this page is cross-origin isolated, because the
// shared-memory slides only work when it is.

export function mountEnvBadge(doc: Document, isolated: boolean, cores: number): HTMLElement {
  const badge = doc.createElement('div');
  badge.className = `env-badge ${isolated ? 'is-isolated' : 'not-isolated'}`;
  badge.setAttribute('role', 'status');
  badge.textContent = `crossOriginIsolated: ${isolated ? 'yes' : 'no'} · ${cores} cores`;
  badge.title = isolated
    ? 'SharedArrayBuffer and 5 µs timers are available in this page.'
    : 'Not isolated: SharedArrayBuffer is unavailable and timers are coarse. Serve with COOP/COEP (npm start, npm run preview) or from the built site with its service worker.';
  doc.body.append(badge);
  return badge;
}
