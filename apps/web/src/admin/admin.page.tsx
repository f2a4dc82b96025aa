/**
 * Administration: users and roles, sources (connect, edit, health, test, enable/disable, delete), notification
 * channels (add, edit, test, delete), SLA and policy
 * settings, and the audit log. Each tab is a plain table or form; the api enforces who may change what.
 */
import { SEVERITIES } from '@otklik/labels';
import { WARN_RULE_IDS } from '@otklik/reply-rules';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationChannel, Role, SlaPolicy, SourceInfo } from '../api/contract.types';
import {
  useAudit,
  useChannelKinds,
  useConnectionTest,
  useNotificationChannels,
  useSourceChannels,
  useSources,
  useUsers,
} from '../api/queries';
import { queryKeys } from '../api/query-keys';
import { navigate } from '../app/router';
import { useApi, useSession } from '../app/services';
import { can } from '../auth/permissions';
import { useFormat } from '../i18n/format';
import { ConfirmDialog } from '../ui/confirm.dialog';
import { useToasts } from '../ui/toasts';
import { ChannelForm } from './channel-form.component';
import { SourceForm } from './source-form.component';

const TABS = ['users', 'sources', 'channels', 'settings', 'audit'] as const;
type Tab = (typeof TABS)[number];
const ROLES: Role[] = ['agent', 'lead', 'pr', 'admin'];

function useAction<T, R = unknown>(fn: (input: T) => Promise<R>, invalidate: readonly unknown[], success: string) {
  const client = useQueryClient();
  const toasts = useToasts();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      toasts.show({ tone: 'success', text: success });
      void client.invalidateQueries({ queryKey: invalidate });
    },
    onError: (error: Error) => toasts.show({ tone: 'error', text: error.message }),
  });
}

