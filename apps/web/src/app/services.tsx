/** The app's long-lived objects, created once in main.tsx (or by a test) and handed down by context. */
import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import type { InboxEvent } from '../api/contract.types';
import type { Session, SessionStore } from '../auth/session-store';
import type { LiveEvents, LiveState } from './live-events';

export interface AppServices {
  api: ApiClient;
  session: SessionStore;
  events: LiveEvents;
}

const ServicesContext = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesProvider is missing');
  return services;
}

export function useApi(): ApiClient {
  return useServices().api;
}

export function useSession(): Session | null {
  const { session } = useServices();
  return useSyncExternalStore(
    (listener) => session.subscribe(listener),
    () => session.current(),
  );
}

/** Calls the latest handler for every live event, without resubscribing on each render. */
export function useLiveEvent(handler: (event: InboxEvent) => void): void {
  const { events } = useServices();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => events.subscribe((event) => latest.current(event)), [events]);
}

export function useLiveState(): LiveState {
  const { events } = useServices();
  return useSyncExternalStore(
    (listener) => events.onState(listener),
    () => events.state,
  );
}
