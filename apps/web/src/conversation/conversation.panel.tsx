/**
 * One mention in full: the thread around it, the labels with the classifier's reasons, the customer's earlier
 * mentions and cases, the composer, replies with delivery status, internal notes and the SLA clocks.
 */
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionDetail, Role } from '../api/contract.types';
import { useConversationAction, useMention, useUsers } from '../api/queries';
import { navigate } from '../app/router';
import { can } from '../auth/permissions';
import { Composer, type ComposerHandle } from '../composer/composer.component';
import { useFormat } from '../i18n/format';
import { CauseBadge, ChannelBadge, IntentBadge, LockIcon, Reach, SeverityBadge, SlaCountdown } from '../ui/label-badges';
import { useToasts } from '../ui/toasts';
import { useNow } from '../ui/use-now.hook';
import { Notes, type NotesHandle } from './notes.component';

export interface ConversationHandle {
  focusComposer(): void;
  focusNotes(): void;
}

interface ConversationProps {
  mentionId: string;
  role: Role;
  currentUserId: string | null;
  onClaim(id: string): void;
  onRelease(id: string): void;
  onStatus(id: string, status: string): void;
  onAssign(id: string, userId: string | null): void;
  onSnooze(id: string, until: string): void;
  onClose(): void;
}

/** Snooze choices: back in an hour, in four hours, or at 9:00 tomorrow (local time). */
export function snoozeUntil(choice: string, now = new Date()): string | null {
  if (choice === '1h') return new Date(now.getTime() + 3_600_000).toISOString();
  if (choice === '4h') return new Date(now.getTime() + 4 * 3_600_000).toISOString();
  if (choice === 'tomorrow') {
    const next = new Date(now);
    next.setDate(next.getDate() + 1);
    next.setHours(9, 0, 0, 0);
    return next.toISOString();
  }
  return null;
}

const STATUSES = ['new', 'open', 'pending', 'resolved', 'spam', 'do_not_engage'];

