/**
 * A stored mention, as the pipeline's SQL selects it (mention joined with its author, and usually its thread
 * and brand), turned back into the platform-neutral MentionInput the pure libraries read. One mapper, so the
 * classify stage, escalation and incident refresh see a stored mention the same way.
 */
import type { EntityManager } from 'typeorm';
import { priorityOf, type AuthorKind, type MentionInput, type Severity } from '@otklik/domain';

export interface StoredMentionRow {
  external_id: string;
  channel: string;
  lang: string | null;
  published_at: Date;
  is_private: boolean;
  in_reply_to: string | null;
  text: string;
  url?: string | null;
  reposts?: number | null;
  likes?: number | null;
  /** Selected as `t.external_id AS thread_external_id`; callers that know it otherwise pass it in. */
  thread_external_id?: string;
  brand?: string | null;
  author_external_id: string;
  handle: string | null;
  followers: number | null;
  verified: boolean | null;
  account_created_at: Date | null;
  kind: string | null;
}

export function mentionInputFromRow(row: StoredMentionRow, threadExternalId = row.thread_external_id ?? row.external_id): MentionInput {
  return {
    externalId: row.external_id,
    channel: row.channel,
    lang: row.lang,
    publishedAt: row.published_at.toISOString(),
    isPrivate: row.is_private,
    author: {
      id: row.author_external_id,
      handle: row.handle,
      followers: row.followers,
      accountCreatedAt: row.account_created_at ? row.account_created_at.toISOString() : null,
      verified: row.verified,
      kind: row.kind as AuthorKind | null,
    },
    threadExternalId,
    inReplyTo: row.in_reply_to,
    brand: row.brand ?? null,
    text: row.text,
    url: row.url ?? null,
    reposts: row.reposts ?? null,
    likes: row.likes ?? null,
  };
}

/** A stored mention as the classifier reads it: the neutral input plus the row ids its context is looked up by. */
export interface StoredMention extends MentionInput {
  id: string;
  threadId: string;
  authorRowId: string;
  routingState: StoredRoutingState;
}

/** What routing reads of the stored row itself besides its input and labels. */
export interface StoredRoutingState {
  /** As stored (the input's ISO string may have dropped microseconds). */
  publishedAt: Date;
  ingestedAt: Date;
  /** The incident and campaign it is linked to now (a person may have attached it by hand). */
  incidentId: string | null;
  campaignId: string | null;
}

interface StoredMentionSelectRow extends StoredMentionRow {
  id: string;
  thread_id: string;
  thread_external_id: string;
  author_row_id: string;
  ingested_at: Date;
  incident_id: string | null;
  campaign_id: string | null;
}

/**
 * Stored mentions with their author, thread and brand. `filter` is the SQL after WHERE over `m` (the mention),
 * including any ORDER BY and LIMIT, with `params` as its placeholders.
 */
export async function selectStoredMentions(
  manager: Pick<EntityManager, 'query'>,
  filter: string,
  params: unknown[],
): Promise<StoredMention[]> {
  const rows: StoredMentionSelectRow[] = await manager.query(
    `SELECT m.id, m.external_id, m.channel, m.lang, m.text, m.published_at, m.is_private, m.in_reply_to, m.thread_id, m.url, m.reposts, m.likes,
            m.ingested_at, m.incident_id, m.campaign_id, t.external_id AS thread_external_id, b.name AS brand,
            a.id AS author_row_id, a.external_id AS author_external_id, a.handle, a.followers, a.verified, a.account_created_at, a.kind
       FROM mention m
       JOIN author a ON a.id = m.author_id
       JOIN thread t ON t.id = m.thread_id
       LEFT JOIN brand b ON b.id = m.brand_id
      WHERE ${filter}`,
    params,
  );
  return rows.map((row) => ({
    ...mentionInputFromRow(row),
    id: row.id,
    threadId: row.thread_id,
    authorRowId: row.author_row_id,
    routingState: { publishedAt: row.published_at, ingestedAt: row.ingested_at, incidentId: row.incident_id, campaignId: row.campaign_id },
  }));
}

/** What routing reads of a stored, labelled mention and its author to rank it in the inbox. */
export interface RoutingRow {
  severity: Severity | null;
  cause: string | null;
  intent: string | null;
  critical_data: boolean | null;
  is_private: boolean;
  followers: number | null;
  verified: boolean | null;
  kind: string | null;
}

export function priorityOfRow(row: RoutingRow): number {
  return priorityOf({
    severity: row.severity,
    cause: row.cause,
    intent: row.intent,
    criticalData: row.critical_data,
    followers: row.followers,
    verified: row.verified,
    authorKind: row.kind,
    isPrivate: row.is_private,
  });
}
