import type { NormalisedMention } from '../connector';
import { decodeHtmlEntities } from '../shared/html-text';
import { arrayAt, dateToIso, idAt, isObject, MalformedItemError, numberAt, objectAt, stringAt, type JsonObject } from '../shared/json-reader';

export const X_CHANNEL = 'x';

/** Users of an answer's `includes.users`, by id: author details come from the expansion, not the tweet. */
export function usersById(body: unknown): Map<string, JsonObject> {
  const users = new Map<string, JsonObject>();
  for (const user of arrayAt(objectAt(body, 'includes'), 'users')) {
    const id = idAt(user, 'id');
    if (id !== null && isObject(user)) users.set(id, user);
  }
  return users;
}

export interface XNormaliseContext {
  users: ReadonlyMap<string, JsonObject>;
  origin: 'search' | 'owned';
  /** The brand account's user id: its own tweets are not mentions. */
  ownUserId: string | null;
}

/**
 * A v2 Tweet → mention. Tweet ids are global and stable (external id = id); the thread is
 * `conversation_id` (the root tweet's id); `inReplyTo` is the `replied_to` reference. Retweets are skipped
 * (a repost adds no words; its reach shows in the original's `retweet_count`).
 */
export function normaliseTweet(raw: unknown, context: XNormaliseContext): NormalisedMention | null {
  if (!isObject(raw)) throw new MalformedItemError('x tweet: not an object');
  const id = idAt(raw, 'id');
  if (id === null) throw new MalformedItemError('x tweet: missing id');
  const references = arrayAt(raw, 'referenced_tweets');
  if (references.some((reference) => stringAt(reference, 'type') === 'retweeted')) return null;
  const authorId = idAt(raw, 'author_id');
  if (authorId === null) throw new MalformedItemError(`x tweet ${id}: missing author_id (tweet.fields not returned)`);
  if (context.ownUserId !== null && authorId === context.ownUserId) return null;
  const publishedAt = dateToIso(stringAt(raw, 'created_at'));
  if (publishedAt === null) throw new MalformedItemError(`x tweet ${id}: missing created_at (tweet.fields not returned)`);
  const user = context.users.get(authorId) ?? null;
  const username = stringAt(user, 'username');
  const metrics = objectAt(raw, 'public_metrics');
  const repliedTo = references.find((reference) => stringAt(reference, 'type') === 'replied_to');
  const lang = stringAt(raw, 'lang');
  const verifiedType = stringAt(user, 'verified_type');
  return {
    externalId: id,
    channel: X_CHANNEL,
    // "und" (undetermined) and X's pseudo-codes ("qme", "zxx") are not languages.
    lang: lang && /^[a-z]{2}$/.test(lang) ? lang : null,
    publishedAt,
    isPrivate: false,
    author: {
      id: `${X_CHANNEL}:${authorId}`,
      handle: username ? `@${username}` : null,
      followers: numberAt(objectAt(user, 'public_metrics'), 'followers_count'),
      accountCreatedAt: dateToIso(stringAt(user, 'created_at')),
      verified: user === null ? null : typeof user['verified'] === 'boolean' ? user['verified'] || (verifiedType !== null && verifiedType !== 'none') : null,
      kind: null,
    },
    threadExternalId: idAt(raw, 'conversation_id') ?? id,
    inReplyTo: repliedTo ? idAt(repliedTo, 'id') : null,
    brand: null,
    // v2 text comes HTML-escaped (&amp; &lt; &gt;).
    text: decodeHtmlEntities(stringAt(raw, 'text') ?? ''),
    url: `https://x.com/${username ?? 'i/web'}/status/${id}`,
    likes: numberAt(metrics, 'like_count'),
    reposts: numberAt(metrics, 'retweet_count'),
    origin: context.origin,
    raw,
  };
}
