/**
 * The corpus JSONL formats (../shared/corpus/SCHEMA.md) are also the formats of the `otklik` CLI and of the
 * demo replay source. This file turns one parsed JSON record into a typed value, or says which field is
 * wrong and why: callers report `line N: <field>: <why>` and go on with the next line.
 */
import { AUTHOR_KINDS, isOneOf, type AuthorKind, type Cause, type Intent, type PiiKind, type Sentiment, type Severity } from './labels';
import type { AuthorInfo, MentionInput } from './mention';

export class RecordError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'RecordError';
  }
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(record: Json, field: string, path = field): string {
  const value = record[field];
  if (typeof value !== 'string' || value.length === 0) throw new RecordError(path, 'must be a non-empty string');
  return value;
}

function optionalString(record: Json, field: string, path = field): string | null {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new RecordError(path, 'must be a string or null');
  return value;
}

function optionalNumber(record: Json, field: string, path = field): number | null {
  const value = record[field];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new RecordError(path, 'must be a non-negative number or null');
  }
  return value;
}

function requireTime(record: Json, field: string, path = field): string {
  const value = requireString(record, field, path);
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new RecordError(path, `is not an ISO 8601 time: ${JSON.stringify(value).slice(0, 40)}`);
  return new Date(time).toISOString();
}

function optionalTime(record: Json, field: string, path = field): string | null {
  if (record[field] === undefined || record[field] === null) return null;
  return requireTime(record, field, path);
}

export function parseAuthor(value: unknown, channel: string, path = 'author'): AuthorInfo {
  if (!isObject(value)) throw new RecordError(path, 'must be an object');
  const id = requireString(value, 'id', `${path}.id`);
  const kind = value.kind ?? null;
  if (kind !== null && !isOneOf(AUTHOR_KINDS, kind)) {
    throw new RecordError(`${path}.kind`, `must be one of ${AUTHOR_KINDS.join(', ')}`);
  }
  const verified = value.verified ?? null;
  if (verified !== null && typeof verified !== 'boolean') throw new RecordError(`${path}.verified`, 'must be true, false or null');
  return {
    id: id.includes(':') ? id : `${channel}:${id}`,
    handle: optionalString(value, 'handle', `${path}.handle`),
    followers: optionalNumber(value, 'followers', `${path}.followers`),
    accountCreatedAt: optionalTime(value, 'account_created_at', `${path}.account_created_at`),
    verified,
    kind: kind as AuthorKind | null,
  };
}

/** A record of mentions.jsonl (gold labels, if present, are not read here). */
export function parseCorpusMention(value: unknown): MentionInput {
  if (!isObject(value)) throw new RecordError('(record)', 'must be a JSON object');
  const id = requireString(value, 'id');
  const channel = requireString(value, 'channel');
  const thread = value.thread;
  let threadId = id;
  let inReplyTo: string | null = null;
  if (thread !== undefined && thread !== null) {
    if (!isObject(thread)) throw new RecordError('thread', 'must be an object with id and in_reply_to');
    threadId = optionalString(thread, 'id', 'thread.id') ?? id;
    inReplyTo = optionalString(thread, 'in_reply_to', 'thread.in_reply_to');
  } else {
    inReplyTo = optionalString(value, 'in_reply_to');
  }
  const text = value.text;
  if (typeof text !== 'string') throw new RecordError('text', 'must be a string');
  const isPrivate = value.is_private ?? false;
  if (typeof isPrivate !== 'boolean') throw new RecordError('is_private', 'must be true or false');
  return {
    externalId: id,
    channel,
    lang: optionalString(value, 'lang'),
    publishedAt: requireTime(value, 'published_at'),
    isPrivate,
    author: parseAuthor(value.author, channel),
    threadExternalId: threadId,
    inReplyTo,
    brand: optionalString(value, 'brand'),
    text,
    url: optionalString(value, 'url'),
    reposts: optionalNumber(value, 'reposts'),
    likes: optionalNumber(value, 'likes'),
  };
}

/** Gold labels of a mentions.jsonl record, for evaluation. */
export interface GoldLabels {
  intent: Intent;
  cause: Cause | null;
  severity: Severity;
  sentiment: Sentiment;
  pii: PiiKind[];
  critical_data: boolean;
  incident: string | null;
  campaign: string | null;
}

export interface CorpusThreadPost extends MentionInput {
  reposts: number | null;
  likes: number | null;
}

export interface CorpusThread {
  threadId: string;
  channel: string;
  brand: string | null;
  expectedAlert: boolean | null;
  alertDueBy: string | null;
  posts: CorpusThreadPost[];
}

/** A record of threads.jsonl: posts carry `in_reply_to` at the top level and share the thread id. */
export function parseCorpusThread(value: unknown): CorpusThread {
  if (!isObject(value)) throw new RecordError('(record)', 'must be a JSON object');
  const threadId = requireString(value, 'thread_id');
  const channel = requireString(value, 'channel');
  if (!Array.isArray(value.posts)) throw new RecordError('posts', 'must be an array');
  const posts = value.posts.map((post, index) => {
    if (!isObject(post)) throw new RecordError(`posts[${index}]`, 'must be an object');
    const withDefaults = { channel, ...post, thread: { id: threadId, in_reply_to: post.in_reply_to ?? null } };
    try {
      const mention = parseCorpusMention(withDefaults);
      return { ...mention, reposts: mention.reposts ?? null, likes: mention.likes ?? null };
    } catch (error) {
      if (error instanceof RecordError) throw new RecordError(`posts[${index}].${error.field}`, error.reason);
      throw error;
    }
  });
  const expected = value.expected_alert ?? null;
  if (expected !== null && typeof expected !== 'boolean') throw new RecordError('expected_alert', 'must be true, false or null');
  return {
    threadId,
    channel,
    brand: optionalString(value, 'brand'),
    expectedAlert: expected,
    alertDueBy: optionalTime(value, 'alert_due_by'),
    posts,
  };
}
