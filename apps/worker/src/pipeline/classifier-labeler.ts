/**
 * The classify stage's labeler: libs/classifier with the context the database knows (GUIDE §2): the thread's
 * root and the direct parent with their labels, the thread's size, the author's earlier mentions left
 * unanswered, and the workspace's streaming incident/campaign clusterer.
 *
 * The clusterer is kept in memory per workspace and persisted (at most every `persistEveryMs`) to
 * classifier_state; a process that finds the stored state ahead of its own reloads it, so several workers
 * can take turns on a workspace. A mention that a later one promotes into a new incident or campaign is
 * re-labelled with that cluster and sent back to the route stage (which links it to the incident row).
 */
import type { EntityManager } from 'typeorm';
import {
  CLASSIFIER_VERSION,
  classifyMention,
  clusterItemOf,
  labelMention,
  MentionAnalyzer,
  MentionClusterer,
  type MentionContext,
  type ThreadMention,
} from '@otklik/classifier';
import type { MentionLabels } from '@otklik/domain';
import { mentionInputFromRow } from '@otklik/persistence';
import type { MentionLabeler, PendingMention } from './labeler';

interface CachedClusterer {
  clusterer: MentionClusterer;
  lastId: number;
  persistedAt: number;
}

interface ContextRow {
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

export class ClassifierLabeler implements MentionLabeler {
  readonly version = CLASSIFIER_VERSION;
  private readonly analyzer = new MentionAnalyzer();
  private readonly clusterers = new Map<string, CachedClusterer>();

  constructor(private readonly persistEveryMs = 2_000) {}

  async label(workspaceId: string, batch: PendingMention[], manager: EntityManager): Promise<(MentionLabels | Error)[]> {
    const cached = await this.clustererFor(workspaceId, manager);
    const contexts = await this.contexts(workspaceId, batch, manager);
    const labelled = new Map<string, ThreadMention>();
    const results: (MentionLabels | Error)[] = [];
    const promotedEarlier: { externalId: string; incident: string | null; campaign: string | null; incidentSize: number; campaignSize: number }[] = [];
    const inBatch = new Map<string, number>();
    for (const [index, mention] of batch.entries()) {
      try {
        const context = contexts[index];
        // Parents labelled earlier in this same batch are not in the database yet.
        const parent = mention.inReplyTo ? labelled.get(mention.inReplyTo) : undefined;
        if (parent && context.thread) context.thread.parent = parent;
        const analysis = this.analyzer.analyze(mention);
        const preliminary = labelMention(analysis, context);
        const { assignment, promoted } = cached.clusterer.add(clusterItemOf(analysis, preliminary));
        const labels = assignment.incident || assignment.campaign ? labelMention(analysis, { ...context, cluster: assignment }) : preliminary;
        results.push(labels);
        inBatch.set(mention.externalId, index);
        labelled.set(mention.externalId, this.summary(mention, labels));
        for (const promotion of promoted) {
          const earlierIndex = inBatch.get(promotion.externalId);
          if (earlierIndex !== undefined && earlierIndex !== index) {
            const earlier = batch[earlierIndex];
            results[earlierIndex] = classifyMention(earlier, { ...contexts[earlierIndex], cluster: promotion }, this.analyzer);
          } else if (earlierIndex === undefined) {
            promotedEarlier.push(promotion);
          }
        }
      } catch (error) {
        results.push(error instanceof Error ? error : new Error(String(error)));
      }
    }
    if (promotedEarlier.length > 0) await this.relabelStored(workspaceId, promotedEarlier, manager);
    cached.lastId = Math.max(cached.lastId, ...batch.map((mention) => Number(mention.id)));
    if (Date.now() - cached.persistedAt >= this.persistEveryMs) await this.persist(workspaceId, cached, manager);
    return results;
  }

  private async clustererFor(workspaceId: string, manager: EntityManager): Promise<CachedClusterer> {
    const cached = this.clusterers.get(workspaceId);
    const [stored] = await manager.query('SELECT last_mention_id::bigint AS last_id, classifier_version FROM classifier_state WHERE workspace_id = $1', [workspaceId]);
    const storedLast = stored && stored.classifier_version === CLASSIFIER_VERSION ? Number(stored.last_id) : -1;
    if (cached && cached.lastId >= storedLast) return cached;
    let clusterer = new MentionClusterer();
    if (storedLast >= 0) {
      const [row] = await manager.query('SELECT state FROM classifier_state WHERE workspace_id = $1', [workspaceId]);
      try {
        clusterer = MentionClusterer.fromJSON(row.state);
      } catch {
        clusterer = new MentionClusterer(); // an unreadable state costs clustering memory, never a mention
      }
    }
    const fresh = { clusterer, lastId: Math.max(storedLast, 0), persistedAt: Date.now() };
    this.clusterers.set(workspaceId, fresh);
    return fresh;
  }

