/**
 * Loads what a send needs from the database: the reply, the mention it answers rebuilt as the
 * `NormalisedMention` its connector produced (external ids, author, thread root, parent, and the raw
 * payload connectors read: VK's `parents_stack`, Telegram's topic thread, Mastodon's `account.acct`,
 * YouTube's `videoId`, Reddit's `link_title`), and the source the mention came in through.
 */
import type { DataSource } from 'typeorm';
import type { NormalisedMention } from '@otklik/connectors';
import type { AuthorKind } from '@otklik/domain';
import { SOURCE_CONNECTION_COLUMNS, type SourceConnectionRow } from '../pipeline/connector-resolver';

export interface ReplyRow {
  id: string;
  workspace_id: string;
  mention_id: string;
  case_id: string | null;
  visibility: 'public' | 'private';
  body: string;
  status: string;
  idempotency_key: string;
  outcome_unknown: boolean;
  attempts: number;
}

export interface MentionRow {
  id: string;
  source_id: string | null;
  channel: string;
  external_id: string;
  in_reply_to: string | null;
  lang: string | null;
  text: string;
  url: string | null;
  is_private: boolean;
  reposts: number | null;
  likes: number | null;
  published_at: Date;
  raw: unknown;
  origin: 'search' | 'owned' | null;
  author_external_id: string;
  handle: string | null;
  followers: number | null;
  verified: boolean | null;
  account_created_at: Date | null;
  author_kind: string | null;
  thread_external_id: string;
  brand_name: string | null;
}

export interface SourceRow extends SourceConnectionRow {
  workspace_id: string;
  health: string;
}

export async function loadReply(dataSource: DataSource, replyId: string): Promise<ReplyRow | null> {
  const [row]: ReplyRow[] = await dataSource.query(
    `SELECT id, workspace_id, mention_id::text AS mention_id, case_id, visibility, body, status, idempotency_key, outcome_unknown, attempts
       FROM reply WHERE id = $1`,
    [replyId],
  );
  return row ?? null;
}

export async function loadMention(dataSource: DataSource, mentionId: string): Promise<MentionRow | null> {
  const [row]: MentionRow[] = await dataSource.query(
    `SELECT m.id::text AS id, m.source_id, m.channel, m.external_id, m.in_reply_to, m.lang, m.text, m.url, m.is_private, m.reposts, m.likes,
            m.published_at, m.raw, m.origin,
            a.external_id AS author_external_id, a.handle, a.followers, a.verified, a.account_created_at, a.kind AS author_kind,
            t.external_id AS thread_external_id, b.name AS brand_name
       FROM mention m
       JOIN author a ON a.id = m.author_id
       JOIN thread t ON t.id = m.thread_id
       LEFT JOIN brand b ON b.id = m.brand_id
      WHERE m.id = $1`,
    [mentionId],
  );
  return row ?? null;
}

export async function loadSource(dataSource: DataSource, sourceId: string): Promise<SourceRow | null> {
  const [row]: SourceRow[] = await dataSource.query(
    `SELECT ${SOURCE_CONNECTION_COLUMNS}, s.workspace_id, s.health FROM source s LEFT JOIN brand b ON b.id = s.brand_id WHERE s.id = $1`,
    [sourceId],
  );
  return row ?? null;
}

/** The stored mention as its connector described it; fields the platform did not give stay null. */
export function normalisedMentionOf(row: MentionRow): NormalisedMention {
  return {
    externalId: row.external_id,
    channel: row.channel,
    lang: row.lang,
    publishedAt: new Date(row.published_at).toISOString(),
    isPrivate: row.is_private,
    author: {
      id: row.author_external_id,
      handle: row.handle,
      followers: row.followers,
      accountCreatedAt: row.account_created_at ? new Date(row.account_created_at).toISOString() : null,
      verified: row.verified,
      kind: row.author_kind as AuthorKind | null,
    },
    threadExternalId: row.thread_external_id,
    inReplyTo: row.in_reply_to,
    brand: row.brand_name,
    text: row.text,
    url: row.url,
    reposts: row.reposts,
    likes: row.likes,
    raw: row.raw,
    ...(row.origin ? { origin: row.origin } : {}),
  };
}
