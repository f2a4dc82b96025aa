/**
 * Posts one queued reply through the connector of the source its mention came in through, so that a retry
 * never posts twice and every ending is stored on the reply row.
 *
 * The "maybe posted" marker: `outcome_unknown` is set before the platform is called and cleared only when
 * the platform answered (posted, or refused). A timeout, a 5xx or a process killed mid-call leave it set,
 * and the next attempt asks the connector's `findSent` before posting (`deliverReply`); a platform with no
 * way to look (Telegram) is not resent blindly: the reply fails with a reason and a person checks the thread.
 *
 * Connector errors become reply endings here, in one place:
 * - transient → retried with the queue's backoff; on the last attempt, failed with the reason;
 * - rate_limited → the job waits exactly what the platform said;
 * - not_permitted → failed (a closed DM gets the fall-back the inbox shows: invite them publicly);
 * - auth_revoked → failed, the source marked failing, a `source_failing` alert;
 * - bad_request → failed with the reason.
 */
import type { DataSource } from 'typeorm';
import { ConnectorError, deliverReply, outcomeUnknown, type Connector, type OutboundMessage } from '@otklik/connectors';
import type { CredentialCipher } from '@otklik/persistence';
import { sourceSettings, type ConnectorResolver } from '../pipeline/connector-resolver';
import { raiseSourceAlert } from '../pipeline/poll-source';
import { loadMention, loadReply, loadSource, normalisedMentionOf } from './outbound-target';

export const NO_OUTBOUND_REASON = 'channel has no outbound';
export const DM_CLOSED_REASON = 'direct messages closed for this user: invite them publicly';
/** A platform asking us to wait longer than this is treated as a refusal (a person decides what to do). */
export const MAX_RATE_LIMIT_WAIT_MS = 26 * 3_600_000;

export type SendOutcome =
  | { status: 'sent'; workspaceId: string; mentionId: string; platformId: string; url: string | null; recovered: boolean }
  | { status: 'failed'; workspaceId: string; mentionId: string; reason: string }
  | { status: 'skipped'; reason: string }
  | { status: 'retry'; workspaceId: string; mentionId: string; error: Error }
  | { status: 'delayed'; workspaceId: string; mentionId: string; until: number; reason: string };

export interface SendAttempt {
  /** True when the queue will not try again after this attempt: a retryable failure then ends the reply. */
  finalAttempt: boolean;
  now?: () => number;
}

export interface SendDeps {
  dataSource: DataSource;
  connectors: ConnectorResolver;
  cipher: CredentialCipher;
}

function canSend(connector: Connector | null, visibility: 'public' | 'private'): connector is Connector {
  if (!connector) return false;
  return visibility === 'private'
    ? Boolean(connector.sendPrivate && connector.capabilities.privateMessage)
    : Boolean(connector.replyPublic && connector.capabilities.publicReply);
}

export async function failReply(dataSource: DataSource, replyId: string, reason: string, outcomeStillUnknown = false): Promise<boolean> {
  // UPDATE ... RETURNING inside a CTE: TypeORM gives plain rows for a SELECT (for a bare UPDATE it gives [rows, count]).
  const rows: unknown[] = await dataSource.query(
    `WITH failed AS (UPDATE reply SET status = 'failed', failure_reason = $2, outcome_unknown = $3 WHERE id = $1 AND status = 'queued' RETURNING id)
     SELECT id FROM failed`,
    [replyId, reason.slice(0, 1_000), outcomeStillUnknown],
  );
  return rows.length > 0;
}

