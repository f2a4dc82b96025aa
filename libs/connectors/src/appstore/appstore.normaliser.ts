import type { NormalisedMention } from '../connector';
import { dateToIso, isObject, MalformedItemError, objectAt, stringAt, type JsonObject } from '../shared/json-reader';

export const APPSTORE_CHANNEL = 'appstore';

/** The feed's "label" encoding of Atom: every value sits in `{label}`, attributes in `{attributes}`. */
function label(node: unknown, key: string): string | null {
  return stringAt(objectAt(node, key), 'label');
}

/** `feed.entry` is an array, a single object when there is one review, or absent. */
export function feedEntries(body: unknown): JsonObject[] {
  const entry = objectAt(body, 'feed')?.['entry'];
  const list = Array.isArray(entry) ? entry : entry === undefined ? [] : [entry];
  return list.filter(isObject);
}

/** Older feeds put the app itself first (it has `im:name`, no rating): not a review. */
export function isReview(entry: JsonObject): boolean {
  return entry['im:name'] === undefined && objectAt(entry, 'im:rating') !== null;
}

export function reviewId(entry: unknown): string | null {
  return label(entry, 'id');
}

export interface AppstoreNormaliseContext {
  country: string;
  /** The feed gives no date in some versions; then the review is dated when first seen. */
  fetchedAt: string;
}

/**
 * A customer review → mention: title and body as text, the reviewer's App Store profile id as author.
 * Review ids are Apple's own (global). Reviews are public posts about the brand's own app: origin owned.
 * The rating stays in the raw payload.
 */
export function normaliseAppstoreReview(raw: JsonObject, context: AppstoreNormaliseContext): NormalisedMention | null {
  const id = reviewId(raw);
  if (id === null) throw new MalformedItemError('appstore review: missing id');
  const text = [label(raw, 'title'), label(raw, 'content')]
    .map((part) => (part ?? '').trim())
    .filter((part) => part !== '')
    .join('\n\n');
  if (text === '') throw new MalformedItemError(`appstore review ${id}: no title and no text`);
  const author = objectAt(raw, 'author');
  const profile = label(author, 'uri');
  const profileId = profile ? (/\/id(\d+)/.exec(profile)?.[1] ?? null) : null;
  const name = label(author, 'name');
  const votes = Number(label(raw, 'im:voteSum'));
  return {
    externalId: id,
    channel: APPSTORE_CHANNEL,
    // A storefront is a country, not a language.
    lang: null,
    publishedAt: dateToIso(label(raw, 'updated')) ?? context.fetchedAt,
    isPrivate: false,
    author: {
      id: `${APPSTORE_CHANNEL}:${profileId ?? `name:${name ?? 'unknown'}`}`,
      handle: name,
      followers: null,
      accountCreatedAt: null,
      verified: null,
      kind: null,
    },
    threadExternalId: id,
    inReplyTo: null,
    brand: null,
    text,
    url: stringAt(objectAt(objectAt(raw, 'link'), 'attributes'), 'href'),
    likes: Number.isFinite(votes) ? votes : null,
    reposts: null,
    origin: 'owned',
    raw,
  };
}
