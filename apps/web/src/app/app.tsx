/** Providers and the signed-in / signed-out switch. Everything stateful is created by the caller. */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import * as Tooltip from '@radix-ui/react-tooltip';
import type { i18n } from 'i18next';
import { useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { LoginPage } from '../auth/login.page';
import { ToastProvider } from '../ui/toasts';
import { AppShell } from './app-shell';
import { navigate, parseRoute, usePath } from './router';
import { ServicesProvider, useSession, type AppServices } from './services';

function Screens() {
  const session = useSession();
  const path = usePath();
  const route = parseRoute(path);

  useEffect(() => {
    if (!session && route.name !== 'login') navigate('/login', { replace: true });
    if (session && route.name === 'login') navigate('/inbox', { replace: true });
  }, [session, route.name]);

  if (!session) return <LoginPage onSignedIn={() => navigate('/inbox', { replace: true })} />;
  return <AppShell route={route.name === 'login' ? { name: 'inbox', mentionId: null } : route} />;
}

export function App({ services, queryClient, i18n }: { services: AppServices; queryClient: QueryClient; i18n: i18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ServicesProvider services={services}>
          <Tooltip.Provider delayDuration={300}>
            <ToastProvider>
              <Screens />
            </ToastProvider>
          </Tooltip.Provider>
        </ServicesProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
