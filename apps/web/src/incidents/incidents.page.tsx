/**
 * PR's incident view (GUIDE §5): mentions over time, affected count and velocity, scope and places, status
 * and ETA, the time-to-media estimate, statement drafts, and the two bulk actions (notify key accounts
 * privately; one answer to everyone who asked). Loaded on demand: it brings the chart library.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Incident, IncidentDetail } from '../api/contract.types';
import { useIncident, useIncidents, useIncidentStatements } from '../api/queries';
import { queryKeys } from '../api/query-keys';
import { navigate } from '../app/router';
import { useApi, useSession } from '../app/services';
import { can } from '../auth/permissions';
import { useFormat } from '../i18n/format';
import { CauseBadge, ChannelBadge, SeverityMark } from '../ui/label-badges';
import { useToasts } from '../ui/toasts';
import { MergeIncident } from './merge-incident.component';

function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface KeyAccountNotice {
  name: string;
  contact: string;
  lang: string;
  draft: string;
}

interface ReplyAllReport {
  counts?: Record<string, number>;
  remaining?: number;
}

function IncidentDetailView({ incident, incidents }: { incident: IncidentDetail; incidents: readonly Incident[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const client = useQueryClient();
  const toasts = useToasts();
  const statements = useIncidentStatements(incident.id);
  const manage = can(useSession()?.workspace.role, 'manageIncidents');
  const [status, setStatus] = useState(incident.status);
  const [eta, setEta] = useState(toLocalInput(incident.eta));
  const [position, setPosition] = useState('');
  const [notices, setNotices] = useState<KeyAccountNotice[]>([]);
  const [report, setReport] = useState<ReplyAllReport | null>(null);
  useEffect(() => {
    setStatus(incident.status);
    setEta(toLocalInput(incident.eta));
  }, [incident.id, incident.status, incident.eta]);

  const onError = (error: Error) => toasts.show({ tone: 'error', text: error.message });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: queryKeys.incidents });
  };
  const update = useMutation({
    mutationFn: () =>
      api.patch(`/api/incidents/${encodeURIComponent(incident.id)}`, {
        ...(status !== incident.status ? { status } : {}),
        eta: eta ? new Date(eta).toISOString() : null,
      }),
    onSuccess: () => {
      toasts.show({ tone: 'success', text: t('incidents.saved') });
      refresh();
    },
    onError,
  });
  const notify = useMutation({
    mutationFn: () => api.post<{ accounts?: KeyAccountNotice[] }>(`/api/incidents/${encodeURIComponent(incident.id)}/notify-key-accounts`),
    onSuccess: (result) => {
      setNotices(result?.accounts ?? []);
      toasts.show({ tone: 'success', text: t('incidents.notified', { count: result?.accounts?.length ?? 0 }) });
    },
    onError,
  });
  const answerAll = useMutation({
    mutationFn: () =>
      api.post<ReplyAllReport>(
        `/api/incidents/${encodeURIComponent(incident.id)}/reply-all`,
        position.trim() ? { template: position.trim() } : {},
      ),
    onSuccess: (result) => {
      setReport(result);
      toasts.show({
        tone: 'success',
        text: t('incidents.repliedAll', { count: (result?.counts?.queued ?? 0) + (result?.counts?.pending_approval ?? 0) }),
      });
      void client.invalidateQueries({ queryKey: queryKeys.mentions });
      refresh();
    },
    onError,
  });

  const language = i18n.language === 'ru' ? 'ru' : 'en';
  const placeName = (place: IncidentDetail['places'][number]) => (language === 'ru' ? place.ru : place.en);
  const statusOptions = [incident.status, ...incident.nextStatuses.filter((value) => value !== incident.status)];
  const media = incident.media;
  return (
    <article className="incident-detail" aria-labelledby="incident-title">
      <h2 id="incident-title">{incident.title}</h2>
      <dl className="kpis">
        <div>
          <dt>{t('incidents.affected')}</dt>
          <dd>
            {format.number(incident.knownAffected ?? incident.affectedCount)}
            {incident.mentionCount !== null ? (
              <span className="hint">
                {' '}
                · {t('incidents.mentionsCount', { count: incident.mentionCount, formatted: format.number(incident.mentionCount) })}
              </span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.velocity')}</dt>
          <dd>
            {incident.velocityPerHour !== null
              ? t('incidents.perHour', { value: format.number(Math.round(incident.velocityPerHour * 10) / 10) })
              : '—'}
            {incident.velocityTrend ? (
              <span className="hint"> · {t(`trend.${incident.velocityTrend}`, { defaultValue: incident.velocityTrend })}</span>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.scope')}</dt>
          <dd>{t(`scope.${incident.scope}`, { defaultValue: incident.scope })}</dd>
        </div>
        <div>
          <dt>{t('incidents.criticalData')}</dt>
          <dd className={incident.criticalData ? 'text-danger' : undefined}>{incident.criticalData ? t('common.yes') : t('common.no')}</dd>
        </div>
        <div>
          <dt>{t('incidents.media')}</dt>
          <dd>
            {media?.expectedFrom
              ? `${format.dateTime(media.expectedFrom)} – ${format.time(media.expectedBy)}`
              : t('incidents.mediaUnlikely')}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.eta')}</dt>
          <dd>{incident.eta ? format.dateTime(incident.eta) : '—'}</dd>
        </div>
      </dl>
      {incident.places.length || incident.scopeExplanation.length ? (
        <p className="hint">
          {incident.places.length ? `${t('incidents.places')}: ${incident.places.map(placeName).join(', ')}. ` : ''}
          {incident.scopeExplanation.join(' ')}
        </p>
      ) : null}
      {media && media.explanation.length ? (
        <details className="media-why">
          <summary>{t('incidents.mediaWhy')}</summary>
          <ul className="reasons">
            {media.explanation.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </details>
      ) : null}

      <section aria-label={t('incidents.overTime')}>
        <h3 className="section-title">{t('incidents.overTime')}</h3>
        {incident.timeline.length ? (
          <div
            className="chart"
            role="img"
            aria-label={t('incidents.chartLabel', { count: incident.timeline.reduce((sum, point) => sum + point.count, 0) })}
          >
            <ResponsiveContainer width="100%" height={200}>
              <AreaChart data={incident.timeline.map((point) => ({ ...point, label: format.time(point.at) }))}>
                <CartesianGrid strokeDasharray="3 3" stroke="#d0d5dd" />
                <XAxis dataKey="label" tick={{ fontSize: 12 }} />
                <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={36} />
                <Tooltip />
                <Area
                  type="monotone"
                  dataKey="count"
                  name={t('incidents.mentions')}
                  stroke="#b42318"
                  fill="#fda29b"
                  isAnimationActive={false}
                />
                <Area
                  type="monotone"
                  dataKey="authors"
                  name={t('incidents.authors')}
                  stroke="#0072B2"
                  fill="#9ecae1"
                  fillOpacity={0.4}
                  isAnimationActive={false}
                />
              </AreaChart>
            </ResponsiveContainer>
          </div>
        ) : (
          <p className="hint">{t('incidents.noTimeline')}</p>
        )}
      </section>

      {manage ? (
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
              {statusOptions.map((value) => (
                <option key={value} value={value}>
                  {t(`incidentStatus.${value}`, { defaultValue: value })}
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
      ) : null}
      {manage ? <MergeIncident incident={incident} incidents={incidents} /> : null}
      {notices.length ? (
        <section aria-label={t('incidents.keyAccountDrafts')}>
          <h3 className="section-title">{t('incidents.keyAccountDrafts')}</h3>
          {notices.map((notice) => (
            <div key={`${notice.name}-${notice.contact}`} className="statement">
              <div className="statement-head">
                <strong>{notice.name}</strong> <span className="hint">{notice.contact}</span>
              </div>
              <p className="statement-text">{notice.draft}</p>
            </div>
          ))}
        </section>
      ) : null}

      <section aria-label={t('incidents.statements')}>
        <h3 className="section-title">{t('incidents.statements')}</h3>
        {statements.isError ? <p className="error">{(statements.error as Error).message}</p> : null}
        {statements.data
          ? (['notFixed', 'fixed'] as const).map((kind) => (
              <div key={kind} className={`statement${statements.data.recommended === kind ? ' is-recommended' : ''}`}>
                <div className="statement-head">
                  <span className="badge">{t(`statementKind.${kind}`)}</span>
                  {statements.data.recommended === kind ? <span className="badge badge-intent">{t('incidents.recommended')}</span> : null}
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      void navigator.clipboard?.writeText(statements.data[kind][language]);
                      toasts.show({ tone: 'success', text: t('common.copied') });
                    }}
                  >
                    {t('common.copy')}
                  </button>
                </div>
                <p className="statement-text" lang={language}>
                  {statements.data[kind][language]}
                </p>
              </div>
            ))
          : null}
        {statements.data?.warnings.length ? (
          <ul className="reasons">
            {statements.data.warnings.map((warning, index) => (
              <li key={index}>{warning}</li>
            ))}
          </ul>
        ) : null}
      </section>

      {manage ? (
        <form
          className="reply-all"
          onSubmit={(event) => {
            event.preventDefault();
            answerAll.mutate();
          }}
        >
          <label className="field">
            <span>{t('incidents.replyAllPosition')}</span>
            <textarea rows={3} maxLength={600} value={position} onChange={(event) => setPosition(event.target.value)} />
          </label>
          <p className="hint">{t('incidents.replyAllHint')}</p>
          <button type="submit" className="button button-primary" disabled={answerAll.isPending}>
            {t('incidents.replyAll', { count: incident.mentionCount ?? incident.mentions.length })}
          </button>
          {report?.counts ? (
            <p className="hint" role="status">
              {Object.entries(report.counts)
                .filter(([, count]) => count > 0)
                .map(([key, count]) => `${t(`replyAllStatus.${key}`, { defaultValue: key })}: ${format.number(count)}`)
                .join(' · ')}
              {report.remaining ? ` · ${t('incidents.remaining', { count: report.remaining })}` : ''}
            </p>
          ) : null}
        </form>
      ) : null}

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
                  {t(`incidentStatus.${incident.status}`, { defaultValue: incident.status })} ·{' '}
                  {t('incidents.affectedShort', { count: incident.affectedCount, formatted: format.number(incident.affectedCount) })} ·{' '}
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
        {detail.data ? <IncidentDetailView incident={detail.data} incidents={incidents.data ?? []} /> : null}
      </section>
    </div>
  );
}
