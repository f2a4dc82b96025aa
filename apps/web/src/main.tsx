import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient, ApiError } from './api/api-client';
import { App } from './app/app';
import { LiveEvents } from './app/live-events';
import { navigate } from './app/router';
import { SessionStore } from './auth/session-store';
import { createI18n } from './i18n/i18n';
import './styles/app.css';

const session = new SessionStore();
const i18n = createI18n();
const api = new ApiClient(session, '', undefined, () => i18n.language);
const events = new LiveEvents(api);
const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not heal by retrying; network blips and 5xx get two more tries.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});
// What the API writes for people (explanations, policy messages) follows the interface language: refetch on a switch.
i18n.on('languageChanged', () => void queryClient.invalidateQueries());
api.onSessionEnded = () => {
  events.stop();
  queryClient.clear();
  navigate('/login', { replace: true });
};

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App services={{ api, session, events }} queryClient={queryClient} i18n={i18n} />
  </StrictMode>,
);
