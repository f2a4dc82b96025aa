/** Routed mentions written directly with SQL (the pipeline is tested elsewhere): what the inbox reads. */
import type { DataSource } from 'typeorm';
import { uniqueName } from '../../support/test-env';

export interface SeedMention {
  text: string;
  lang?: 'ru' | 'en';
  channel?: string;
  severity?: 'low' | 'medium' | 'high' | 'critical';
  cause?: string | null;
  intent?: string;
  sentiment?: string;
  status?: string;
  priority?: number;
  publishedAt?: Date;
  slaDueAt?: Date | null;
  isPrivate?: boolean;
  piiSpans?: Array<{ kind: string; start: number; end: number }>;
  authorHandle?: string;
  authorKey?: string;
  threadKey?: string;
  inReplyTo?: string | null;
  externalId?: string;
  firstResponseAt?: Date | null;
}

export async function seedMention(
  ds: DataSource,
  workspaceId: string,
  input: SeedMention,
): Promise<{ id: string; externalId: string; threadId: string; authorId: string }> {
  const channel = input.channel ?? 'demo';
  const authorKey = input.authorKey ?? uniqueName('author');
  const [author] = await ds.query(
    `INSERT INTO author (workspace_id, channel, external_id, handle, followers, verified, kind) VALUES ($1, $2, $3, $4, 120, false, 'person')
     ON CONFLICT (workspace_id, channel, external_id) DO UPDATE SET handle = EXCLUDED.handle RETURNING id`,
    [workspaceId, channel, authorKey, input.authorHandle ?? authorKey],
  );
  const threadKey = input.threadKey ?? uniqueName('thread');
  const [thread] = await ds.query(
    `INSERT INTO thread (workspace_id, channel, external_id, mention_count) VALUES ($1, $2, $3, 1)
     ON CONFLICT (workspace_id, channel, external_id) DO UPDATE SET mention_count = thread.mention_count + 1 RETURNING id`,
    [workspaceId, channel, threadKey],
  );
  const externalId = input.externalId ?? uniqueName('m');
  const published = input.publishedAt ?? new Date(Date.now() - 10 * 60_000);
  const pii = [...new Set((input.piiSpans ?? []).map((span) => span.kind))];
  const [mention] = await ds.query(
    `INSERT INTO mention (workspace_id, channel, external_id, thread_id, in_reply_to, author_id, lang, text, is_private, published_at, intent, cause, severity, sentiment,
                          pii, pii_spans, critical_data, confidence, explain, classifier_version, stage, status, priority, sla_due_at, first_response_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16::jsonb, false, '{"intent": 0.9}'::jsonb, '{"intent": ["seeded"]}'::jsonb, 'test-1',
             'routed', $17, $18, $19, $20)
     RETURNING id::text`,
    [
      workspaceId,
      channel,
      externalId,
      thread.id,
      input.inReplyTo ?? null,
      author.id,
      input.lang ?? 'en',
      input.text,
      input.isPrivate ?? false,
      published,
      input.intent ?? 'problem',
      input.cause === undefined ? 'product_defect' : input.cause,
      input.severity ?? 'high',
      input.sentiment ?? 'negative',
      pii,
      JSON.stringify(input.piiSpans ?? []),
      input.status ?? 'new',
      input.priority ?? 2000,
      input.slaDueAt === undefined ? new Date(published.getTime() + 60 * 60_000) : input.slaDueAt,
      input.firstResponseAt ?? null,
    ],
  );
  return { id: mention.id, externalId, threadId: thread.id, authorId: author.id };
}

/** A span of `needle` inside `text` (for seeded personal data). */
export function spanOf(text: string, needle: string, kind: string): { kind: string; start: number; end: number } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`"${needle}" is not in the text`);
  return { kind, start, end: start + needle.length };
}
