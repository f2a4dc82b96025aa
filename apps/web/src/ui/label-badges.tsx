/**
 * Badges for the classifier's labels and the SLA clock, shared by the list, the conversation and incidents.
 * Each is a pure renderer taking `t` and the formatter (the inbox rows call them with one hook per row: the
 * list renders a new window of rows on every scroll frame) plus a component wrapper for everywhere else.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { MentionSummary } from '../api/contract.types';
import { useFormat, type Formatter } from '../i18n/format';

/** A padlock drawn inline (emoji glyphs are missing on some systems' fonts). */
export function LockIcon() {
  return (
    <svg className="icon" width="11" height="12" viewBox="0 0 11 12" aria-hidden="true" focusable="false">
      <rect x="1" y="5" width="9" height="7" rx="1.5" fill="currentColor" />
      <path d="M3 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export function severityMark(t: TFunction, severity: string | null) {
  const value = severity ?? 'unknown';
  return (
    <span
      className={`severity-mark severity-${value}`}
      role="img"
      aria-label={t('labels.severityNamed', { value: t(`severity.${value}`) })}
    />
  );
}

export function causeBadge(t: TFunction, cause: string | null) {
  if (!cause) return null;
  return (
    <span className={`badge badge-cause cause-${cause}`} title={t(`causeHint.${cause}`, { defaultValue: '' })}>
      {t(`cause.${cause}`, { defaultValue: cause })}
    </span>
  );
}

export function intentBadge(t: TFunction, intent: string | null) {
  if (!intent) return null;
  return <span className={`badge badge-intent intent-${intent}`}>{t(`intent.${intent}`, { defaultValue: intent })}</span>;
}

export function channelBadge(t: TFunction, channel: string, isPrivate?: boolean) {
  return (
    <span className="badge badge-channel">
      {t(`channel.${channel}`, { defaultValue: channel })}
      {isPrivate ? ` · ${t('mention.private')}` : ''}
    </span>
  );
}

export function reach(t: TFunction, format: Formatter, author: MentionSummary['author']) {
  if (author.followers === null) return null;
  return (
    <span className="reach" title={t('mention.followers', { count: author.followers, formatted: format.number(author.followers) })}>
      <span aria-hidden="true">◉ </span>
      <span className="visually-hidden">{t('mention.reach')} </span>
      {format.compact(author.followers)}
      {author.verified ? <span title={t('mention.verified')}> ✓</span> : null}
      {author.kind && author.kind !== 'person' ? (
        <span className="author-kind"> {t(`authorKind.${author.kind}`, { defaultValue: author.kind })}</span>
      ) : null}
    </span>
  );
}

/** Time left to the SLA target; red and "overdue" once breached, quiet once answered. */
export function slaCountdown(t: TFunction, format: Formatter, dueAt: string | null, doneAt: string | null | undefined, now: number) {
  if (!dueAt) return null;
  if (doneAt) return <span className="sla sla-done">{t('sla.met', { time: format.time(doneAt) })}</span>;
  const left = new Date(dueAt).getTime() - now;
  if (Number.isNaN(left)) return null;
  if (left < 0) return <span className="sla sla-breached">{t('sla.overdue', { duration: format.duration(left) })}</span>;
  return <span className={`sla ${left < 15 * 60_000 ? 'sla-soon' : ''}`}>{t('sla.left', { duration: format.duration(left) })}</span>;
}

export function SeverityMark({ severity }: { severity: string | null }) {
  const { t } = useTranslation();
  return severityMark(t, severity);
}

export function SeverityBadge({ severity }: { severity: string | null }) {
  const { t } = useTranslation();
  const value = severity ?? 'unknown';
  return <span className={`badge badge-severity severity-${value}`}>{t(`severity.${value}`)}</span>;
}

export function CauseBadge({ cause }: { cause: string | null }) {
  const { t } = useTranslation();
  return causeBadge(t, cause);
}

export function IntentBadge({ intent }: { intent: string | null }) {
  const { t } = useTranslation();
  return intentBadge(t, intent);
}

export function ChannelBadge({ channel, isPrivate }: { channel: string; isPrivate?: boolean }) {
  const { t } = useTranslation();
  return channelBadge(t, channel, isPrivate);
}

export function Reach({ author }: { author: MentionSummary['author'] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return reach(t, format, author);
}

export function SlaCountdown({ dueAt, doneAt, now }: { dueAt: string | null; doneAt?: string | null; now: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  return slaCountdown(t, format, dueAt, doneAt, now);
}
