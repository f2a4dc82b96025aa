import type { AuthorInfo } from '@otklik/domain';
import type { NormalisedMention } from '../connector';
import {
  arrayAt,
  booleanAt,
  epochSecondsToIso,
  idAt,
  isObject,
  MalformedItemError,
  numberAt,
  objectAt,
  stringAt,
  type JsonObject,
} from '../shared/json-reader';

export const VK_CHANNEL = 'vk';

/** Profile and community fields asked for on every extended call (followers, verification, handle). */
export const VK_AUTHOR_FIELDS = 'screen_name,followers_count,verified,members_count';

/**
 * External ids: `post:<owner>_<post>`, `comment:<owner>_<post>_<comment>` (comment ids are unique per wall,
 * the post id is kept so a reply can be addressed), `message:<peer>_<message>` for the community inbox.
 * Threads: a post and its comments share `post:<owner>_<post>`; a dialog is `dialog:<peer>`.
 */
export const vkIds = {
  post: (owner: string, post: string) => `post:${owner}_${post}`,
  comment: (owner: string, post: string, comment: string) => `comment:${owner}_${post}_${comment}`,
  message: (peer: string, message: string) => `message:${peer}_${message}`,
  dialog: (peer: string) => `dialog:${peer}`,
};

export type VkTarget =
  | { kind: 'post'; owner: string; post: string }
  | { kind: 'comment'; owner: string; post: string; comment: string }
  | { kind: 'message'; peer: string; message: string };