function Labels({ mention }: { mention: MentionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (mention.labels.length === 0) return <p className="hint">{t('conversation.unlabelled')}</p>;
  return (
    <dl className="labels">
      {mention.labels.map((label) => (
        <div key={label.name} className="label-row">
          <dt>{t(`labelName.${label.name}`, { defaultValue: label.name })}</dt>
          <dd>
            <details>
              <summary>
                {label.value === null ? '—' : t(`${label.name}.${label.value}`, { defaultValue: label.value })}
                {label.confidence !== null ? <span className="hint"> · {format.percent(label.confidence)}</span> : null}
              </summary>
              {label.reasons.length ? (
                <ul className="reasons">
                  {label.reasons.map((reason, index) => (
                    <li key={index}>{reason}</li>
                  ))}
                </ul>
              ) : (
                <p className="hint">{t('conversation.noReasons')}</p>
              )}
            </details>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Thread({ mention }: { mention: MentionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const posts = mention.thread.length ? mention.thread : [];
  if (posts.length <= 1) return null;
  return (
    <section aria-label={t('conversation.thread')}>
      <h3 className="section-title">{t('conversation.thread')}</h3>
      <ol className="thread">
        {posts.map((post) => (
          <li
            key={post.id}
            className={`thread-post relation-${post.relation}${post.fromBrand ? ' from-brand' : ''}`}
            aria-current={post.isCurrent || undefined}
          >
            <div className="thread-meta">
              <span className="badge">{t(`relation.${post.relation}`)}</span>
              <strong>{post.author.handle ?? t('mention.unknownAuthor')}</strong>
              {post.fromBrand ? <span className="badge">{t('conversation.brand')}</span> : null} ·{' '}
              <time dateTime={post.publishedAt}>{format.dateTime(post.publishedAt)}</time>
              {!post.isCurrent && post.id ? (
                <button type="button" className="link-button" onClick={() => navigate(`/inbox/${encodeURIComponent(post.id)}`)}>
                  {t('conversation.openPost')}
                </button>
              ) : null}
            </div>
            <p>{post.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

function History({ mention }: { mention: MentionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (mention.authorHistory.length === 0 && mention.authorCases.length === 0) return null;
  const summary = mention.authorSummary;
  return (
    <section aria-label={t('conversation.history')}>
      <h3 className="section-title">{t('conversation.history')}</h3>
      {summary && summary.earlier > 0 ? (
        <p className={summary.unanswered > 0 || summary.answeredLate > 0 ? 'notice notice-warn' : 'hint'}>
          {t('conversation.historySummary', {
            earlier: format.number(summary.earlier),
            unanswered: format.number(summary.unanswered),
            late: format.number(summary.answeredLate),
            cases: format.number(summary.cases),
          })}
          {summary.longestWaitSeconds
            ? ` ${t('conversation.longestWait', { duration: format.duration(summary.longestWaitSeconds * 1000) })}`
            : ''}
        </p>
      ) : null}
      <ul className="history">
        {mention.authorCases.map((item) => (
          <li key={`case-${item.id}`}>
            <span className="badge">{t('conversation.case')}</span> {t(`caseStatus.${item.status}`, { defaultValue: item.status })} ·{' '}
            {format.date(item.createdAt)}
          </li>
        ))}
        {mention.authorHistory.map((item) => (
          <li key={item.id}>
            <button type="button" className="link-button" onClick={() => navigate(`/inbox/${encodeURIComponent(item.id)}`)}>
              {format.date(item.publishedAt)} · {t(`status.${item.status}`, { defaultValue: item.status })}
            </button>{' '}
            <CauseBadge cause={item.cause} /> <span className="history-text">{item.text}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Replies({ mention, role }: { mention: MentionDetail; role: Role }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const action = useConversationAction(mention.id);
  const [rejecting, setRejecting] = useState<{ id: string; reason: string } | null>(null);
  const approver = can(role, 'approveReplies');
  const run = (input: Parameters<typeof action.mutate>[0]) =>
    action.mutate(input, {
      onError: (error) => toasts.show({ tone: 'error', text: error instanceof Error ? error.message : String(error) }),
    });
  if (mention.replies.length === 0) return null;
  return (
    <section aria-label={t('conversation.replies')}>
      <h3 className="section-title">{t('conversation.replies')}</h3>
      <ol className="replies">
        {mention.replies.map((reply) => (
          <li key={reply.id} className={`reply reply-${reply.visibility}`}>
            <div className="reply-meta">
              <span className="badge">{t(`composer.${reply.visibility}`)}</span>
              <span className={`badge delivery delivery-${reply.status}`}>
                {t(`delivery.${reply.status}`, { defaultValue: reply.status })}
              </span>
              {reply.author ? <strong>{reply.author.displayName}</strong> : null}
              <time dateTime={reply.sentAt ?? reply.createdAt}>{format.dateTime(reply.sentAt ?? reply.createdAt)}</time>
              {reply.platformUrl ? (
                <a href={reply.platformUrl} target="_blank" rel="noreferrer">
                  {t('conversation.viewOnPlatform')}
                </a>
              ) : null}
            </div>
            <p>{reply.body}</p>
            {reply.failureReason ? <p className="error">{reply.failureReason}</p> : null}
            {reply.overrideReason ? <p className="hint">{t('conversation.overridden', { reason: reply.overrideReason })}</p> : null}
            {reply.status === 'pending_approval' && approver ? (
              <div className="reply-approval">
                <button
                  type="button"
                  className="button button-primary"
                  disabled={action.isPending}
                  onClick={() => run({ kind: 'approve', replyId: reply.id })}
                >
                  {t('conversation.approve')}
                </button>
                {rejecting?.id === reply.id ? (
                  <form
                    className="field-inline"
                    onSubmit={(event) => {
                      event.preventDefault();
                      run({ kind: 'reject', replyId: reply.id, reason: rejecting.reason.trim() });
                      setRejecting(null);
                    }}
                  >
                    <label className="field-inline">
                      <span>{t('conversation.rejectReason')}</span>
                      <input
                        value={rejecting.reason}
                        minLength={3}
                        required
                        onChange={(event) => setRejecting({ id: reply.id, reason: event.target.value })}
                      />
                    </label>
                    <button type="submit" className="button">
                      {t('conversation.reject')}
                    </button>
                  </form>
                ) : (
                  <button type="button" className="button button-secondary" onClick={() => setRejecting({ id: reply.id, reason: '' })}>
                    {t('conversation.reject')}
                  </button>
                )}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The private case: its clocks, and the steps that close it (the customer confirmed; resolved). */
function CaseBlock({ mention }: { mention: MentionDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const toasts = useToasts();
  const action = useConversationAction(mention.id);
  const item = mention.case;
  if (!item) return null;
  const run = (input: Parameters<typeof action.mutate>[0]) =>
    action.mutate(input, {
      onError: (error) => toasts.show({ tone: 'error', text: error instanceof Error ? error.message : String(error) }),
    });
  return (
    <section className="case-block" aria-label={t('conversation.caseTitle')}>
      <h3 className="section-title">{t('conversation.caseTitle')}</h3>
      <p>
        {t('conversation.privateCase', { channel: item.privateChannel })} · {t(`caseStatus.${item.status}`, { defaultValue: item.status })}{' '}
        · {format.dateTime(item.createdAt)}
        {item.customerConfirmedAt ? (
          <span className="hint"> · {t('conversation.confirmedAt', { time: format.dateTime(item.customerConfirmedAt) })}</span>
        ) : null}
      </p>
      {item.status === 'open' ? (
        <div className="conversation-actions">
          {!item.customerConfirmedAt ? (
            <button
              type="button"
              className="button button-secondary"
              disabled={action.isPending}
              onClick={() => run({ kind: 'confirm', caseId: item.id })}
            >
              {t('conversation.customerConfirmed')}
            </button>
          ) : null}
          <button
            type="button"
            className="button"
            disabled={action.isPending}
            onClick={() => run({ kind: 'resolveCase', caseId: item.id })}
          >
            {t('conversation.resolveCase')}
          </button>
        </div>
      ) : null}
      <p className="hint">{t('conversation.lastWord')}</p>
    </section>
  );
}

function Clocks({ mention }: { mention: MentionDetail }) {
  const { t } = useTranslation();
  const now = useNow(5000);
  return (
    <dl className="clocks">
      <div>
        <dt>{t('sla.firstResponse')}</dt>
        <dd>
          <SlaCountdown dueAt={mention.sla.firstResponseDueAt} doneAt={mention.sla.firstResponseAt} now={now} />
          {!mention.sla.firstResponseDueAt ? '—' : null}
        </dd>
      </div>
      <div>
        <dt>{t('sla.resolution')}</dt>
        <dd>
          <SlaCountdown dueAt={mention.sla.resolutionDueAt} doneAt={mention.sla.resolvedAt} now={now} />
          {!mention.sla.resolutionDueAt ? '—' : null}
        </dd>
      </div>
    </dl>
  );
}

export const Conversation = forwardRef<ConversationHandle, ConversationProps>(function Conversation(
  { mentionId, role, currentUserId, onClaim, onRelease, onStatus, onAssign, onSnooze, onClose },
  ref,
) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useMention(mentionId);
  const users = useUsers();
  const composer = useRef<ComposerHandle>(null);
  const notes = useRef<NotesHandle>(null);
  useImperativeHandle(ref, () => ({ focusComposer: () => composer.current?.focus(), focusNotes: () => notes.current?.focus() }), []);

  if (query.isLoading) return <div className="conversation is-loading">{t('common.loading')}</div>;
  if (query.isError || !query.data) {
    return (
      <div className="conversation">
        <p className="error" role="alert">
          {t('conversation.loadFailed')} {(query.error as Error | null)?.message}
        </p>
      </div>
    );
  }
  const mention = query.data;
  const mine = Boolean(currentUserId && mention.claimedBy?.id === currentUserId);
  return (
    <article className="conversation" aria-labelledby="conversation-title">
      <header className="conversation-head">
        <div className="conversation-title-row">
          <h2 id="conversation-title">
            {mention.author.handle ?? t('mention.unknownAuthor')} <Reach author={mention.author} />
          </h2>
          <button type="button" className="icon-button" aria-label={t('conversation.close')} onClick={onClose}>
            ×
          </button>
        </div>
        <div className="badges">
          <SeverityBadge severity={mention.severity} />
          <ChannelBadge channel={mention.channel} isPrivate={mention.isPrivate} />
          <IntentBadge intent={mention.intent} />
          <CauseBadge cause={mention.cause} />
          {mention.criticalData ? <span className="badge badge-critical-data">{t('mention.criticalData')}</span> : null}
          {mention.case ? (
            <span className="badge badge-case">{t('conversation.privateCase', { channel: mention.case.privateChannel })}</span>
          ) : null}
        </div>
        {mention.cause === 'black_pr' ? <p className="notice notice-warn">{t('conversation.blackPrNotice')}</p> : null}
        {mention.cause === 'piling_on' ? <p className="notice">{t('conversation.pilingOnNotice')}</p> : null}
        <div className="conversation-actions">
          {mention.claimedBy && !mine ? (
            <span className="claim" role="status">
              <LockIcon /> {t('mention.claimedBy', { name: mention.claimedBy.displayName })}
            </span>
          ) : null}
          {mine ? (
            <button type="button" className="button button-secondary" onClick={() => onRelease(mention.id)}>
              {t('actions.release')}
            </button>
          ) : (
            <button type="button" className="button" onClick={() => onClaim(mention.id)} aria-keyshortcuts="c">
              {t('actions.claim')}
            </button>
          )}
          {can(role, 'assign') ? (
            <label className="field-inline">
              <span>{t('actions.assign')}</span>
              <select value={mention.assignee?.id ?? ''} onChange={(event) => onAssign(mention.id, event.target.value || null)}>
                <option value="">{t('actions.nobody')}</option>
                {(users.data ?? []).map((user) => (
                  <option key={user.id} value={user.id}>
                    {user.displayName}
                  </option>
                ))}
              </select>
            </label>
          ) : mention.assignee ? (
            <span className="hint">
              {t('actions.assignedTo', {
                name: (users.data ?? []).find((user) => user.id === mention.assignee?.id)?.displayName ?? mention.assignee.displayName,
              })}
            </span>
          ) : null}
          <label className="field-inline">
            <span>{t('actions.status')}</span>
            <select value={mention.status} onChange={(event) => onStatus(mention.id, event.target.value)}>
              {STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`status.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            <span>{t('actions.snooze')}</span>
            <select
              value=""
              onChange={(event) => {
                const until = snoozeUntil(event.target.value);
                if (until) onSnooze(mention.id, until);
              }}
            >
              <option value="">—</option>
              <option value="1h">{t('actions.snooze1h')}</option>
              <option value="4h">{t('actions.snooze4h')}</option>
              <option value="tomorrow">{t('actions.snoozeTomorrow')}</option>
            </select>
          </label>
          {mention.status !== 'resolved' ? (
            <button type="button" className="button" onClick={() => onStatus(mention.id, 'resolved')} aria-keyshortcuts="e">
              {t('actions.resolve')}
            </button>
          ) : null}
        </div>
      </header>

      <section className="original" aria-label={t('conversation.original')}>
        <div className="thread-meta">
          <time dateTime={mention.publishedAt}>{format.dateTime(mention.publishedAt)}</time>
          {mention.url ? (
            <a href={mention.url} target="_blank" rel="noreferrer">
              {t('conversation.openOriginal')}
            </a>
          ) : null}
        </div>
        <p className="original-text" lang={mention.lang ?? undefined}>
          {mention.text}
        </p>
      </section>

      <Clocks mention={mention} />
      <Thread mention={mention} />
      <Composer key={mention.id} ref={composer} mention={mention} role={role} />
      <Replies mention={mention} role={role} />
      <CaseBlock mention={mention} />
      <Notes ref={notes} mentionId={mention.id} notes={mention.notes} />
      <section aria-label={t('conversation.labels')}>
        <h3 className="section-title">{t('conversation.labels')}</h3>
        <Labels mention={mention} />
      </section>
      <History mention={mention} />
    </article>
  );
});
