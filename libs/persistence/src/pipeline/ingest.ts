/**
 * The ingest write: one transaction stores a batch of normalised mentions (authors and threads upserted,
 * mentions inserted idempotently on (workspace, channel, external_id)), dead-letters what is malformed, and
 * advances the source's cursor. Either all of it is durable or none of it: a crash re-polls the same page and
 * the unique index absorbs what was already stored. Used by polls and by webhook deliveries alike.
 */
import type { DataSource, QueryRunner } from 'typeorm';
import type { MentionInput } from '@otklik/domain';

export interface IngestItem extends MentionInput {
  raw: unknown;
  /** `search`: found by a platform search (re-checked against the brand); `owned`: the brand's own space. */
  origin?: 'search' | 'owned';
}

export interface IngestRejected {
  externalId: string | null;
  reason: string;
  raw: unknown;
}

export interface IngestTarget {
  workspaceId: string;
  sourceId: string | null;
  brandId: string | null;
  /** Search hits the brand filter dropped in this batch: counted on the source in the same transaction. */
  offTopic?: number;
}

/** Advance the source's cursor from `expected` to `next` in the same transaction (compare-and-set). */
export interface CursorAdvance {
  expected: string | null;
  next: string | null;
}

export interface IngestResult {
  inserted: number;
  duplicates: number;
  deadLettered: number;
  /** False when another poll had already moved the cursor: nothing was written. */
  applied: boolean;
}

const MAX_TEXT = 100_000;
const MAX_ID = 512;

/** Why an item cannot be stored, or null. Connectors validate shapes; this guards the table's invariants. */
export function invalidReason(item: IngestItem): string | null {
  if (typeof item.externalId !== 'string' || item.externalId.length === 0) return 'externalId: missing';
  if (item.externalId.length > MAX_ID) return `externalId: longer than ${MAX_ID} characters`;
  if (typeof item.text !== 'string') return 'text: missing';
  if (item.text.length > MAX_TEXT) return `text: longer than ${MAX_TEXT} characters`;
  if (Number.isNaN(Date.parse(item.publishedAt))) return 'publishedAt: not a time';
  if (!item.author || typeof item.author.id !== 'string' || item.author.id.length === 0) return 'author.id: missing';
  if (typeof item.threadExternalId !== 'string' || item.threadExternalId.length === 0) return 'threadExternalId: missing';
  return null;
}

function lastBy<T>(items: T[], key: (item: T) => string): T[] {
  const map = new Map<string, T>();
  for (const item of items) map.set(key(item), item);
  return [...map.values()];
}

function jsonOrNull(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  // Postgres jsonb refuses \u0000; platforms occasionally send it.
  return JSON.stringify(value).replace(/\\u0000/g, '');
}