function UsersTab() {
  const { t } = useTranslation();
  const manage = can(useSession()?.workspace.role, 'manageUsers');
  const api = useApi();
  const users = useUsers();
  const [form, setForm] = useState({ email: '', displayName: '', role: 'agent' as Role });
  // A new account's one-time password is shown only in the invite response: show it once, here.
  const [created, setCreated] = useState<{ email: string; password: string | null } | null>(null);
  const create = useAction(
    (input: typeof form) => api.post<{ oneTimePassword?: string | null }>('/api/users', input),
    queryKeys.users,
    t('admin.userCreated'),
  );
  const changeRole = useAction(
    (input: { id: string; role: Role }) => api.patch(`/api/users/${encodeURIComponent(input.id)}`, { role: input.role }),
    queryKeys.users,
    t('admin.saved'),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(form, {
      onSuccess: (result) => {
        setCreated({ email: form.email, password: result?.oneTimePassword ?? null });
        setForm({ email: '', displayName: '', role: 'agent' });
      },
    });
  };
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">{t('admin.tabs.users')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.email')}</th>
            <th scope="col">{t('admin.role')}</th>
          </tr>
        </thead>
        <tbody>
          {users.data?.map((user) => (
            <tr key={user.id}>
              <td>{user.displayName}</td>
              <td>{user.email}</td>
              <td>
                <label className="visually-hidden" htmlFor={`role-${user.id}`}>
                  {t('admin.roleOf', { name: user.displayName })}
                </label>
                <select
                  id={`role-${user.id}`}
                  value={user.role}
                  disabled={!manage}
                  onChange={(event) => changeRole.mutate({ id: user.id, role: event.target.value as Role })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`role.${role}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {users.isError ? <p className="error">{(users.error as Error).message}</p> : null}
      {manage ? (
        <form className="inline-form" onSubmit={submit} aria-label={t('admin.addUser')}>
          <h2 className="section-title">{t('admin.addUser')}</h2>
          <label className="field">
            <span>{t('admin.email')}</span>
            <input type="email" required value={form.email} onChange={(event) => setForm({ ...form, email: event.target.value })} />
          </label>
          <label className="field">
            <span>{t('admin.name')}</span>
            <input required value={form.displayName} onChange={(event) => setForm({ ...form, displayName: event.target.value })} />
          </label>
          <label className="field">
            <span>{t('admin.role')}</span>
            <select value={form.role} onChange={(event) => setForm({ ...form, role: event.target.value as Role })}>
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`role.${role}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={create.isPending}>
            {t('admin.create')}
          </button>
          {created ? (
            <p className="notice" role="status">
              {created.password
                ? t('admin.oneTimePassword', { email: created.email })
                : t('admin.existingAccount', { email: created.email })}
              {created.password ? (
                <>
                  {' '}
                  <code className="secret">{created.password}</code>
                </>
              ) : null}
            </p>
          ) : null}
        </form>
      ) : null}
    </>
  );
}

/** The outcome of a connection test, kept beside the row it belongs to until the next one. */
type TestOutcome = { id: string; ok: boolean; kind: string | null; message: string } | null;

/** A table's one-row message when the list is empty. */
function EmptyRow({ columns, shown, text }: { columns: number; shown: boolean; text: string }) {
  return shown ? (
    <tr>
      <td colSpan={columns} className="hint">
        {text}
      </td>
    </tr>
  ) : null;
}

/** A table's one-row message when its list could not be loaded. */
function ErrorRow({ columns, error }: { columns: number; error: Error | null }) {
  return error ? (
    <tr>
      <td colSpan={columns} className="error">
        {error.message}
      </td>
    </tr>
  ) : null;
}

function TestResult({ outcome, id }: { outcome: TestOutcome; id: string }) {
  const { t } = useTranslation();
  if (!outcome || outcome.id !== id) return null;
  const kind = t(`errorKind.${outcome.kind ?? 'error'}`, { defaultValue: outcome.kind ?? '' });
  return (
    <div className={`test-result ${outcome.ok ? 'test-ok' : 'test-failed'}`} role="status">
      <strong>{outcome.ok ? t('admin.testOk') : t('admin.testFailed', { kind })}</strong> {outcome.message}
    </div>
  );
}

type Managed = { id: string; name: string };
type ManagedKind = 'sources' | 'notification-channels';

/**
 * What the sources and the channels tabs share: the connection test with its outcome, and deleting one
 * after a confirmation (`texts` is the i18n section: deleteTitle, deleteBody, deleted).
 */
function useManagedList<T extends Managed>(kind: ManagedKind, texts: 'sources' | 'channels') {
  const { t } = useTranslation();
  const api = useApi();
  const toasts = useToasts();
  const client = useQueryClient();
  const queryKey = kind === 'sources' ? queryKeys.sources : queryKeys.notificationChannels;
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [outcome, setOutcome] = useState<TestOutcome>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const test = useConnectionTest(kind);
  const remove = useMutation({
    mutationFn: (id: string) => api.delete(`/api/${kind}/${encodeURIComponent(id)}`),
    onSuccess: () => {
      toasts.show({ tone: 'success', text: t(`${texts}.deleted`, { name: deleting?.name ?? '' }) });
      setDeleting(null);
      void client.invalidateQueries({ queryKey });
    },
  });
  const runTest = (id: string) =>
    test.mutate(id, {
      onSuccess: (result) => setOutcome({ id, ...result }),
      onError: (error) => setOutcome({ id, ok: false, kind: null, message: error.message }),
    });
  const dialog = (
    <ConfirmDialog
      open={deleting !== null}
      title={t(`${texts}.deleteTitle`, { name: deleting?.name ?? '' })}
      body={t(`${texts}.deleteBody`)}
      confirmLabel={t('common.delete')}
      pending={remove.isPending}
      error={remove.error?.message ?? null}
      onConfirm={() => deleting && remove.mutate(deleting.id)}
      onCancel={() => {
        setDeleting(null);
        remove.reset();
      }}
    />
  );
  /** Test, (extra), change and delete buttons for one row, each named with the row. */
  const actions = (item: T, testLabel: string, extra: ReactNode = null) => (
    <div className="row-actions">
      <button
        type="button"
        className="button button-secondary"
        aria-label={t(`${texts}.testOf`, { name: item.name })}
        disabled={test.isPending}
        onClick={() => runTest(item.id)}
      >
        {testLabel}
      </button>
      {extra}
      <button
        type="button"
        className="button button-secondary"
        aria-label={t(`${texts}.editOf`, { name: item.name })}
        onClick={() => setEditing(item)}
      >
        {t('common.edit')}
      </button>
      <button
        type="button"
        className="button button-secondary"
        aria-label={t(`${texts}.deleteOf`, { name: item.name })}
        onClick={() => setDeleting(item)}
      >
        {t('common.delete')}
      </button>
    </div>
  );
  return { editing, setEditing, outcome, dialog, actions };
}

function SourcesTab() {
  const { t } = useTranslation();
  const manage = can(useSession()?.workspace.role, 'manageSources');
  const format = useFormat();
  const api = useApi();
  const toasts = useToasts();
  const sources = useSources();
  const channels = useSourceChannels();
  const list = useManagedList<SourceInfo>('sources', 'sources');
  const [connected, setConnected] = useState<SourceInfo | null>(null);
  const toggle = useAction(
    (input: { id: string; enabled: boolean }) =>
      api.post(`/api/sources/${encodeURIComponent(input.id)}/${input.enabled ? 'enable' : 'disable'}`),
    queryKeys.sources,
    t('admin.saved'),
  );
  const { editing, setEditing } = list;
  return (
    <>
      {manage && editing === null ? (
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          {t('sources.connect')}
        </button>
      ) : null}
      {editing !== null && channels.data ? (
        <SourceForm
          channels={channels.data}
          source={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            if (created) setConnected(saved);
            toasts.show({ tone: 'success', text: created ? t('sources.connected', { name: saved.name }) : t('admin.saved') });
          }}
        />
      ) : null}
      {channels.isError && editing !== null ? <p className="error">{(channels.error as Error).message}</p> : null}
      {connected?.webhookPath ? (
        <p className="notice" role="status">
          {t('sources.webhookAt', { name: connected.name })} <code>{`${window.location.origin}${connected.webhookPath}`}</code>
        </p>
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{t('admin.tabs.sources')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.channel')}</th>
            <th scope="col">{t('admin.health')}</th>
            <th scope="col">{t('admin.lastPoll')}</th>
            <th scope="col">{t('admin.ingested')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          <EmptyRow columns={6} shown={sources.data?.length === 0} text={t('sources.none')} />
          {sources.data?.map((source) => (
            <tr key={source.id} data-source-id={source.id}>
              <td>
                {source.name}
                {source.brand ? <div className="hint">{source.brand.name}</div> : null}
              </td>
              <td>{t(`channel.${source.channel}`, { defaultValue: source.channel })}</td>
              <td>
                <span className={`badge health-${source.enabled ? source.health : 'disabled'}`}>
                  {source.enabled ? t(`health.${source.health}`, { defaultValue: source.health }) : t('health.disabled')}
                </span>
                {source.pausedUntil ? (
                  <div className="hint">{t('sources.pausedUntil', { time: format.dateTime(source.pausedUntil) })}</div>
                ) : null}
                {source.lastError ? <div className="hint text-danger">{source.lastError}</div> : null}
                {source.deadLetters > 0 ? <div className="hint">{t('sources.deadLetters', { count: source.deadLetters })}</div> : null}
                <TestResult outcome={list.outcome} id={source.id} />
              </td>
              <td>{source.lastPollAt ? format.dateTime(source.lastPollAt) : '—'}</td>
              <td>{format.number(source.mentionsIngested)}</td>
              <td>
                {manage
                  ? list.actions(
                      source,
                      t('admin.test'),
                      <button
                        type="button"
                        className="button button-secondary"
                        aria-label={t(source.enabled ? 'sources.disableOf' : 'sources.enableOf', { name: source.name })}
                        onClick={() => toggle.mutate({ id: source.id, enabled: !source.enabled })}
                      >
                        {source.enabled ? t('admin.disable') : t('admin.enable')}
                      </button>,
                    )
                  : null}
              </td>
            </tr>
          ))}
          <ErrorRow columns={6} error={sources.error} />
        </tbody>
      </table>
      {list.dialog}
    </>
  );
}

function ChannelsTab() {
  const { t } = useTranslation();
  const toasts = useToasts();
  const format = useFormat();
  const channels = useNotificationChannels();
  const kinds = useChannelKinds();
  const list = useManagedList<NotificationChannel>('notification-channels', 'channels');
  const { editing, setEditing } = list;
  return (
    <>
      {editing === null ? (
        <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
          {t('channels.add')}
        </button>
      ) : null}
      {editing !== null && kinds.data ? (
        <ChannelForm
          kinds={kinds.data}
          channel={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            toasts.show({ tone: 'success', text: t('channels.saved', { name: saved.name }) });
          }}
        />
      ) : null}
      <table className="table">
        <caption className="visually-hidden">{t('admin.tabs.channels')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.name')}</th>
            <th scope="col">{t('admin.kind')}</th>
            <th scope="col">{t('admin.enabled')}</th>
            <th scope="col">{t('channels.lastDelivery')}</th>
            <th scope="col">{t('admin.actions')}</th>
          </tr>
        </thead>
        <tbody>
          <EmptyRow columns={5} shown={channels.data?.length === 0} text={t('admin.noChannels')} />
          {channels.data?.map((channel) => (
            <tr key={channel.id}>
              <td>
                {channel.name}
                <TestResult outcome={list.outcome} id={channel.id} />
              </td>
              <td>{t(`channelKind.${channel.kind}`, { defaultValue: channel.kind })}</td>
              <td>{channel.enabled ? t('common.yes') : t('common.no')}</td>
              <td>
                {channel.lastDelivery ? (
                  <>
                    {format.dateTime(channel.lastDelivery.at)} · {channel.lastDelivery.status}
                    {channel.lastDelivery.lastError ? <div className="hint text-danger">{channel.lastDelivery.lastError}</div> : null}
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>{list.actions(channel, t('admin.sendTest'))}</td>
            </tr>
          ))}
          <ErrorRow columns={5} error={channels.error} />
        </tbody>
      </table>
      {list.dialog}
    </>
  );
}

function SettingsTab() {
  const { t } = useTranslation();
  const api = useApi();
  const settings = useQuery({ queryKey: queryKeys.settings, queryFn: () => api.get<SlaPolicy>('/api/settings') });
  const [draft, setDraft] = useState<SlaPolicy | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  const save = useAction(
    (value: SlaPolicy) =>
      api.request('PUT', '/api/settings', {
        body: {
          slaFirstResponseMinutes: value.slaFirstResponseMinutes,
          slaResolutionMinutes: value.slaResolutionMinutes,
          slaDueSoonMinutes: value.slaDueSoonMinutes,
          timeZone: value.timeZone,
          replyPolicy: {
            enabledWarnRules: value.replyPolicy.enabledWarnRules,
            bannedPhrases: value.replyPolicy.bannedPhrases,
            privateContact: value.replyPolicy.privateContact || null,
          },
        },
      }),
    queryKeys.settings,
    t('admin.saved'),
  );
  if (settings.isError) return <p className="error">{(settings.error as Error).message}</p>;
  if (!draft) return <p className="hint">{t('common.loading')}</p>;
  const setMinutes = (kind: 'slaFirstResponseMinutes' | 'slaResolutionMinutes', severity: string, value: number) =>
    setDraft({ ...draft, [kind]: { ...draft[kind], [severity]: value } });
  return (
    <form
      className="settings-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(draft);
      }}
    >
      <table className="table">
        <caption>{t('admin.slaTargets')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('facet.severity')}</th>
            <th scope="col">{t('sla.firstResponse')}</th>
            <th scope="col">{t('sla.resolution')}</th>
          </tr>
        </thead>
        <tbody>
          {[...SEVERITIES].reverse().map((severity) => (
            <tr key={severity}>
              <th scope="row">{t(`severity.${severity}`)}</th>
              {(['slaFirstResponseMinutes', 'slaResolutionMinutes'] as const).map((kind) => (
                <td key={kind}>
                  <label>
                    <span className="visually-hidden">
                      {t(kind === 'slaFirstResponseMinutes' ? 'sla.firstResponse' : 'sla.resolution')} · {t(`severity.${severity}`)}
                    </span>
                    <input
                      type="number"
                      min={1}
                      value={draft[kind]?.[severity] ?? ''}
                      onChange={(event) => setMinutes(kind, severity, Number(event.target.value))}
                    />
                  </label>{' '}
                  {t('admin.minutes')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <label className="field">
        <span>{t('admin.timeZone')}</span>
        <input value={draft.timeZone ?? ''} onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })} />
      </label>
      <label className="field">
        <span>{t('admin.dueSoon')}</span>
        <input
          type="number"
          min={1}
          value={draft.slaDueSoonMinutes ?? ''}
          onChange={(event) => setDraft({ ...draft, slaDueSoonMinutes: Number(event.target.value) })}
        />
      </label>
      <fieldset className="facet">
        <legend className="section-title">{t('admin.warnRules')}</legend>
        <p className="hint">{t('admin.warnRulesHint')}</p>
        {WARN_RULE_IDS.map((rule) => (
          <label key={rule} className="facet-option">
            <input
              type="checkbox"
              checked={draft.replyPolicy.enabledWarnRules.includes(rule)}
              onChange={(event) =>
                setDraft({
                  ...draft,
                  replyPolicy: {
                    ...draft.replyPolicy,
                    enabledWarnRules: event.target.checked
                      ? [...draft.replyPolicy.enabledWarnRules, rule]
                      : draft.replyPolicy.enabledWarnRules.filter((item) => item !== rule),
                  },
                })
              }
            />
            {t(`rule.${rule}`)}
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>{t('admin.bannedPhrases')}</span>
        <textarea
          rows={3}
          value={draft.replyPolicy.bannedPhrases.join('\n')}
          onChange={(event) =>
            setDraft({
              ...draft,
              replyPolicy: { ...draft.replyPolicy, bannedPhrases: event.target.value.split('\n').filter((line) => line.trim()) },
            })
          }
        />
      </label>
      <label className="field">
        <span>{t('admin.privateContact')}</span>
        <input
          value={draft.replyPolicy.privateContact ?? ''}
          onChange={(event) => setDraft({ ...draft, replyPolicy: { ...draft.replyPolicy, privateContact: event.target.value } })}
        />
      </label>
      <button type="submit" className="button" disabled={save.isPending}>
        {t('common.save')}
      </button>
    </form>
  );
}

function AuditTab() {
  const { t } = useTranslation();
  const format = useFormat();
  const audit = useAudit();
  return (
    <table className="table">
      <caption className="visually-hidden">{t('admin.tabs.audit')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.when')}</th>
          <th scope="col">{t('admin.who')}</th>
          <th scope="col">{t('admin.action')}</th>
          <th scope="col">{t('admin.details')}</th>
        </tr>
      </thead>
      <tbody>
        {audit.data?.map((entry) => (
          <tr key={entry.id}>
            <td>{format.dateTime(entry.at)}</td>
            <td>{entry.actor?.displayName ?? t('admin.system')}</td>
            <td>
              <code>{entry.action}</code>
              {entry.targetType ? (
                <span className="hint">
                  {' '}
                  {entry.targetType} {entry.targetId}
                </span>
              ) : null}
            </td>
            <td className="audit-details">{Object.keys(entry.details).length ? JSON.stringify(entry.details) : ''}</td>
          </tr>
        ))}
        <ErrorRow columns={4} error={audit.error} />
      </tbody>
    </table>
  );
}

export default function AdminPage({ tab }: { tab: string | null }) {
  const { t } = useTranslation();
  const role = useSession()?.workspace.role;
  const tabs = TABS.filter((id) => id !== 'audit' || can(role, 'viewAudit'));
  const current: Tab = tabs.includes(tab as Tab) ? (tab as Tab) : 'users';
  return (
    <section className="page" aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <nav className="tabs" aria-label={t('admin.sections')}>
        {tabs.map((id) => (
          <a
            key={id}
            href={`/manage/${id}`}
            className={`tab${current === id ? ' is-active' : ''}`}
            aria-current={current === id ? 'page' : undefined}
            onClick={(event) => {
              event.preventDefault();
              navigate(`/manage/${id}`);
            }}
          >
            {t(`admin.tabs.${id}`)}
          </a>
        ))}
      </nav>
      {current === 'users' ? <UsersTab /> : null}
      {current === 'sources' ? <SourcesTab /> : null}
      {current === 'channels' ? <ChannelsTab /> : null}
      {current === 'settings' ? <SettingsTab /> : null}
      {current === 'audit' ? <AuditTab /> : null}
    </section>
  );
}