  private async persist(workspaceId: string, cached: CachedClusterer, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO classifier_state (workspace_id, classifier_version, last_mention_id, state, updated_at) VALUES ($1, $2, $3, $4::jsonb, now())
       ON CONFLICT (workspace_id) DO UPDATE SET classifier_version = EXCLUDED.classifier_version, last_mention_id = EXCLUDED.last_mention_id,
         state = EXCLUDED.state, updated_at = now()`,
      [workspaceId, CLASSIFIER_VERSION, cached.lastId, JSON.stringify(cached.clusterer.toJSON())],
    );
    cached.persistedAt = Date.now();
  }

  private summary(mention: PendingMention, labels: MentionLabels): ThreadMention {
    return {
      externalId: mention.externalId,
      authorId: mention.author.id,
      authorFollowers: mention.author.followers,
      authorKind: mention.author.kind,
      authorVerified: mention.author.verified,
      publishedAt: mention.publishedAt,
      text: mention.text,
      labels: { intent: labels.intent, cause: labels.cause, sentiment: labels.sentiment, severity: labels.severity, incident: labels.incident },
      reposts: mention.reposts ?? null,
      likes: mention.likes ?? null,
    };
  }

  private rowSummary(row: ContextRow): ThreadMention {
    return {
      externalId: row.external_id,
      authorId: row.author_external_id,
      authorFollowers: row.followers,
      authorKind: row.kind as ThreadMention['authorKind'],
      authorVerified: row.verified,
      publishedAt: row.published_at.toISOString(),
      text: row.text,
      labels: row.intent
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

  /** Thread and author context for the whole batch in three index-backed queries. */
  private async contexts(workspaceId: string, batch: PendingMention[], manager: EntityManager): Promise<MentionContext[]> {
    const firstId = Math.min(...batch.map((mention) => Number(mention.id)));
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
            `SELECT m.external_id, m.channel, a.external_id AS author_external_id, a.followers, a.kind, a.verified, m.published_at, m.text,
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
          root: root ? this.rowSummary(root) : null,
          parent: parent ? this.rowSummary(parent) : null,
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

  /** Earlier mentions promoted into a new cluster: re-label them and send them back through routing. */
  private async relabelStored(
    workspaceId: string,
    promotions: { externalId: string; incident: string | null; campaign: string | null; incidentSize: number; campaignSize: number }[],
    manager: EntityManager,
  ): Promise<void> {
    const rows: { id: string; external_id: string; channel: string; lang: string | null; text: string; published_at: Date; is_private: boolean; in_reply_to: string | null; thread_external_id: string; brand: string | null; author_external_id: string; handle: string | null; followers: number | null; verified: boolean | null; account_created_at: Date | null; kind: string | null }[] =
      await manager.query(
        `SELECT m.id, m.external_id, m.channel, m.lang, m.text, m.published_at, m.is_private, m.in_reply_to, t.external_id AS thread_external_id, b.name AS brand,
                a.external_id AS author_external_id, a.handle, a.followers, a.verified, a.account_created_at, a.kind
           FROM mention m JOIN author a ON a.id = m.author_id JOIN thread t ON t.id = m.thread_id LEFT JOIN brand b ON b.id = m.brand_id
          WHERE m.workspace_id = $1 AND m.external_id = ANY($2::text[]) AND m.stage IN ('classified', 'routed')`,
        [workspaceId, promotions.map((promotion) => promotion.externalId)],
      );
    const byId = new Map(promotions.map((promotion) => [promotion.externalId, promotion]));
    for (const row of rows) {
      const promotion = byId.get(row.external_id)!;
      const labels = classifyMention(
        mentionInputFromRow(row),
        { cluster: promotion },
        this.analyzer,
      );
      await manager.query(
        `UPDATE mention SET intent = $2, cause = $3, severity = $4, sentiment = $5, confidence = $6::jsonb, explain = $7::jsonb,
                incident_key = $8, campaign_key = $9, stage = 'classified', stage_at = now() WHERE id = $1`,
        [row.id, labels.intent, labels.cause, labels.severity, labels.sentiment, JSON.stringify(labels.confidence), JSON.stringify(labels.explain), labels.incident, labels.campaign],
      );
    }
  }
}
