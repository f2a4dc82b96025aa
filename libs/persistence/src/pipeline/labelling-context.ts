/**
 * What the database knows around a stored mention when it is labelled (GUIDE §2): the thread's root and the
 * direct parent with their stored labels, the thread's size, and the author's earlier mentions left unanswered.
 * Read by the classify stage and by `otklik reclassify` alike, so both label a mention from the same context.
 * Also the re-labelling of stored mentions a later one promoted into a new incident or campaign.
 */
import type { EntityManager } from 'typeorm';
// Types only: whoever imports persistence should not pay for compiling the classifier's lexicons.
import type { ClusterPromotion, MentionContext, ThreadMention } from '@otklik/classifier';
import type { MentionInput, MentionLabels } from '@otklik/domain';
import { mentionInputFromRow, type StoredMention, type StoredMentionRow } from './mention-row';

type Queryable = Pick<EntityManager, 'query'>;

interface ContextRow {
  id: string;
  external_id: string;
  channel: string;
  author_external_id: string;
  followers: number | null;
  kind: string | null;
  verified: boolean | null;
  published_at: Date;
  text: string;
  intent: string | null;
  cause: string | null;
  sentiment: string | null;
  severity: string | null;
  incident_key: string | null;
  reposts: number | null;
  likes: number | null;
}

/** An unanswered complaint or question counts as ignored after this long (staff-inattention evidence). */
const UNANSWERED_AFTER = '30 minutes';
/** How many recent rows of a thread or an author the context reads at most. */
const CONTEXT_ROWS = 200;

function rowSummary(row: ContextRow, inBatch: Set<string>): ThreadMention {
  return {
    externalId: row.external_id,
    authorId: row.author_external_id,
    authorFollowers: row.followers,
    authorKind: row.kind as ThreadMention['authorKind'],
    authorVerified: row.verified,
    publishedAt: row.published_at.toISOString(),
    text: row.text,
    // A root in the batch being labelled counts as not labelled yet, whatever a re-labelling run finds stored.
    labels:
      row.intent && !inBatch.has(row.id)
        ? {
            intent: row.intent as never,
            cause: row.cause as never,
            sentiment: row.sentiment as never,
            severity: row.severity as never,
            incident: row.incident_key,
          }
        : undefined,
    reposts: row.reposts,
    likes: row.likes,
  };
}

/** Thread and author context for a whole batch (`contexts[i]` for `batch[i]`) in three index-backed queries. */
export async function readLabellingContexts(manager: Queryable, workspaceId: string, batch: StoredMention[]): Promise<MentionContext[]> {
  const firstId = Math.min(...batch.map((mention) => Number(mention.id)));
  const inBatch = new Set(batch.map((mention) => mention.id));
  const wanted = new Set<string>();
  for (const mention of batch) {
    if (mention.inReplyTo) {
      wanted.add(`${mention.channel}\u0000${mention.inReplyTo}`);
      wanted.add(`${mention.channel}\u0000${mention.threadExternalId}`);
    }
  }
  const keys = [...wanted].map((key) => key.split('\u0000'));
  const related: ContextRow[] =
    keys.length === 0
      ? []
      : await manager.query(
          `SELECT m.id::text AS id, m.external_id, m.channel, a.external_id AS author_external_id, a.followers, a.kind, a.verified, m.published_at, m.text,
                  m.intent, m.cause, m.sentiment, m.severity, m.incident_key, m.reposts, m.likes
             FROM unnest($2::text[], $3::text[]) AS k(channel, external_id)
             JOIN mention m ON m.workspace_id = $1 AND m.channel = k.channel AND m.external_id = k.external_id
             JOIN author a ON a.id = m.author_id`,
          [workspaceId, keys.map((key) => key[0]), keys.map((key) => key[1])],
        );
  const relatedByKey = new Map(related.map((row) => [`${row.channel}\u0000${row.external_id}`, row]));
  const threadIds = [...new Set(batch.filter((mention) => mention.inReplyTo).map((mention) => mention.threadId))];
  // Context reads are bounded per thread and per author (the most recent rows by index), so a viral thread or a
  // prolific author costs the same per batch as anyone else. `m.id + 0 < $2`: a plain `m.id < $2` lets the
  // planner AND a scan of the whole primary key below the batch into every author's lookup (seconds per batch).
  const threadStats: { thread_id: string; replies: number; authors: number; brand_answered: boolean }[] =
    threadIds.length === 0
      ? []
      : await manager.query(
          `SELECT t.id AS thread_id, GREATEST(t.mention_count - 1, 0)::int AS replies,
                  (SELECT count(DISTINCT r.author_id)::int FROM (SELECT m.author_id FROM mention m WHERE m.thread_id = t.id AND m.id + 0 < $2
                     ORDER BY m.published_at DESC LIMIT ${CONTEXT_ROWS}) r) AS authors,
                  EXISTS (SELECT 1 FROM (SELECT m.author_id, m.in_reply_to FROM mention m WHERE m.thread_id = t.id AND m.id + 0 < $2
                     ORDER BY m.published_at DESC LIMIT ${CONTEXT_ROWS}) r JOIN author a ON a.id = r.author_id WHERE a.kind = 'brand' AND r.in_reply_to IS NOT NULL)
                  OR EXISTS (SELECT 1 FROM reply rp JOIN mention rm ON rm.id = rp.mention_id
                              WHERE rm.thread_id = t.id AND rp.visibility = 'public' AND rp.status = 'sent') AS brand_answered
             FROM thread t WHERE t.id = ANY($1::uuid[])`,
          [threadIds, firstId],
        );
  const statsByThread = new Map(threadStats.map((row) => [row.thread_id, row]));
  const authorIds = [...new Set(batch.map((mention) => mention.authorRowId))];
  const history: { author_id: string; earlier: number; unanswered: number; oldest: Date | null }[] = await manager.query(
    `SELECT a.author_id, count(h.*)::int AS earlier,
            count(*) FILTER (WHERE h.intent IN ('problem', 'question') AND h.first_response_at IS NULL AND NOT h.is_private
                               AND h.published_at < now() - interval '${UNANSWERED_AFTER}')::int AS unanswered,
            min(h.published_at) FILTER (WHERE h.intent IN ('problem', 'question') AND h.first_response_at IS NULL AND NOT h.is_private) AS oldest
       FROM unnest($1::uuid[]) AS a(author_id)
       JOIN LATERAL (SELECT m.intent, m.first_response_at, m.is_private, m.published_at FROM mention m
                      WHERE m.author_id = a.author_id AND m.id + 0 < $2 ORDER BY m.published_at DESC LIMIT ${CONTEXT_ROWS}) h ON true
      GROUP BY a.author_id`,
    [authorIds, firstId],
  );
  const historyByAuthor = new Map(history.map((row) => [row.author_id, row]));
  return batch.map((mention) => {
    const context: MentionContext = {};
    if (mention.inReplyTo) {
      const root = relatedByKey.get(`${mention.channel}\u0000${mention.threadExternalId}`);
      const parent = relatedByKey.get(`${mention.channel}\u0000${mention.inReplyTo}`);
      const stats = statsByThread.get(mention.threadId);
      context.thread = {
        root: root ? rowSummary(root, inBatch) : null,
        parent: parent ? rowSummary(parent, inBatch) : null,
        replyCount: stats?.replies ?? 0,
        uniqueAuthors: stats?.authors ?? 0,
        brandAnswered: stats?.brand_answered ?? false,
      };
    }
    const earlier = historyByAuthor.get(mention.authorRowId);
    if (earlier && earlier.earlier > 0) {
      const at = Date.parse(mention.publishedAt);
      context.author = {
        earlierMentions: earlier.earlier,
        unanswered: mention.isPrivate ? 0 : earlier.unanswered,
        oldestUnansweredHours: earlier.oldest && earlier.unanswered > 0 ? Math.max(0, (at - earlier.oldest.getTime()) / 3_600_000) : null,
      };
    }
    return context;
  });
}

