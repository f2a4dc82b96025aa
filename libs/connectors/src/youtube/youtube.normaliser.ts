import type { NormalisedMention } from '../connector';
import { htmlToText } from '../shared/html-text';
import { dateToIso, isObject, MalformedItemError, numberAt, objectAt, stringAt } from '../shared/json-reader';

export const YOUTUBE_CHANNEL = 'youtube';

export interface YoutubeNormaliseContext {
  /** The brand's channel: its own comments are not mentions. */
  ownChannelId: string | null;
  origin: 'search' | 'owned';
  /** The thread (top-level comment id) and video, for replies from comments.list that carry neither. */
  threadId: string;
  videoId: string | null;
}

/**
 * A `youtube#comment` → mention. Comment ids are global (a reply's id is `<thread id>.<reply id>`); the
 * thread is the top-level comment; YouTube threads are two levels deep, so a reply answers the top
 * comment (`parentId`). Followers and verification would cost a channels.list call per author: null.
 */
export function normaliseYoutubeComment(raw: unknown, context: YoutubeNormaliseContext): NormalisedMention | null {
  if (!isObject(raw)) throw new MalformedItemError('youtube comment: not an object');
  const id = stringAt(raw, 'id');
  const snippet = objectAt(raw, 'snippet');
  if (id === null || snippet === null) throw new MalformedItemError('youtube comment: missing id or snippet');
  const authorChannel = stringAt(objectAt(snippet, 'authorChannelId'), 'value');
  if (authorChannel !== null && context.ownChannelId !== null && authorChannel === context.ownChannelId) return null;
  const publishedAt = dateToIso(stringAt(snippet, 'publishedAt'));
  if (publishedAt === null) throw new MalformedItemError(`youtube comment ${id}: missing publishedAt`);
  const text = (stringAt(snippet, 'textOriginal') ?? htmlToText(stringAt(snippet, 'textDisplay') ?? '')).trim();
  if (text === '') return null;
  const videoId = stringAt(snippet, 'videoId') ?? context.videoId;
  const parent = stringAt(snippet, 'parentId');
  return {
    externalId: id,
    channel: YOUTUBE_CHANNEL,
    lang: null,
    publishedAt,
    isPrivate: false,
    author: {
      // Some authors (deleted or hidden channels) come without a channel id; the display name is all there is.
      id: `${YOUTUBE_CHANNEL}:${authorChannel ?? `name:${stringAt(snippet, 'authorDisplayName') ?? 'unknown'}`}`,
      handle: stringAt(snippet, 'authorDisplayName'),
      followers: null,
      accountCreatedAt: null,
      verified: null,
      kind: null,
    },
    threadExternalId: context.threadId,
    inReplyTo: parent,
    brand: null,
    text,
    url: videoId ? `https://www.youtube.com/watch?v=${videoId}&lc=${id}` : null,
    likes: numberAt(snippet, 'likeCount'),
    reposts: null,
    origin: context.origin,
    raw,
  };
}