export async function ingestBatch(
  dataSource: DataSource,
  target: IngestTarget,
  items: IngestItem[],
  rejected: IngestRejected[],
  cursor?: CursorAdvance,
): Promise<IngestResult> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    if (cursor && target.sourceId) {
      const rows: { cursor: string | null }[] = await runner.query('SELECT cursor FROM source WHERE id = $1 FOR UPDATE', [target.sourceId]);
      if (rows.length === 0 || rows[0].cursor !== cursor.expected) {
        await runner.rollbackTransaction();
        return { inserted: 0, duplicates: 0, deadLettered: 0, applied: false };
      }
    }
    const valid: IngestItem[] = [];
    const dead: IngestRejected[] = [...rejected];
    for (const item of items) {
      const reason = invalidReason(item);
      if (reason) dead.push({ externalId: typeof item.externalId === 'string' ? item.externalId : null, reason, raw: item.raw ?? item });
      else valid.push(item);
    }
    const unique = lastBy(valid, (item) => `${item.channel}\u0000${item.externalId}`);
    const inserted = unique.length > 0 ? await insertMentions(runner, target, unique) : 0;
    if (dead.length > 0) await deadLetter(runner, target, dead);
    const offTopic = Math.max(0, Math.round(target.offTopic ?? 0));
    if (cursor && target.sourceId) {
      await runner.query(
        `UPDATE source SET cursor = $2, last_poll_at = now(), mentions_ingested = mentions_ingested + $3, mentions_off_topic = mentions_off_topic + $4,
           health = CASE WHEN health = 'failing' THEN 'ok' ELSE health END, last_error = NULL WHERE id = $1`,
        [target.sourceId, cursor.next, inserted, offTopic],
      );
    } else if (target.sourceId && inserted + offTopic > 0) {
      await runner.query('UPDATE source SET mentions_ingested = mentions_ingested + $2, mentions_off_topic = mentions_off_topic + $3 WHERE id = $1', [
        target.sourceId,
        inserted,
        offTopic,
      ]);
    }
    await runner.commitTransaction();
    return { inserted, duplicates: valid.length - inserted, deadLettered: dead.length, applied: true };
  } catch (error) {
    await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

async function insertMentions(runner: QueryRunner, target: IngestTarget, items: IngestItem[]): Promise<number> {
  const authors = lastBy(items, (item) => `${item.channel}\u0000${item.author.id}`);
  const authorRows: { id: string; channel: string; external_id: string }[] = await runner.query(
    `INSERT INTO author (workspace_id, channel, external_id, handle, followers, verified, account_created_at, kind)
     SELECT $1, v.channel, v.external_id, v.handle, v.followers, v.verified, v.created, v.kind
       FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::boolean[], $7::timestamptz[], $8::text[])
         AS v(channel, external_id, handle, followers, verified, created, kind)
     ON CONFLICT (workspace_id, channel, external_id) DO UPDATE SET
       handle = COALESCE(EXCLUDED.handle, author.handle),
       followers = COALESCE(EXCLUDED.followers, author.followers),
       verified = COALESCE(EXCLUDED.verified, author.verified),
       account_created_at = COALESCE(EXCLUDED.account_created_at, author.account_created_at),
       kind = COALESCE(EXCLUDED.kind, author.kind)
     RETURNING id, channel, external_id`,
    [
      target.workspaceId,
      authors.map((item) => item.channel),
      authors.map((item) => item.author.id),
      authors.map((item) => item.author.handle),
      authors.map((item) => (item.author.followers === null ? null : Math.min(2_147_483_647, Math.round(item.author.followers)))),
      authors.map((item) => item.author.verified),
      authors.map((item) => item.author.accountCreatedAt),
      authors.map((item) => item.author.kind),
    ],
  );
  const authorId = new Map(authorRows.map((row) => [`${row.channel}\u0000${row.external_id}`, row.id]));

  const threads = lastBy(items, (item) => `${item.channel}\u0000${item.threadExternalId}`);
  // Lock the existing thread rows in id order first: the escalation stage locks threads in id order too,
  // so the two never wait on each other in opposite orders (deadlock).
  await runner.query(
    `SELECT t.id FROM thread t JOIN unnest($2::text[], $3::text[]) AS v(channel, external_id)
        ON t.workspace_id = $1 AND t.channel = v.channel AND t.external_id = v.external_id
      ORDER BY t.id FOR NO KEY UPDATE OF t`,
    [target.workspaceId, threads.map((item) => item.channel), threads.map((item) => item.threadExternalId)],
  );
  const threadRows: { id: string; channel: string; external_id: string }[] = await runner.query(
    `INSERT INTO thread (workspace_id, channel, external_id, last_activity_at)
     SELECT $1, v.channel, v.external_id, v.at FROM unnest($2::text[], $3::text[], $4::timestamptz[]) AS v(channel, external_id, at)
     ON CONFLICT (workspace_id, channel, external_id) DO UPDATE SET last_activity_at = GREATEST(thread.last_activity_at, EXCLUDED.last_activity_at)
     RETURNING id, channel, external_id`,
    [target.workspaceId, threads.map((item) => item.channel), threads.map((item) => item.threadExternalId), threads.map((item) => item.publishedAt)],
  );
  const threadId = new Map(threadRows.map((row) => [`${row.channel}\u0000${row.external_id}`, row.id]));

  // Brand: the source's own, else the one the item names (a multi-brand source such as the demo).
  const brandNames = [...new Set(items.map((item) => item.brand).filter((name): name is string => Boolean(name)))];
  const brandRows: { id: string; name: string }[] =
    target.brandId || brandNames.length === 0
      ? []
      : await runner.query('SELECT id, name FROM brand WHERE workspace_id = $1 AND name = ANY($2::text[])', [target.workspaceId, brandNames]);
  const brandId = new Map(brandRows.map((row) => [row.name, row.id]));

  // WITH ORDINALITY + ORDER BY keeps arrival order in the identity column (per-thread order follows).
  const insertedRows: { thread_id: string }[] = await runner.query(
    `INSERT INTO mention (workspace_id, source_id, brand_id, channel, external_id, thread_id, in_reply_to, author_id, lang, text, url,
                          is_private, reposts, likes, published_at, raw, origin)
     SELECT $1, $2, COALESCE($3, v.brand_id), v.channel, v.external_id, v.thread_id, v.in_reply_to, v.author_id, v.lang, v.text, v.url,
            v.is_private, v.reposts, v.likes, v.published_at, v.raw::jsonb, v.origin
       FROM unnest($4::text[], $5::text[], $6::uuid[], $7::text[], $8::uuid[], $9::text[], $10::text[], $11::text[],
                   $12::boolean[], $13::int[], $14::int[], $15::timestamptz[], $16::text[], $17::uuid[], $18::text[])
         WITH ORDINALITY AS v(channel, external_id, thread_id, in_reply_to, author_id, lang, text, url, is_private, reposts, likes,
                              published_at, raw, brand_id, origin, ord)
      ORDER BY v.ord
     ON CONFLICT (workspace_id, channel, external_id) DO NOTHING
     RETURNING thread_id`,
    [
      target.workspaceId,
      target.sourceId,
      target.brandId,
      items.map((item) => item.channel),
      items.map((item) => item.externalId),
      items.map((item) => threadId.get(`${item.channel}\u0000${item.threadExternalId}`)),
      items.map((item) => item.inReplyTo),
      items.map((item) => authorId.get(`${item.channel}\u0000${item.author.id}`)),
      items.map((item) => item.lang),
      items.map((item) => item.text.replace(/\u0000/g, '')),
      items.map((item) => item.url ?? null),
      items.map((item) => item.isPrivate),
      items.map((item) => item.reposts ?? null),
      items.map((item) => item.likes ?? null),
      items.map((item) => item.publishedAt),
      items.map((item) => jsonOrNull(item.raw)),
      items.map((item) => (item.brand ? (brandId.get(item.brand) ?? null) : null)),
      items.map((item) => item.origin ?? null),
    ],
  );
  if (insertedRows.length > 0) {
    const perThread = new Map<string, number>();
    for (const row of insertedRows) perThread.set(row.thread_id, (perThread.get(row.thread_id) ?? 0) + 1);
    await runner.query(
      `UPDATE thread SET mention_count = mention_count + v.n FROM unnest($1::uuid[], $2::int[]) AS v(id, n) WHERE thread.id = v.id`,
      [[...perThread.keys()], [...perThread.values()]],
    );
  }
  return insertedRows.length;
}

async function deadLetter(runner: QueryRunner, target: IngestTarget, dead: IngestRejected[]): Promise<void> {
  await runner.query(
    `INSERT INTO dead_letter (workspace_id, source_id, stage, external_id, reason, payload)
     SELECT $1, $2, 'ingest', v.external_id, v.reason, v.payload::jsonb FROM unnest($3::text[], $4::text[], $5::text[]) AS v(external_id, reason, payload)`,
    [target.workspaceId, target.sourceId, dead.map((item) => item.externalId), dead.map((item) => item.reason), dead.map((item) => jsonOrNull(item.raw))],
  );
}