export function parseVkExternalId(externalId: string): VkTarget | null {
  let m = /^post:(-?\d+)_(\d+)$/.exec(externalId);
  if (m) return { kind: 'post', owner: m[1]!, post: m[2]! };
  m = /^comment:(-?\d+)_(\d+)_(\d+)$/.exec(externalId);
  if (m) return { kind: 'comment', owner: m[1]!, post: m[2]!, comment: m[3]! };
  m = /^message:(-?\d+)_(\d+)$/.exec(externalId);
  if (m) return { kind: 'message', peer: m[1]!, message: m[2]! };
  return null;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', laquo: '«', raquo: '»', mdash: '—', ndash: '–' };

/** VK text arrives HTML-escaped in places (`&#10071;`, `<br>`) and with inline mentions `[id1|Name]`. */
export function decodeVkText(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\[(?:id|club|public|event)\d+\|([^\]]*)\]/g, '$1')
    .replace(/&#(\d+);/g, (whole, code: string) => safeCodePoint(Number(code)) ?? whole)
    .replace(/&#x([0-9a-f]+);/gi, (whole, code: string) => safeCodePoint(parseInt(code, 16)) ?? whole)
    .replace(/&([a-z]+);/gi, (whole, name: string) => NAMED_ENTITIES[name.toLowerCase()] ?? whole);
}

function safeCodePoint(code: number): string | null {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** `profiles` and `groups` of an extended response, by signed author id (groups negative). */
export class VkDirectory {
  private readonly entries = new Map<string, JsonObject>();

  constructor(response?: unknown) {
    if (response !== undefined) this.add(response);
  }

  add(response: unknown): void {
    for (const profile of arrayAt(response, 'profiles')) {
      const id = idAt(profile, 'id');
      if (id && isObject(profile)) this.entries.set(id, profile);
    }
    for (const group of arrayAt(response, 'groups')) {
      const id = idAt(group, 'id');
      if (id && isObject(group)) this.entries.set(`-${id}`, group);
    }
  }

  get(authorId: string): JsonObject | null {
    return this.entries.get(authorId) ?? null;
  }
}

export interface VkNormaliseContext {
  /** The brand's community (positive id), when configured: its own posts are not mentions, its author kind is brand. */
  groupId: string | null;
  directory: VkDirectory;
  origin: 'search' | 'owned';
}

function author(authorId: string, context: VkNormaliseContext): AuthorInfo {
  const entry = context.directory.get(authorId);
  const isGroup = authorId.startsWith('-');
  const handle = stringAt(entry, 'screen_name') ?? (isGroup ? `club${authorId.slice(1)}` : `id${authorId}`);
  return {
    id: `${VK_CHANNEL}:${authorId}`,
    handle,
    followers: numberAt(entry, isGroup ? 'members_count' : 'followers_count'),
    // VK's API does not expose registration dates.
    accountCreatedAt: null,
    verified: booleanAt(entry, 'verified'),
    kind: context.groupId !== null && authorId === `-${context.groupId}` ? 'brand' : null,
  };
}

/** Own text, then any reposted text (a repost's own text is often empty; the brand name is in the original). */
function postText(post: JsonObject): string {
  const parts = [decodeVkText(stringAt(post, 'text') ?? '').trim()];
  for (const copy of arrayAt(post, 'copy_history')) {
    const copied = decodeVkText(stringAt(copy, 'text') ?? '').trim();
    if (copied) parts.push(`» ${copied}`);
  }
  const text = parts.filter((part) => part !== '').join('\n\n');
  if (text) return text;
  const copies = arrayAt(post, 'copy_history').filter(isObject).map(attachmentPlaceholder).filter((p) => p !== '');
  return attachmentPlaceholder(post) || (copies.length > 0 ? `» ${copies.join(' ')}` : '');
}

function attachmentPlaceholder(item: JsonObject): string {
  const types = arrayAt(item, 'attachments')
    .map((attachment) => stringAt(attachment, 'type'))
    .filter((type): type is string => type !== null);
  return types.length > 0 ? `[${[...new Set(types)].join(', ')}]` : '';
}

function requireDate(item: JsonObject, what: string): string {
  const iso = epochSecondsToIso(numberAt(item, 'date'));
  if (iso === null) throw new MalformedItemError(`${what}: missing or invalid date`);
  return iso;
}

export function normaliseVkPost(raw: unknown, context: VkNormaliseContext): NormalisedMention | null {
  if (!isObject(raw)) throw new MalformedItemError('vk post: not an object');
  const owner = idAt(raw, 'owner_id') ?? idAt(raw, 'source_id');
  const id = idAt(raw, 'id') ?? idAt(raw, 'post_id');
  if (owner === null || id === null) throw new MalformedItemError('vk post: missing owner_id or id');
  const from = idAt(raw, 'from_id') ?? idAt(raw, 'signer_id') ?? owner;
  // The brand's own posts are thread roots, not mentions to answer.
  if (context.groupId !== null && from === `-${context.groupId}`) return null;
  const text = postText(raw);
  if (text === '') return null;
  const externalId = vkIds.post(owner, id);
  return {
    externalId,
    channel: VK_CHANNEL,
    lang: null,
    publishedAt: requireDate(raw, `vk post ${externalId}`),
    isPrivate: false,
    author: author(from, context),
    threadExternalId: externalId,
    inReplyTo: null,
    brand: null,
    text,
    url: `https://vk.com/wall${owner}_${id}`,
    likes: numberAt(objectAt(raw, 'likes'), 'count'),
    reposts: numberAt(objectAt(raw, 'reposts'), 'count'),
    origin: context.origin,
    raw,
  };
}

/**
 * A wall comment, from `wall.getComments` (owner_id/post_id on the item or given by the call) or from a
 * Callback `wall_reply_new` (post_owner_id/post_id). Deleted comments (`deleted: true`) are skipped.
 */
export function normaliseVkComment(
  raw: unknown,
  context: VkNormaliseContext,
  parent: { owner: string; post: string } | null = null,
): NormalisedMention | null {
  if (!isObject(raw)) throw new MalformedItemError('vk comment: not an object');
  if (raw['deleted'] === true) return null;
  const id = idAt(raw, 'id');
  const owner = idAt(raw, 'owner_id') ?? idAt(raw, 'post_owner_id') ?? parent?.owner ?? null;
  const post = idAt(raw, 'post_id') ?? parent?.post ?? null;
  if (id === null || owner === null || post === null) throw new MalformedItemError('vk comment: missing id, owner or post id');
  const externalId = vkIds.comment(owner, post, id);
  const from = idAt(raw, 'from_id');
  if (from === null) throw new MalformedItemError(`vk comment ${externalId}: missing from_id`);
  if (context.groupId !== null && from === `-${context.groupId}`) return null;
  const text = decodeVkText(stringAt(raw, 'text') ?? '').trim() || attachmentPlaceholder(raw);
  if (text === '') return null;
  const stack = arrayAt(raw, 'parents_stack')
    .map((entry) => (typeof entry === 'number' || typeof entry === 'string' ? String(entry) : null))
    .filter((entry): entry is string => entry !== null);
  const replyTo = idAt(raw, 'reply_to_comment') ?? stack[stack.length - 1] ?? null;
  const threadTop = stack[0] ?? null;
  return {
    externalId,
    channel: VK_CHANNEL,
    lang: null,
    publishedAt: requireDate(raw, `vk comment ${externalId}`),
    isPrivate: false,
    author: author(from, context),
    threadExternalId: vkIds.post(owner, post),
    inReplyTo: replyTo !== null ? vkIds.comment(owner, post, replyTo) : vkIds.post(owner, post),
    brand: null,
    text,
    url: `https://vk.com/wall${owner}_${post}?reply=${id}${threadTop ? `&thread=${threadTop}` : ''}`,
    likes: numberAt(objectAt(raw, 'likes'), 'count'),
    reposts: null,
    origin: context.origin,
    raw,
  };
}

/** A community inbox message (Callback `message_new`: `object.message`, older versions the object itself). Outgoing ones are skipped. */
export function normaliseVkMessage(raw: unknown, context: VkNormaliseContext): NormalisedMention | null {
  if (!isObject(raw)) throw new MalformedItemError('vk message: not an object');
  if (numberAt(raw, 'out') === 1) return null;
  const id = idAt(raw, 'id') ?? idAt(raw, 'conversation_message_id');
  const peer = idAt(raw, 'peer_id') ?? idAt(raw, 'from_id');
  const from = idAt(raw, 'from_id');
  if (id === null || peer === null || from === null) throw new MalformedItemError('vk message: missing id, peer_id or from_id');
  const externalId = vkIds.message(peer, id);
  const text = decodeVkText(stringAt(raw, 'text') ?? '').trim() || attachmentPlaceholder(raw);
  if (text === '') return null;
  const replied = objectAt(raw, 'reply_message');
  const repliedId = replied ? idAt(replied, 'id') : null;
  return {
    externalId,
    channel: VK_CHANNEL,
    lang: null,
    publishedAt: requireDate(raw, `vk message ${externalId}`),
    isPrivate: true,
    author: author(from, context),
    threadExternalId: vkIds.dialog(peer),
    inReplyTo: repliedId !== null ? vkIds.message(peer, repliedId) : null,
    brand: null,
    text,
    url: context.groupId !== null ? `https://vk.com/gim${context.groupId}?sel=${peer}` : null,
    likes: null,
    reposts: null,
    origin: 'owned',
    raw,
  };
}