/** A stored mention re-labelled because a later one promoted it into a new incident or campaign. */
export interface PromotedRelabel {
  id: string;
  externalId: string;
  labels: MentionLabels;
}

/**
 * Re-labels stored, already classified mentions with the cluster a later mention confirmed (their own text and
 * the cluster; the thread and author context they were first labelled with is not read again). `classify` is
 * the classifier's `classifyMention` with the caller's analyzer.
 */
export async function relabelPromoted(
  manager: Queryable,
  workspaceId: string,
  promotions: ClusterPromotion[],
  classify: (mention: MentionInput, context: MentionContext) => MentionLabels,
): Promise<PromotedRelabel[]> {
  const rows: (StoredMentionRow & { id: string })[] = await manager.query(
    `SELECT m.id, m.external_id, m.channel, m.lang, m.text, m.published_at, m.is_private, m.in_reply_to, t.external_id AS thread_external_id, b.name AS brand,
            a.external_id AS author_external_id, a.handle, a.followers, a.verified, a.account_created_at, a.kind
       FROM mention m JOIN author a ON a.id = m.author_id JOIN thread t ON t.id = m.thread_id LEFT JOIN brand b ON b.id = m.brand_id
      WHERE m.workspace_id = $1 AND m.external_id = ANY($2::text[]) AND m.stage IN ('classified', 'routed')`,
    [workspaceId, promotions.map((promotion) => promotion.externalId)],
  );
  const byId = new Map(promotions.map((promotion) => [promotion.externalId, promotion]));
  return rows.map((row) => ({
    id: row.id,
    externalId: row.external_id,
    labels: classify(mentionInputFromRow(row), { cluster: byId.get(row.external_id)! }),
  }));
}

/**
 * Stores promoted mentions' new labels (personal and critical data stay as first stored). `requeue` (the
 * classify stage) writes each and sends it back to routing ('classified'), which links it to the incident or
 * campaign row; otherwise (a caller that links them itself) only labels that differ are written, stage untouched.
 * Returns the ids written.
 */
export async function writePromotedLabels(
  manager: Queryable,
  relabels: PromotedRelabel[],
  options: { requeue: boolean },
): Promise<string[]> {
  const written: string[] = [];
  for (const { id, labels } of relabels) {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE mention SET intent = $2, cause = $3, severity = $4, sentiment = $5, confidence = $6::jsonb, explain = $7::jsonb,
              incident_key = $8, campaign_key = $9${options.requeue ? ", stage = 'classified', stage_at = now()" : ''}
        WHERE id = $1${
          options.requeue
            ? ''
            : ` AND (intent, cause, severity, sentiment, confidence, explain, incident_key, campaign_key)
                  IS DISTINCT FROM ($2::text, $3::text, $4::text, $5::text, $6::jsonb, $7::jsonb, $8::text, $9::text)`
        }
        RETURNING id::text AS id`,
      [
        id,
        labels.intent,
        labels.cause,
        labels.severity,
        labels.sentiment,
        JSON.stringify(labels.confidence),
        JSON.stringify(labels.explain),
        labels.incident,
        labels.campaign,
      ],
    );
    written.push(...rows.map((row) => row.id));
  }
  return written;
}
