/**
 * Renders components with the real providers and a scripted api: `routes` answers by method and path, so
 * a test states exactly what the server says and can assert what the client sent.
 */
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { QueryClientProvider } from '@tanstack/react-query';
import { ApiClient } from '../api/api-client';
import { LiveEvents } from '../app/live-events';
import { ServicesProvider, type AppServices } from '../app/services';
import { SessionStore } from '../auth/session-store';
import { createI18n, type Language } from '../i18n/i18n';
import { ToastProvider } from '../ui/toasts';

export interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

export type Route = (call: Call) => { status?: number; body?: unknown } | undefined;

class MemoryStorage implements Storage {
  private data = new Map<string, string>();
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  key(index: number) {
    return [...this.data.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

export function createHarness(route: Route, options: { role?: 'agent' | 'lead' | 'pr' | 'admin'; language?: Language } = {}) {
  const calls: Call[] = [];
  const session = new SessionStore(new MemoryStorage());
  session.save({
    accessToken: 'access-token',
    refreshToken: 'refresh-token-refresh-token',
    expiresIn: 900,
    user: { id: 'u-me', email: 'me@example.com', displayName: 'Me', locale: 'en' },
    workspace: { id: 'w-1', name: 'Test', slug: 'test', role: options.role ?? 'agent' },
  });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const call: Call = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const answer = route(call) ?? {
      status: 404,
      body: { type: 'urn:otklik:problem:not-found', title: 'Not found', status: 404, detail: `${call.method} ${call.path}` },
    };
    const status = answer.status ?? 200;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
  }) as typeof fetch;
  const api = new ApiClient(session, '', fetchImpl);
  const services: AppServices = { api, session, events: new LiveEvents(api) };
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const i18n = createI18n(options.language ?? 'en');
  const wrap = (node: ReactNode) => (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ServicesProvider services={services}>
          <ToastProvider>{node}</ToastProvider>
        </ServicesProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
  return { calls, services, queryClient, i18n, wrap, render: (node: ReactNode) => render(wrap(node)) };
}
