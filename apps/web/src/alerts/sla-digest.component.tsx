/**
 * The mentions of an SLA breach alert. The worker raises one alert per recipient and check however many
 * mentions breached (an outage's backlog is one alert, not hundreds): how many, the worst few with their due
 * time, each opening in the inbox, and how many more. The alert's reasons say the same in English for API
 * readers, so the page shows this instead.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Alert, SlaDigest } from '../api/contract.types';
import { navigate } from '../app/router';
import { useFormat } from '../i18n/format';

/** The alert's headline: an SLA digest of several says how many. */
export function alertTitle(t: TFunction, alert: Alert): string {
  if (alert.slaDigest && alert.slaDigest.mentionCount > 1) return t('alerts.slaTitle', { count: alert.slaDigest.mentionCount });
  return alert.title ?? t(`alertKind.${alert.kind}`, { defaultValue: alert.kind });
}

export function SlaDigestList({ digest }: { digest: SlaDigest }) {
  const { t } = useTranslation();
  const format = useFormat();
  const more = digest.mentionCount - digest.worst.length;
  return (
    <div className="sla-digest">
      <p>{t('alerts.slaOverdue', { count: digest.mentionCount, formatted: format.number(digest.mentionCount) })}</p>
      <ul className="reasons">
        {digest.worst.map((mention) => (
          <li key={mention.mentionId}>
            <button type="button" className="link-button" onClick={() => navigate(`/inbox/${encodeURIComponent(mention.mentionId)}`)}>
              #{mention.mentionId}
            </button>{' '}
            {t('alerts.slaDue', { time: format.dateTime(mention.dueAt) })} ·{' '}
            {t('labels.severityNamed', { value: t(`severity.${mention.severity ?? 'unknown'}`, { defaultValue: mention.severity }) })} ·{' '}
            {t('alerts.slaPriority', { priority: format.number(mention.priority) })}
          </li>
        ))}
      </ul>
      {more > 0 ? <p className="hint">{t('alerts.slaMore', { count: more, formatted: format.number(more) })}</p> : null}
    </div>
  );
}
