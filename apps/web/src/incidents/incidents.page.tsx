/**
 * PR's incident view (GUIDE §5): mentions over time, affected count and velocity, scope and places, status
 * and ETA, the time-to-media estimate, statement drafts, and the two bulk actions (notify key accounts
 * privately; one answer to everyone who asked). Loaded on demand: it brings the chart library.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IncidentDetail } from '../api/contract.types';
import { useIncident, useIncidents } from '../api/queries';
import { queryKeys } from '../api/query-keys';
import { navigate } from '../app/router';
import { useApi } from '../app/services';
import { useFormat } from '../i18n/format';
import { CauseBadge, ChannelBadge, SeverityMark } from '../ui/label-badges';
import { useToasts } from '../ui/toasts';

const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'];

function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function IncidentDetailView({ incident }: { incident: IncidentDetail }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const client = useQueryClient();
  const toasts = useToasts();
  const [status, setStatus] = useState(incident.status);
  const [eta, setEta] = useState(toLocalInput(incident.eta));
  const [replyAll, setReplyAll] = useState('');
  useEffect(() => {
    setStatus(incident.status);
    setEta(toLocalInput(incident.eta));
  }, [incident.id, incident.status, incident.eta]);

  const onError = (error: Error) => toasts.show({ tone: 'error', text: error.message });
  const update = useMutation({
    mutationFn: () => api.patch(`/api/incidents/${encodeURIComponent(incident.id)}`, { status, eta: eta ? new Date(eta).toISOString() : null }),
    onSuccess: () => {
      toasts.show({ tone: 'success', text: t('incidents.saved') });
      void client.invalidateQueries({ queryKey: queryKeys.incidents });
    },
    onError,
  });
  const notify = useMutation({
    mutationFn: () => api.post<{ notified?: number }>(`/api/incidents/${encodeURIComponent(incident.id)}/notify-key-accounts`),
    onSuccess: (result) => toasts.show({ tone: 'success', text: t('incidents.notified', { count: result?.notified ?? 0 }) }),
    onError,
  });
  const answerAll = useMutation({
    mutationFn: () => api.post<{ queued?: number }>(`/api/incidents/${encodeURIComponent(incident.id)}/reply-all`, { body: replyAll, visibility: 'public' }),
    onSuccess: (result) => {
      toasts.show({ tone: 'success', text: t('incidents.repliedAll', { count: result?.queued ?? 0 }) });
      setReplyAll('');
      void client.invalidateQueries({ queryKey: queryKeys.mentions });
    },
    onError,
  });

  const statements = incident.statements.filter((statement) => !statement.lang || statement.lang === i18n.language);
  const shown = statements.length ? statements : incident.statements;
  return (
    <article className="incident-detail" aria-labelledby="incident-title">
      <h2 id="incident-title">{incident.title}</h2>
      <dl className="kpis">
        <div>
          <dt>{t('incidents.affected')}</dt>
          <dd>{format.number(incident.affectedCount)}</dd>
        </div>
        <div>
          <dt>{t('incidents.velocity')}</dt>
          <dd>{incident.velocityPerHour !== null ? t('incidents.perHour', { value: format.number(Math.round(incident.velocityPerHour * 10) / 10) }) : '—'}</dd>
        </div>
        <div>
          <dt>{t('incidents.scope')}</dt>
          <dd>
            {t(`scope.${incident.scope}`, { defaultValue: incident.scope })}
            {incident.places.length ? <span className="hint"> · {incident.places.join(', ')}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.criticalData')}</dt>
          <dd className={incident.criticalData ? 'text-danger' : undefined}>{incident.criticalData ? t('common.yes') : t('common.no')}</dd>
        </div>
        <div>
          <dt>{t('incidents.media')}</dt>
          <dd>
            {incident.mediaEstimate?.at ? format.dateTime(incident.mediaEstimate.at) : incident.mediaEstimate?.hours != null ? t('incidents.inHours', { hours: format.number(incident.mediaEstimate.hours) }) : '—'}
            {incident.mediaEstimate?.explanation ? <span className="hint"> · {incident.mediaEstimate.explanation}</span> : null}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.firstSeen')}</dt>
          <dd>{format.dateTime(incident.firstSeenAt)}</dd>
        </div>
      </dl>

      <section aria-label={t('incidents.overTime')}>
        <h3 className="section-title">{t('incidents.overTime')}</h3>
        {incident.timeline.length ? (
          <div className="chart" role="img" aria-label={t('incidents.chartLabel', { count: incident.timeline.reduce((sum, point) => sum + point.count, 0) })}>
            <ResponsiveContainer width="100%" height={200}>
              <AreaChart data={incident.timeline.map((point) => ({ ...point, label: format.time(point.at) }))}>
                <CartesianGrid strokeDasharray="3 3" stroke="#d0d5dd" />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={36} />
                <Tooltip />
                <Area type="monotone" dataKey="count" name={t('incidents.mentions')} stroke="#b42318" fill="#fda29b" isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <p className="hint">{t('incidents.noTimeline')}</p>
        )}
      </section>

      <form
        className="incident-status"
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate();
        }}
      >
        <label className="field-inline">
          <span>{t('incidents.status')}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`incidentStatus.${value}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>{t('incidents.eta')}</span>
          <input type="datetime-local" value={eta} onChange={(event) => setEta(event.target.value)} />
        </label>
        <button type="submit" className="button" disabled={update.isPending}>
          {t('common.save')}
        </button>
        <button type="button" className="button button-secondary" disabled={notify.isPending} onClick={() => notify.mutate()}>
          {t('incidents.notifyKeyAccounts')}
        </button>
      </form>

      <section aria-label={t('incidents.statements')}>
        <h3 className="section-title">{t('incidents.statements')}</h3>
        {shown.length === 0 ? <p className="hint">{t('incidents.noStatements')}</p> : null}
        {shown.map((statement, index) => (
          <div key={index} className="statement">
            <div className="statement-head">
              <span className="badge">{statement.kind ? t(`statementKind.${statement.kind}`, { defaultValue: statement.kind }) : t('incidents.statement')}</span>
              {statement.lang ? <span className="hint">{statement.lang.toUpperCase()}</span> : null}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  void navigator.clipboard?.writeText(statement.text);
                  toasts.show({ tone: 'success', text: t('common.copied') });
                }}
              >
                {t('common.copy')}
              </button>
              <button type="button" className="link-button" onClick={() => setReplyAll(statement.text)}>
                {t('incidents.useForReplyAll')}
              </button>
            </div>
            <p className="statement-text">{statement.text}</p>
          </div>
        ))}
      </section>

      <form
        className="reply-all"
        onSubmit={(event) => {
          event.preventDefault();
          answerAll.mutate();
        }}
      >
        <label className="field">
          <span>{t('incidents.replyAll', { count: incident.mentions.length || incident.mentionCount || 0 })}</span>
          <textarea rows={4} value={replyAll} onChange={(event) => setReplyAll(event.target.value)} />
        </label>
        <p className="hint">{t('incidents.replyAllHint')}</p>
        <button type="submit" className="button button-primary" disabled={!replyAll.trim() || answerAll.isPending}>
          {t('incidents.sendToAll')}
        </button>
      </form>

      {incident.mentions.length ? (
        <section aria-label={t('incidents.mentions')}>
          <h3 className="section-title">{t('incidents.mentions')}</h3>
          <ul className="incident-mentions">
            {incident.mentions.map((mention) => (
              <li key={mention.id}>
                <SeverityMark severity={mention.severity} />
                <ChannelBadge channel={mention.channel} />
                <CauseBadge cause={mention.cause} />
                <button type="button" className="link-button" onClick={() => navigate(`/inbox/${encodeURIComponent(mention.id)}`)}>
                  {mention.author.handle ?? t('mention.unknownAuthor')}
                </button>
                <span className="history-text">{mention.text}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

export default function IncidentsPage({ incidentId }: { incidentId: string | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const incidents = useIncidents();
  const selected = incidentId ?? incidents.data?.find((incident) => incident.status !== 'resolved')?.id ?? incidents.data?.[0]?.id ?? null;
  const detail = useIncident(selected);
  return (
    <div className="split-page">
      <section className="split-list" aria-labelledby="incidents-title">
        <h1 id="incidents-title">{t('incidents.title')}</h1>
        {incidents.isLoading ? <p className="hint">{t('common.loading')}</p> : null}
        {incidents.isError ? (
          <p className="error" role="alert">
            {(incidents.error as Error).message}
          </p>
        ) : null}
        {incidents.data?.length === 0 ? <p className="hint">{t('incidents.none')}</p> : null}
        <ul className="plain-list">
          {incidents.data?.map((incident) => (
            <li key={incident.id}>
              <a
                href={`/incidents/${encodeURIComponent(incident.id)}`}
                className={`list-link${incident.id === selected ? ' is-active' : ''}`}
                aria-current={incident.id === selected ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`/incidents/${encodeURIComponent(incident.id)}`);
                }}
              >
                <strong>{incident.title}</strong>
                <span className="hint">
                  {t(`incidentStatus.${incident.status}`, { defaultValue: incident.status })} · {t('incidents.affectedShort', { count: incident.affectedCount, formatted: format.number(incident.affectedCount) })} ·{' '}
                  {format.dateTime(incident.lastSeenAt ?? incident.firstSeenAt)}
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
      <section className="split-detail">
        {detail.isLoading ? <p className="hint">{t('common.loading')}</p> : null}
        {detail.isError ? (
          <p className="error" role="alert">
            {(detail.error as Error).message}
          </p>
        ) : null}
        {detail.data ? <IncidentDetailView incident={detail.data} /> : null}
      </section>
    </div>
  );
}
