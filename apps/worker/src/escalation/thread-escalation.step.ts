/**
 * Live escalation, a step of the route stage's transaction (so under its per-workspace advisory lock): for
 * every thread the batch touched, load its stored tracker (one query, rows locked), observe the batch's
 * mentions in published_at order, store the trackers back (one query) and write an alert row for each
 * threshold crossed. The dedupe key is thread + level + cooldown window of the alert's event time, so a
 * replay, a retried batch or a reset state raising the same alert again is a no-op.
 */
import type { EntityManager } from 'typeorm';
import type { AuthorKind, Sentiment } from '@otklik/domain';
import { ThreadEscalation, type EscalationAlert, type EscalationSettings, type ThreadPost } from '@otklik/escalation';
import { mentionInputFromRow } from '@otklik/persistence';

interface MentionRow {
  id: string;
  thread_id: string;
  external_id: string;
  channel: string;
  lang: string | null;
  published_at: Date;
  is_private: boolean;
  in_reply_to: string | null;
  text: string;
  url: string | null;
  reposts: number | null;
  likes: number | null;
  sentiment: Sentiment | null;
  author_external_id: string;
  handle: string | null;
  followers: number | null;
  verified: boolean | null;
  account_created_at: Date | null;
  kind: AuthorKind | null;
}

interface ThreadRow {
  id: string;
  external_id: string;
  escalation_state: unknown;
}

export interface RaisedThreadAlert {
  threadId: string;
  mentionId: string;
  alert: EscalationAlert;
}

export interface EscalationStepResult {
  threads: number;
  /** Ids of the alert rows written (an alert already raised before is not repeated). */
  alertIds: string[];
  raised: RaisedThreadAlert[];
  /** Threads whose stored state could not be read (a format change): they started afresh. */
  resetStates: string[];
}

const MINUTE = 60_000;

export function escalationDedupeKey(threadId: string, alert: EscalationAlert, settings: EscalationSettings): string {
  const windowMs = Math.max(1, settings.cooldownMinutes) * MINUTE;
  return `escalation:${threadId}:${alert.level}:${Math.floor(Date.parse(alert.alertedAt) / windowMs)}`;
}

function toPost(row: MentionRow, threadExternalId: string): ThreadPost {
  return {
    ...mentionInputFromRow({ ...row, brand: null }, threadExternalId),
    // The classifier's label when there is one; the tracker reads the tone itself otherwise.
    sentiment: row.sentiment ?? undefined,
  };
}

export async function escalateMentions(manager: EntityManager, workspaceId: string, mentionIds: string[], settings: EscalationSettings): Promise<EscalationStepResult> {
  const result: EscalationStepResult = { threads: 0, alertIds: [], raised: [], resetStates: [] };
  if (mentionIds.length === 0) return result;
  const mentions: MentionRow[] = await manager.query(
    `SELECT m.id, m.thread_id, m.external_id, m.channel, m.lang, m.published_at, m.is_private, m.in_reply_to, m.text, m.url, m.reposts, m.likes, m.sentiment,
            a.external_id AS author_external_id, a.handle, a.followers, a.verified, a.account_created_at, a.kind
       FROM mention m JOIN author a ON a.id = m.author_id
      WHERE m.id = ANY($1::bigint[]) AND m.workspace_id = $2
      ORDER BY m.thread_id, m.published_at, m.id`,
    [mentionIds, workspaceId],
  );
  if (mentions.length === 0) return result;
  const threadIds = [...new Set(mentions.map((row) => row.thread_id))];
  // Locked in id order (as ingest does), so two transactions touching the same threads wait instead of deadlocking;
  // NO KEY UPDATE, not UPDATE: foreign-key checks of rows that reference a thread (alerts, mentions) take KEY SHARE,
  // which UPDATE would block in an order we do not control.
  const threads: ThreadRow[] = await manager.query('SELECT id, external_id, escalation_state::text AS escalation_state FROM thread WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE', [threadIds]);
  const byThread = new Map<string, MentionRow[]>();
  for (const row of mentions) {
    const list = byThread.get(row.thread_id);
    if (list) list.push(row);
    else byThread.set(row.thread_id, [row]);
  }

  const states: string[] = [];
  const levels: (string | null)[] = [];
  for (const thread of threads) {
    let tracker: ThreadEscalation;
    if (thread.escalation_state === null || thread.escalation_state === undefined) {
      tracker = new ThreadEscalation(thread.external_id, settings);
    } else {
      try {
        tracker = ThreadEscalation.fromJSON(thread.escalation_state, settings);
      } catch {
        result.resetStates.push(thread.id);
        tracker = new ThreadEscalation(thread.external_id, settings);
      }
    }
    for (const row of byThread.get(thread.id) ?? []) {
      const alert = tracker.observe(toPost(row, thread.external_id));
      if (alert) result.raised.push({ threadId: thread.id, mentionId: row.id, alert });
    }
    states.push(tracker.serialise());
    levels.push(tracker.level);
  }
  result.threads = threads.length;
  await manager.query(
    `UPDATE thread t SET escalation_state = v.state::jsonb, escalation_level = v.level
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, state, level) WHERE t.id = v.id`,
    [threads.map((thread) => thread.id), states, levels],
  );
  if (result.raised.length > 0) {
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO alert (workspace_id, kind, level, score, reasons, thread_id, mention_id, dedupe_key, alerted_at)
       SELECT $1, 'escalation', v.level, v.score, v.reasons::jsonb, v.thread_id, v.mention_id, v.dedupe_key, v.alerted_at
         FROM unnest($2::text[], $3::float8[], $4::text[], $5::uuid[], $6::bigint[], $7::text[], $8::timestamptz[])
           AS v(level, score, reasons, thread_id, mention_id, dedupe_key, alerted_at)
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [
        workspaceId,
        result.raised.map((item) => item.alert.level),
        result.raised.map((item) => item.alert.score),
        result.raised.map((item) => JSON.stringify(item.alert.reasons)),
        result.raised.map((item) => item.threadId),
        result.raised.map((item) => item.mentionId),
        result.raised.map((item) => escalationDedupeKey(item.threadId, item.alert, settings)),
        result.raised.map((item) => item.alert.alertedAt),
      ],
    );
    result.alertIds = inserted.map((row) => row.id);
  }
  return result;
}
