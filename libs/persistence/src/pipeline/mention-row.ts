/**
 * A stored mention, as the pipeline's SQL selects it (mention joined with its author, and usually its thread
 * and brand), turned back into the platform-neutral MentionInput the pure libraries read. One mapper, so the
 * classify stage, escalation and incident refresh see a stored mention the same way.
 */
import type { AuthorKind, MentionInput } from '@otklik/domain';

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
