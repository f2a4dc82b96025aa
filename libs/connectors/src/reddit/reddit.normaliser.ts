import type { NormalisedMention } from '../connector';
import { decodeHtmlEntities } from '../shared/html-text';
import { epochSecondsToIso, isObject, MalformedItemError, numberAt, objectAt, stringAt, type JsonObject } from '../shared/json-reader';

export const REDDIT_CHANNEL = 'reddit';
const SITE = 'https://www.reddit.com';

export interface RedditNormaliseContext {
  origin: 'search' | 'owned';
  /** The brand's account name: its own posts, comments and messages are not mentions. */
  ownUsername: string | null;
}

/**
 * Listing children (`{kind, data}`) of kind t1 (comment), t3 (post) and t4 (private message) → mentions.
 * External ids are Reddit fullnames (`t1_…`), unique site-wide; a comment's thread is its post (`link_id`),
 * a message's thread is the conversation's first message.
 */
export function normaliseRedditThing(raw: unknown, context: RedditNormaliseContext): NormalisedMention | null {
  if (!isObject(raw)) throw new MalformedItemError('reddit thing: not an object');
  const kind = stringAt(raw, 'kind');
  const data = objectAt(raw, 'data');
  if (data === null || (kind !== 't1' && kind !== 't3' && kind !== 't4')) return null;
  const name = stringAt(data, 'name') ?? (stringAt(data, 'id') ? `${kind}_${stringAt(data, 'id')}` : null);
  if (name === null) throw new MalformedItemError(`reddit ${kind}: missing name and id`);
  const author = stringAt(data, 'author');
  if (author === null) throw new MalformedItemError(`reddit ${name}: missing author`);
  if (context.ownUsername !== null && author.toLowerCase() === context.ownUsername.toLowerCase()) return null;
  const publishedAt = epochSecondsToIso(numberAt(data, 'created_utc'));
  if (publishedAt === null) throw new MalformedItemError(`reddit ${name}: missing created_utc`);
  const base = {
    externalId: name,
    channel: REDDIT_CHANNEL,
    // Reddit does not tag languages.
    lang: null,
    publishedAt,
    author: {
      id: `${REDDIT_CHANNEL}:${author}`,
      handle: `u/${author}`,
      // Listings carry no follower counts, account age or verification; fetching /about per author would cost a call each.
      followers: null,
      accountCreatedAt: null,
      verified: null,
      kind: null,
    },
    brand: null,
    origin: context.origin,
    raw,
  };
  const permalink = stringAt(data, 'permalink');
  if (kind === 't3') {
    const text = [stringAt(data, 'title'), stringAt(data, 'selftext')].map((part) => clean(part)).filter((part) => part !== '').join('\n\n');
    if (text === '') throw new MalformedItemError(`reddit ${name}: no title`);
    return {
      ...base,
      isPrivate: false,
      threadExternalId: name,
      inReplyTo: null,
      text,
      url: permalink ? SITE + permalink.replace(/\?.*$/, '') : stringAt(data, 'url'),
      likes: numberAt(data, 'score'),
      reposts: numberAt(data, 'num_crossposts'),
    };
  }
  const body = clean(stringAt(data, 'body'));
  if (kind === 't4' && numberAt(data, 'was_comment') !== 1 && data['was_comment'] !== true) {
    const subject = clean(stringAt(data, 'subject'));
    const first = stringAt(data, 'first_message_name');
    return {
      ...base,
      isPrivate: true,
      threadExternalId: first ?? name,
      inReplyTo: stringAt(data, 'parent_id'),
      text: [first === null ? subject : '', body].filter((part) => part !== '').join('\n\n'),
      url: `${SITE}/message/messages/${stringAt(data, 'id') ?? name.slice(3)}`,
      likes: null,
      reposts: null,
    };
  }
  // A comment, or a username mention (an inbox item that is a comment: `context` holds its permalink).
  const linkId = stringAt(data, 'link_id') ?? postFromPath(stringAt(data, 'context'));
  const parent = stringAt(data, 'parent_id');
  if (body === '') throw new MalformedItemError(`reddit ${name}: empty body`);
  const link = permalink ?? stringAt(data, 'context');
  return {
    ...base,
    isPrivate: false,
    externalId: kind === 't4' ? `t1_${stringAt(data, 'id') ?? name.slice(3)}` : name,
    threadExternalId: linkId ?? parent ?? name,
    inReplyTo: parent,
    text: body,
    url: link ? SITE + link.replace(/\?.*$/, '') : null,
    likes: numberAt(data, 'score'),
    reposts: null,
  };
}

function postFromPath(path: string | null): string | null {
  const match = path ? /\/comments\/([a-z0-9]+)\//i.exec(path) : null;
  return match ? `t3_${match[1]}` : null;
}

/** With `raw_json=1` bodies come unescaped; without it `&amp;` and friends appear, so both are handled. */
function clean(text: string | null): string {
  return text ? decodeHtmlEntities(text).trim() : '';
}

/** The children of a Listing, or of a comment's `replies` Listing (which is "" when empty). */
export function listingChildren(listing: unknown): JsonObject[] {
  const data = objectAt(listing, 'data');
  const children = data ? data['children'] : null;
  return Array.isArray(children) ? children.filter(isObject) : [];
}