export async function sendQueuedReply(deps: SendDeps, replyId: string, attempt: SendAttempt): Promise<SendOutcome> {
  const { dataSource } = deps;
  const now = attempt.now ?? Date.now;
  const reply = await loadReply(dataSource, replyId);
  if (!reply) return { status: 'skipped', reason: 'reply deleted' };
  if (reply.status !== 'queued') return { status: 'skipped', reason: `reply is ${reply.status}` };
  const ids = { workspaceId: reply.workspace_id, mentionId: reply.mention_id };
  const fail = async (reason: string, stillUnknown = false): Promise<SendOutcome> => {
    await failReply(dataSource, reply.id, reason, stillUnknown);
    return { status: 'failed', ...ids, reason };
  };

  const mention = await loadMention(dataSource, reply.mention_id);
  if (!mention) return { status: 'skipped', reason: 'mention deleted' };
  const source = mention.source_id ? await loadSource(dataSource, mention.source_id) : null;
  if (!source) return fail(`${NO_OUTBOUND_REASON} (the mention's source was deleted)`);
  const connector = deps.connectors.get(source.channel, source.options);
  if (!canSend(connector, reply.visibility)) return fail(NO_OUTBOUND_REASON);

  // Claim the attempt: remember what the previous one left, and mark this one "maybe posted" before calling out.
  const claimed: { previous: boolean; attempts: number }[] = await dataSource.query(
    `WITH claimed AS (
       UPDATE reply r SET outcome_unknown = true, attempted_at = now(), attempts = r.attempts + 1
         FROM (SELECT id, outcome_unknown FROM reply WHERE id = $1 FOR UPDATE) previous
        WHERE r.id = previous.id AND r.status = 'queued'
       RETURNING previous.outcome_unknown AS previous, r.attempts)
     SELECT previous, attempts FROM claimed`,
    [reply.id],
  );
  if (claimed.length === 0) return { status: 'skipped', reason: 'reply no longer queued' };
  const previousOutcomeUnknown = claimed[0].previous;

  let settings;
  try {
    settings = sourceSettings(source, deps.cipher);
  } catch (error) {
    return fail(`source credentials unreadable: ${(error as Error).message}`, previousOutcomeUnknown);
  }
  const message: OutboundMessage = {
    source: settings,
    idempotencyKey: reply.idempotency_key,
    visibility: reply.visibility,
    body: reply.body,
    inReplyTo: normalisedMentionOf(mention),
  };

  try {
    const sent = await deliverReply(connector, message, { previousOutcomeUnknown });
    await dataSource.query(
      `UPDATE reply SET status = 'sent', platform_id = $2, platform_url = $3, sent_at = now(), outcome_unknown = false, failure_reason = NULL
        WHERE id = $1 AND status = 'queued'`,
      [reply.id, sent.platformId, sent.url],
    );
    return { status: 'sent', ...ids, platformId: sent.platformId, url: sent.url, recovered: previousOutcomeUnknown };
  } catch (error) {
    if (!(error instanceof ConnectorError)) {
      // Not the platform's answer (a bug, the database): nothing is known of the post; retry, and look first next time.
      if (attempt.finalAttempt) return fail(`gave up: ${(error as Error).message} (it may have been posted: check the thread)`, true);
      return { status: 'retry', ...ids, error: error as Error };
    }
    // The platform answered with a refusal: nothing was posted by this attempt. An earlier unknown stays unknown.
    const stillUnknown = outcomeUnknown(error) || previousOutcomeUnknown;
    if (!outcomeUnknown(error)) await dataSource.query('UPDATE reply SET outcome_unknown = $2 WHERE id = $1', [reply.id, stillUnknown]);
    const maybePosted = stillUnknown ? ' (an earlier attempt may have been posted: check the thread)' : '';
    switch (error.kind) {
      case 'transient':
        if (attempt.finalAttempt) return fail(`gave up after ${claimed[0].attempts} attempts: ${error.message}${maybePosted}`, true);
        return { status: 'retry', ...ids, error };
      case 'rate_limited': {
        const until = error.details.resumeAt ? Date.parse(error.details.resumeAt) : now() + (error.details.retryAfterMs ?? 60_000);
        if (!Number.isFinite(until) || until - now() > MAX_RATE_LIMIT_WAIT_MS) {
          return fail(`rate limited for longer than ${MAX_RATE_LIMIT_WAIT_MS / 3_600_000} h: ${error.message}${maybePosted}`, stillUnknown);
        }
        return { status: 'delayed', ...ids, until: Math.max(until, now()), reason: error.message };
      }
      case 'not_permitted':
        return fail(reply.visibility === 'private' ? DM_CLOSED_REASON : `the platform refused a public reply here: ${error.message}`, stillUnknown);
      case 'auth_revoked':
        await dataSource.query(`UPDATE source SET health = 'failing', last_error = $2 WHERE id = $1`, [source.id, `auth_revoked: ${error.message}`.slice(0, 1_000)]);
        await raiseSourceAlert(dataSource, source, error);
        return fail(`the source's credentials were refused: ${error.message}${maybePosted}`, stillUnknown);
      case 'bad_request':
        return fail(`${error.message}${maybePosted}`, stillUnknown);
    }
  }
}
