/**
 * The signed-in frame: navigation, workspace switcher (from /api/me), language, live-connection state, and
 * the current screen. Screens with charts load on demand so the inbox's first load stays small.
 */
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlertWatcher } from '../alerts/alert-watcher.hook';
import { AlertsPage } from '../alerts/alerts.page';
import { useMe } from '../api/queries';
import { InboxPage } from '../inbox/inbox.page';
import { can } from '../auth/permissions';
import { LanguageSwitch } from '../i18n/language-switch.component';
import { navigate, type Route } from './router';
import { useLiveState, useServices, useSession } from './services';

const IncidentsPage = lazy(() => import('../incidents/incidents.page'));
const DashboardPage = lazy(() => import('../dashboard/dashboard.page'));
const AdminPage = lazy(() => import('../admin/admin.page'));

function NavLink({ to, active, children }: { to: string; active: boolean; children: React.ReactNode }) {
  return (
    <a
      href={to}
      className={`nav-link${active ? ' is-active' : ''}`}
      aria-current={active ? 'page' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

function WorkspaceSwitch() {
  const { t } = useTranslation();
  const { api } = useServices();
  const client = useQueryClient();
  const me = useMe();
  const session = useSession();
  const memberships = me.data?.memberships ?? (session ? [session.workspace] : []);
  if (memberships.length <= 1) return <span className="workspace-name">{session?.workspace.name}</span>;
  return (
    <label className="field-inline">
      <span className="visually-hidden">{t('shell.workspace')}</span>
      <select
        value={session?.workspace.id}
        onChange={async (event) => {
          await api.switchWorkspace(event.target.value);
          client.clear();
          navigate('/inbox');
        }}
      >
        {memberships.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name} · {t(`role.${workspace.role}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AppShell({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { api, events } = useServices();
  const client = useQueryClient();
  const session = useSession();
  const live = useLiveState();
  const unacknowledged = useAlertWatcher();
  const workspaceId = session?.workspace.id;

  // One stream per signed-in workspace; a switch reopens it with the new workspace's token.
  useEffect(() => {
    if (!workspaceId) return;
    events.restart();
    return () => events.stop();
  }, [events, workspaceId]);

  const role = session?.workspace.role;
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t('shell.skip')}
      </a>
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ◐
          </span>{' '}
          Otklik
        </span>
        <nav aria-label={t('shell.nav')} className="nav">
          <NavLink to="/inbox" active={route.name === 'inbox'}>
            {t('nav.inbox')}
          </NavLink>
          <NavLink to="/incidents" active={route.name === 'incidents'}>
            {t('nav.incidents')}
          </NavLink>
          <NavLink to="/alerts" active={route.name === 'alerts'}>
            {t('nav.alerts')}
            {unacknowledged > 0 ? (
              <span className="count-badge" aria-label={t('nav.unacknowledged', { count: unacknowledged })}>
                {unacknowledged > 99 ? '99+' : unacknowledged}
              </span>
            ) : null}
          </NavLink>
          {can(role, 'viewStats') ? (
            <NavLink to="/dashboard" active={route.name === 'dashboard'}>
              {t('nav.dashboard')}
            </NavLink>
          ) : null}
          {can(role, 'openAdmin') ? (
            <NavLink to="/manage" active={route.name === 'admin'}>
              {t('nav.admin')}
            </NavLink>
          ) : null}
        </nav>
        <span className="spacer" />
        <span className={`live live-${live}`} role="status" title={t(`live.${live}`)}>
          <span aria-hidden="true">●</span> {t(`live.${live}`)}
        </span>
        <WorkspaceSwitch />
        <LanguageSwitch />
        <span className="user-name" title={session?.user.email}>
          {session?.user.displayName}
        </span>
        <button
          type="button"
          className="button button-secondary"
          onClick={async () => {
            await api.logout();
            client.clear();
            navigate('/login');
          }}
        >
          {t('shell.logout')}
        </button>
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Suspense fallback={<p className="hint page-loading">{t('common.loading')}</p>}>
          {route.name === 'inbox' ? <InboxPage openId={route.mentionId} /> : null}
          {route.name === 'incidents' ? <IncidentsPage incidentId={route.incidentId} /> : null}
          {route.name === 'alerts' ? <AlertsPage /> : null}
          {route.name === 'dashboard' ? <DashboardPage /> : null}
          {route.name === 'admin' ? <AdminPage tab={route.tab} /> : null}
        </Suspense>
      </main>
    </div>
  );
}
