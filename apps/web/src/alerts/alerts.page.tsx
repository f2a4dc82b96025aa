/**
 * The alerts feed: escalating threads, incident growth, SLA breaches (a digest of overdue mentions per
 * recipient), failing sources; acknowledge to take ownership. Filters: only mine (addressed to me, my role or the
 * whole team) and only not yet acknowledged.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcknowledgeAlert, useAlerts, useUsers, type AlertFilters } from '../api/queries';
import { navigate } from '../app/router';
import { useFormat } from '../i18n/format';
import { alertTitle, SlaDigestList } from './sla-digest.component';

export function AlertsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<AlertFilters>({ mine: false, open: false });
  const alerts = useAlerts(filters);
  const acknowledge = useAcknowledgeAlert();
  const users = useUsers();
  const nameOf = (id: string | undefined) => users.data?.find((user) => user.id === id)?.displayName ?? id ?? '—';
  return (
    <section className="page" aria-labelledby="alerts-title">
      <h1 id="alerts-title">{t('alerts.title')}</h1>
      <div className="list-toolbar" role="group" aria-label={t('alerts.filters')}>
        <label>
          <input type="checkbox" checked={filters.mine} onChange={(event) => setFilters({ ...filters, mine: event.target.checked })} />{' '}
          {t('alerts.onlyMine')}
        </label>
        <label>
          <input type="checkbox" checked={filters.open} onChange={(event) => setFilters({ ...filters, open: event.target.checked })} />{' '}
          {t('alerts.onlyOpen')}
        </label>
      </div>
      {alerts.isLoading ? <p className="hint">{t('common.loading')}</p> : null}
      {alerts.isError ? (
        <p className="error" role="alert">
          {t('alerts.loadFailed')} {(alerts.error as Error).message}
        </p>
      ) : null}
      {alerts.data?.length === 0 ? <p className="hint">{t('alerts.none')}</p> : null}
      <ol className="alert-list">
        {alerts.data?.map((alert) => (
          <li
            key={alert.id}
            className={`alert-item alert-${alert.level}${alert.acknowledgedAt ? ' is-acknowledged' : ''}`}
            data-alert-id={alert.id}
          >
            <div className="alert-head">
              <span className={`badge alert-level alert-level-${alert.level}`}>
                {t(`alertLevel.${alert.level}`, { defaultValue: alert.level })}
              </span>
              <strong>{alertTitle(t, alert)}</strong>
              <time dateTime={alert.alertedAt}>{format.dateTime(alert.alertedAt)}</time>
              {alert.score !== null ? (
                <span className="hint">{t('alerts.score', { score: format.number(Math.round(alert.score * 100) / 100) })}</span>
              ) : null}
            </div>
            {alert.slaDigest ? <SlaDigestList digest={alert.slaDigest} /> : null}
            {alert.reasons.length && !alert.slaDigest ? (
              <ul className="reasons">
                {alert.reasons.map((reason, index) => (
                  <li key={index}>{reason}</li>
                ))}
              </ul>
            ) : null}
            <div className="alert-actions">
              {alert.mentionId && !alert.slaDigest ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate(`/inbox/${encodeURIComponent(alert.mentionId ?? '')}`)}
                >
                  {t('alerts.openThread')}
                </button>
              ) : null}
              {alert.incidentId ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => navigate(`/incidents/${encodeURIComponent(alert.incidentId ?? '')}`)}
                >
                  {t('alerts.openIncident')}
                </button>
              ) : null}
              {alert.acknowledgedAt ? (
                <span className="hint">
                  {t('alerts.acknowledgedBy', { name: nameOf(alert.acknowledgedBy?.id), time: format.dateTime(alert.acknowledgedAt) })}
                </span>
              ) : (
                <button type="button" className="button" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(alert.id)}>
                  {t('alerts.acknowledge')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
