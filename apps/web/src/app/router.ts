/**
 * A few routes need no router library: the path is the state, pushState changes it, popstate follows the
 * back button. The api serves index.html for every non-/api path, so deep links work after a reload.
 */
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (path === currentPath()) return;
  if (options.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  notify();
}

export function currentPath(): string {
  return typeof window === 'undefined' ? '/' : window.location.pathname + window.location.search;
}

export function usePath(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    currentPath,
    () => '/',
  );
}

export type Route =
  | { name: 'inbox'; mentionId: string | null }
  | { name: 'incidents'; incidentId: string | null }
  | { name: 'alerts' }
  | { name: 'dashboard' }
  | { name: 'admin'; tab: string | null }
  | { name: 'login' };

export function parseRoute(path: string): Route {
  const [pathname] = path.split('?');
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'incidents':
      return { name: 'incidents', incidentId: parts[1] ?? null };
    case 'alerts':
      return { name: 'alerts' };
    case 'dashboard':
      return { name: 'dashboard' };
    // Not /admin: the api keeps /admin for itself (the queue dashboard), so a reload there would miss the SPA.
    case 'manage':
      return { name: 'admin', tab: parts[1] ?? null };
    case 'login':
      return { name: 'login' };
    case 'inbox':
      return { name: 'inbox', mentionId: parts[1] ?? null };
    default:
      return { name: 'inbox', mentionId: null };
  }
}
