import type { NormalisedMention } from '../connector';
import { arrayAt, epochSecondsToIso, isObject, MalformedItemError, numberAt, objectAt, stringAt, type JsonObject } from '../shared/json-reader';

export const GOOGLEPLAY_CHANNEL = 'googleplay';

/** The reviewer's comment (the first `userComment`); a developer reply sits in a later `developerComment`. */
export function userCommentOf(review: unknown): JsonObject | null {
  for (const comment of arrayAt(review, 'comments')) {
    const user = objectAt(comment, 'userComment');
    if (user) return user;
  }
  return null;
}

export function developerReplyOf(review: unknown): string | null {
  for (const comment of arrayAt(review, 'comments')) {
    const text = stringAt(objectAt(comment, 'developerComment'), 'text');
    if (text !== null) return text;
  }
  return null;
}

/** `lastModified.seconds` (a string in the API): when the review was written or last edited. */
export function lastModifiedOf(review: unknown): number | null {
  return numberAt(objectAt(userCommentOf(review), 'lastModified'), 'seconds');
}

/**
 * A Play review → mention. The API names no author id, only a display name, so each review is its own
 * author (`googleplay:review:<id>`): grouping strangers who share a name would be worse than not grouping.
 */
export function normaliseGoogleplayReview(raw: unknown, packageName: string): NormalisedMention {
  if (!isObject(raw)) throw new MalformedItemError('googleplay review: not an object');
  const id = stringAt(raw, 'reviewId');
  if (id === null) throw new MalformedItemError('googleplay review: missing reviewId');
  const comment = userCommentOf(raw);
  // With translationLanguage set, `text` is the translation and `originalText` what the reviewer wrote.
  const text = (stringAt(comment, 'originalText') ?? stringAt(comment, 'text') ?? '').trim();
  if (text === '') throw new MalformedItemError(`googleplay review ${id}: no text`);
  const publishedAt = epochSecondsToIso(lastModifiedOf(raw));
  if (publishedAt === null) throw new MalformedItemError(`googleplay review ${id}: missing lastModified`);
  const language = stringAt(comment, 'reviewerLanguage')?.toLowerCase().split(/[-_]/)[0] ?? null;
  return {
    externalId: id,
    channel: GOOGLEPLAY_CHANNEL,
    lang: language && /^[a-z]{2,3}$/.test(language) ? language : null,
    publishedAt,
    isPrivate: false,
    author: { id: `${GOOGLEPLAY_CHANNEL}:review:${id}`, handle: stringAt(raw, 'authorName'), followers: null, accountCreatedAt: null, verified: null, kind: null },
    threadExternalId: id,
    inReplyTo: null,
    brand: null,
    text,
    url: `https://play.google.com/store/apps/details?id=${encodeURIComponent(packageName)}&reviewId=${encodeURIComponent(id)}`,
    likes: numberAt(comment, 'thumbsUpCount'),
    reposts: null,
    origin: 'owned',
    raw,
  };
}
