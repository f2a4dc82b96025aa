import { AUTHOR_KINDS, type AuthorKind } from '@otklik/domain';
import type { NormalisedMention } from '../connector';
import { dateToIso, isObject, MalformedItemError, objectAt, type JsonObject } from '../shared/json-reader';

export const WEBHOOK_CHANNEL = 'webhook';

/** The documented item schema (README.md in this folder); every violation names the field. */
export function normaliseWebhookItem(raw: unknown, sourceId: string): NormalisedMention {
  if (!isObject(raw)) throw new MalformedItemError('item is not a JSON object');
  const id = requiredString(raw, 'id');
  const text = requiredString(raw, 'text');
  const publishedAt = dateToIso(requiredString(raw, 'published_at'));
  if (publishedAt === null) throw new MalformedItemError('published_at: not an ISO 8601 date');
  const author = objectAt(raw, 'author');
  if (author === null) throw new MalformedItemError('author: required object');
  const authorId = requiredString(author, 'id', 'author.id');
  const kind = optional(author, 'kind', 'author.kind', (value) => (typeof value === 'string' && (AUTHOR_KINDS as readonly string[]).includes(value) ? (value as AuthorKind) : undefined));
  const thread = raw['thread'] === undefined || raw['thread'] === null ? null : objectAt(raw, 'thread');
  if (raw['thread'] !== undefined && raw['thread'] !== null && thread === null) throw new MalformedItemError('thread: must be an object');
  const threadId = thread ? optional(thread, 'id', 'thread.id', asString) : null;
  const inReplyTo = thread ? optional(thread, 'in_reply_to', 'thread.in_reply_to', asString) : null;
  const accountCreated = optional(author, 'account_created_at', 'author.account_created_at', asString);
  const accountCreatedAt = accountCreated === null ? null : dateToIso(accountCreated);
  if (accountCreated !== null && accountCreatedAt === null) throw new MalformedItemError('author.account_created_at: not an ISO 8601 date');
  const origin = optional(raw, 'origin', 'origin', (value) => (value === 'search' || value === 'owned' ? value : undefined));
  // Ids are namespaced by source: two senders' "42" are different mentions.
  const scoped = (value: string) => `${sourceId}:${value}`;
  return {
    externalId: scoped(id),
    channel: WEBHOOK_CHANNEL,
    lang: optional(raw, 'lang', 'lang', asString),
    publishedAt,
    isPrivate: optional(raw, 'is_private', 'is_private', asBoolean) ?? false,
    author: {
      id: `${WEBHOOK_CHANNEL}:${sourceId}:${authorId}`,
      handle: optional(author, 'handle', 'author.handle', asString),
      followers: optional(author, 'followers', 'author.followers', asCount),
      accountCreatedAt,
      verified: optional(author, 'verified', 'author.verified', asBoolean),
      kind,
    },
    threadExternalId: scoped(threadId ?? id),
    inReplyTo: inReplyTo !== null ? scoped(inReplyTo) : null,
    brand: null,
    text,
    url: optional(raw, 'url', 'url', (value) => (typeof value === 'string' && /^https?:\/\//.test(value) ? value : undefined)),
    likes: optional(raw, 'likes', 'likes', asCount),
    reposts: optional(raw, 'reposts', 'reposts', asCount),
    origin: origin ?? 'search',
    raw,
  };
}

function requiredString(object: JsonObject, key: string, name = key): string {
  const value = object[key];
  if (typeof value === 'number' && Number.isSafeInteger(value) && key.endsWith('id')) return String(value);
  if (typeof value !== 'string' || value.trim() === '') throw new MalformedItemError(`${name}: required non-empty string`);
  return value;
}

/** Absent or null → null; present with a wrong type → the item is rejected naming the field. */
function optional<T>(object: JsonObject, key: string, name: string, read: (value: unknown) => T | undefined): T | null {
  const value = object[key];
  if (value === undefined || value === null) return null;
  const parsed = read(value);
  if (parsed === undefined) throw new MalformedItemError(`${name}: wrong type or value`);
  return parsed;
}

const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const asBoolean = (value: unknown): boolean | undefined => (typeof value === 'boolean' ? value : undefined);
const asCount = (value: unknown): number | undefined => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined);
