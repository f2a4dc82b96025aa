import { createHash } from 'node:crypto';
import type {
  Connector,
  ConnectorCapabilities,
  FetchRequest,
  FetchResult,
  NormalisedMention,
  OutboundMessage,
  PushRequest,
  PushResult,
  RejectedItem,
  SentMessage,
  SourceSettings,
} from '../connector';
import { ConnectorError } from '../connector-error';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import type { HttpContext } from '../shared/http-client';
import { collectItems } from '../shared/item-collector';
import { arrayAt, idAt, isObject, numberAt, objectAt, stringAt } from '../shared/json-reader';
import { assertReplyLength } from '../shared/reply-length';
import { RequestRateLimiter } from '../shared/request-rate-limiter';
import { secretsEqual } from '../shared/webhook-secret';
import { VkApiClient } from './vk-api.client';
import {
  decodeVkText,
  normaliseVkComment,
  normaliseVkMessage,
  normaliseVkPost,
  parseVkExternalId,
  VK_AUTHOR_FIELDS,
  VK_CHANNEL,
  VkDirectory,
  vkIds,
  type VkNormaliseContext,
} from './vk.normaliser';

/**
 * VK: brand search (`newsfeed.search`), the brand community's wall and comments (`wall.get` +
 * `wall.getComments`), Callback API deliveries, comments from the community and community messages.
 *
 * Source options: `groupId` (the brand community, positive id; needed for the wall, the callback and
 * replies), `search` (false to switch the keyword search off), `searchTerms` (default: brand + keywords),
 * `watchPosts` (how many recent wall posts to watch for comments, default 20), `lookbackHours` (first
 * search window, default 24 as VK's own), `baseUrl`.
 * Credentials: `accessToken` (user or service token: search and wall reads), `groupToken` (community
 * token: comments, messages, history), `callbackSecret` and `confirmationCode` (Callback API).
 */
export const VK_CAPABILITIES: ConnectorCapabilities = {
  poll: true,
  push: true,
  publicReply: true,
  privateMessage: true,
  // Messages are capped at 4096 characters; comments take more, but one limit keeps the composer simple.
  replyMaxLength: 4096,
};

const SEARCH_PAGE_MAX = 200;
const COMMENTS_PAGE = 100;
const MAX_TOP_LEVEL_PAGES = 5;
const THREAD_ITEMS = 10;

interface SearchState {
  /** Window start (unix s): items older than this were delivered by an earlier window. */
  since: number;
  /** Ids (`owner_id_id`) dated exactly `since`, already delivered. */
  skip: string[];
  /** While paging a window: its fixed end, VK's `next_from`, and the newest item seen so far. */
  until: number | null;
  nextFrom: string | null;
  newest: number;
  newestIds: string[];
}

interface WallPostState {
  id: number;
  /** The post's comment count when fully read; -1 when a read was cut short by the limit. */
  comments: number;
  lastCommentId: number;
}

interface VkCursor {
  v: 1;
  search: Record<string, SearchState>;
  wall: { lastPostId: number; posts: WallPostState[] } | null;
}

export interface VkConnectorOptions {
  /** Calls per second per token (VK: 3 for user tokens; community tokens allow more). */
  requestsPerSecond?: number;
}

export class VkConnector implements Connector {
  readonly channel = VK_CHANNEL;
  readonly capabilities = VK_CAPABILITIES;
  private readonly api: VkApiClient;

  constructor(
    private readonly http: HttpContext,
    options: VkConnectorOptions = {},
  ) {
    this.api = new VkApiClient(http, new RequestRateLimiter(http.clock, options.requestsPerSecond ?? 3));
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, limit, signal } = request;
    const previous = decodeCursor(VK_CHANNEL, request.cursor, readCursor);
    const next: VkCursor = { v: 1, search: { ...(previous?.search ?? {}) }, wall: previous?.wall ?? null };
    const mentions: NormalisedMention[] = [];
    const rejected: RejectedItem[] = [];
    let hasMore = false;
    const groupId = groupIdOf(source);

    if (groupId !== null) {
      const wall = await this.pollWall(source, groupId, next.wall, limit, signal);
      mentions.push(...wall.mentions);
      rejected.push(...wall.rejected);
      next.wall = wall.state;
      hasMore ||= wall.cut;
    }
    if (source.options['search'] !== false) {
      for (const term of searchTermsOf(source)) {
        const remaining = limit - mentions.length;
        if (remaining <= 0) {
          hasMore = true;
          break;
        }
        const page = await this.searchPage(source, term, next.search[term] ?? null, remaining, signal);
        // One post can match several terms.
        const seen = new Set(mentions.map((m) => m.externalId));
        mentions.push(...page.mentions.filter((m) => !seen.has(m.externalId)));
        rejected.push(...page.rejected);
        next.search[term] = page.state;
        hasMore ||= page.state.nextFrom !== null;
      }
    }
    return { mentions, rejected, cursor: encodeCursor(next), hasMore };
  }

  private async searchPage(source: SourceSettings, term: string, state: SearchState | null, remaining: number, signal?: AbortSignal) {
    const now = Math.floor(this.http.clock.now() / 1000);
    const lookbackHours = positiveNumber(source.options['lookbackHours']) ?? 24;
    const current: SearchState = state ?? { since: now - lookbackHours * 3600, skip: [], until: null, nextFrom: null, newest: 0, newestIds: [] };
    // A window's end is fixed while paging, so `next_from` keeps pointing into the same result set.
    const until = current.nextFrom !== null && current.until !== null ? current.until : now;
    const response = await this.api.call(
      source,
      'newsfeed.search',
      {
        q: term,
        extended: 1,
        fields: VK_AUTHOR_FIELDS,
        count: Math.min(SEARCH_PAGE_MAX, remaining),
        start_time: current.since,
        end_time: until,
        start_from: current.nextFrom ?? undefined,
      },
      readToken(source),
      signal,
    );
    const skip = new Set(current.skip);
    const items = arrayAt(response, 'items').filter((item) => !skip.has(postKey(item)));
    const context: VkNormaliseContext = { groupId: groupIdOf(source), directory: new VkDirectory(response), origin: 'search' };
    const collected = collectItems(items, (item) => normaliseVkPost(item, context), (item) => externalPostId(item));
    let newest = current.newest;
    let newestIds = current.newestIds;
    for (const item of items) {
      const date = numberAt(item, 'date');
      if (date === null) continue;
      if (date > newest) {
        newest = date;
        newestIds = [postKey(item)];
      } else if (date === newest) {
        newestIds = [...newestIds, postKey(item)];
      }
    }
    const nextFrom = stringAt(response, 'next_from');
    const paging = nextFrom !== null && nextFrom !== '' && items.length > 0;
    const nextState: SearchState = paging
      ? { ...current, until, nextFrom, newest, newestIds }
      : newest > 0
        ? { since: newest, skip: newestIds, until: null, nextFrom: null, newest: 0, newestIds: [] }
        : { ...current, until: null, nextFrom: null, newest: 0, newestIds: [] };
    return { ...collected, state: nextState };
  }

  private async pollWall(
    source: SourceSettings,
    groupId: string,
    state: VkCursor['wall'],
    limit: number,
    signal?: AbortSignal,
  ): Promise<{ mentions: NormalisedMention[]; rejected: RejectedItem[]; state: NonNullable<VkCursor['wall']>; cut: boolean }> {
    const owner = `-${groupId}`;
    const token = readToken(source);
    const watch = Math.min(100, positiveNumber(source.options['watchPosts']) ?? 20);
    const response = await this.api.call(source, 'wall.get', { owner_id: owner, count: watch, extended: 1, fields: VK_AUTHOR_FIELDS }, token, signal);
    const directory = new VkDirectory(response);
    const context: VkNormaliseContext = { groupId, directory, origin: 'owned' };
    const posts = arrayAt(response, 'items')
      .filter(isObject)
      .sort((a, b) => (numberAt(a, 'id') ?? 0) - (numberAt(b, 'id') ?? 0));
    const lastPostId = state?.lastPostId ?? 0;
    const known = new Map((state?.posts ?? []).map((post) => [post.id, post]));
    const newPosts = posts.filter((post) => (numberAt(post, 'id') ?? 0) > lastPostId);
    const result = collectItems(newPosts, (post) => normaliseVkPost(post, context), (post) => externalPostId(post));
    const nextPosts: WallPostState[] = [];
    let cut = false;
    for (const post of posts) {
      const postId = numberAt(post, 'id');
      if (postId === null) continue;
      const commentCount = numberAt(objectAt(post, 'comments'), 'count') ?? 0;
      const before = known.get(postId) ?? { id: postId, comments: 0, lastCommentId: 0 };
      const remaining = limit - result.mentions.length;
      if (commentCount === before.comments || commentCount === 0) {
        nextPosts.push({ ...before, comments: commentCount });
        continue;
      }
      if (remaining <= 0) {
        cut = true;
        nextPosts.push(before);
        continue;
      }
      const comments = await this.commentsAfter(source, owner, String(postId), before.lastCommentId, directory, signal);
      const taken = comments.slice(0, remaining);
      const collected = collectItems(
        taken,
        (comment) => normaliseVkComment(comment, context, { owner, post: String(postId) }),
        (comment) => {
          const id = idAt(comment, 'id');
          return id ? vkIds.comment(owner, String(postId), id) : null;
        },
      );
      result.mentions.push(...collected.mentions);
      result.rejected.push(...collected.rejected);
      const complete = taken.length === comments.length;
      cut ||= !complete;
      const lastTaken = taken.length > 0 ? (numberAt(taken[taken.length - 1], 'id') ?? before.lastCommentId) : before.lastCommentId;
      nextPosts.push({ id: postId, comments: complete ? commentCount : -1, lastCommentId: lastTaken });
    }
    const newest = posts.reduce((max, post) => Math.max(max, numberAt(post, 'id') ?? 0), lastPostId);
    return { ...result, state: { lastPostId: newest, posts: nextPosts }, cut };
  }

  /**
   * Comments of one post with an id above `after`, oldest first. Comment ids grow per wall, so a new reply
   * deep in an old thread is found too: top-level pages (newest first) until older than `after`, and every
   * thread whose replies did not all come inline is read as a branch.
   */
  private async commentsAfter(
    source: SourceSettings,
    owner: string,
    postId: string,
    after: number,
    directory: VkDirectory,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>[]> {
    const token = readToken(source);
    const common = { owner_id: owner, post_id: postId, count: COMMENTS_PAGE, sort: 'desc', extended: 1, fields: VK_AUTHOR_FIELDS, need_likes: 1 };
    const found = new Map<number, Record<string, unknown>>();
    const add = (item: unknown): void => {
      const id = numberAt(item, 'id');
      // Deleted comments come back as tombstones (`deleted: true`); they are not mentions and must not use up the limit.
      if (id !== null && id > after && isObject(item) && item['deleted'] !== true) found.set(id, item);
    };
    for (let page = 0; page < MAX_TOP_LEVEL_PAGES; page += 1) {
      const response = await this.api.call(
        source,
        'wall.getComments',
        { ...common, offset: page * COMMENTS_PAGE, thread_items_count: THREAD_ITEMS },
        token,
        signal,
      );
      directory.add(response);
      const items = arrayAt(response, 'items');
      for (const item of items) {
        add(item);
        const thread = objectAt(item, 'thread');
        const inline = arrayAt(thread, 'items');
        inline.forEach(add);
        const threadCount = numberAt(thread, 'count') ?? 0;
        const topId = idAt(item, 'id');
        if (threadCount > inline.length && topId !== null) {
          const branch = await this.api.call(source, 'wall.getComments', { ...common, comment_id: topId }, token, signal);
          directory.add(branch);
          arrayAt(branch, 'items').forEach(add);
        }
      }
      const oldest = items.reduce<number>((min, item) => Math.min(min, numberAt(item, 'id') ?? min), Number.MAX_SAFE_INTEGER);
      if (items.length < COMMENTS_PAGE || oldest <= after) break;
    }
    return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, item]) => item);
  }

  async receive(request: PushRequest): Promise<PushResult> {
    const { source } = request;
    const secret = source.credentials['callbackSecret'];
    if (!secret) throw new ConnectorError('auth_revoked', 'vk callback: the source has no callbackSecret configured');
    let body: unknown;
    try {
      body = JSON.parse(request.rawBody.toString('utf8'));
    } catch {
      throw new ConnectorError('bad_request', 'vk callback: body is not JSON');
    }
    if (!isObject(body)) throw new ConnectorError('bad_request', 'vk callback: body is not an object');
    const received = stringAt(body, 'secret');
    if (received === null || !secretsEqual(received, secret)) throw new ConnectorError('bad_request', 'vk callback: secret missing or wrong');
    const groupId = groupIdOf(source);
    const eventGroup = idAt(body, 'group_id');
    if (groupId !== null && eventGroup !== groupId) throw new ConnectorError('bad_request', 'vk callback: event for another community');
    const type = stringAt(body, 'type');
    if (type === 'confirmation') {
      const code = source.credentials['confirmationCode'];
      if (!code) throw new ConnectorError('auth_revoked', 'vk callback: the source has no confirmationCode configured');
      return { mentions: [], rejected: [], responseBody: code };
    }
    const context: VkNormaliseContext = { groupId: groupId ?? eventGroup, directory: new VkDirectory(), origin: 'owned' };
    const object = body['object'];
    let normalise: ((item: unknown) => NormalisedMention | null) | null = null;
    switch (type) {
      case 'wall_post_new':
      case 'wall_repost':
        normalise = (item) => normaliseVkPost(item, context);
        break;
      case 'wall_reply_new':
      case 'wall_reply_edit':
      case 'wall_reply_restore':
        normalise = (item) => normaliseVkComment(item, context);
        break;
      case 'message_new':
      case 'message_edit':
        // Since API 5.103 `message_new` wraps the message with `client_info`; `message_edit` never does.
        normalise = (item) => normaliseVkMessage(objectAt(item, 'message') ?? item, context);
        break;
      default:
        // Other events (deletions, likes, `message_reply` = our own outgoing message) carry no mention; VK still wants "ok".
        normalise = null;
    }
    const collected = normalise
      ? collectItems([object], normalise, () => (type ? `${type}:${stringAt(body, 'event_id') ?? 'unknown'}` : null))
      : { mentions: [], rejected: [] };
    return { ...collected, responseBody: 'ok' };
  }

  async replyPublic(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(VK_CHANNEL, message.body, VK_CAPABILITIES.replyMaxLength);
    const { source } = message;
    const groupId = requireGroupId(source);
    const target = wallTarget(message);
    // `guid` makes VK drop a repeated comment with the same key.
    const response = await this.api.call(
      source,
      'wall.createComment',
      {
        owner_id: target.owner,
        post_id: target.post,
        message: message.body,
        from_group: groupId,
        reply_to_comment: target.comment ?? undefined,
        guid: message.idempotencyKey,
      },
      writeToken(source),
    );
    const commentId = idAt(response, 'comment_id');
    if (commentId === null) throw new ConnectorError('transient', 'vk wall.createComment: no comment_id in the answer');
    return { platformId: vkIds.comment(target.owner, target.post, commentId), url: `https://vk.com/wall${target.owner}_${target.post}?reply=${commentId}` };
  }

  async sendPrivate(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(VK_CHANNEL, message.body, VK_CAPABILITIES.replyMaxLength);
    const { source } = message;
    const peer = dmPeer(message);
    const target = parseVkExternalId(message.inReplyTo.externalId);
    const response = await this.api.call(
      source,
      'messages.send',
      {
        peer_id: peer,
        random_id: randomIdFor(message.idempotencyKey),
        message: message.body,
        reply_to: target?.kind === 'message' && target.peer === peer ? target.message : undefined,
      },
      writeToken(source),
    );
    const messageId = sentMessageId(response);
    if (messageId === null) throw new ConnectorError('transient', 'vk messages.send: no message id in the answer');
    return { platformId: vkIds.message(peer, messageId), url: null };
  }

  /**
   * Public: the community's own comment with this text under the post (or in the thread of the comment
   * answered). Private: the last messages of the dialog, matched on our `random_id`.
   */
  async findSent(message: OutboundMessage): Promise<SentMessage | null> {
    const { source } = message;
    const token = writeToken(source);
    if (message.visibility === 'private') {
      const peer = dmPeer(message);
      const response = await this.api.call(source, 'messages.getHistory', { peer_id: peer, count: 50 }, token);
      const randomId = randomIdFor(message.idempotencyKey);
      const sent = arrayAt(response, 'items').find((item) => numberAt(item, 'out') === 1 && numberAt(item, 'random_id') === randomId);
      const id = sent ? idAt(sent, 'id') : null;
      return id ? { platformId: vkIds.message(peer, id), url: null } : null;
    }
    const groupId = requireGroupId(source);
    const target = wallTarget(message);
    const threadTop = target.comment !== null ? (topCommentOf(message.inReplyTo.raw) ?? target.comment) : null;
    const response = await this.api.call(
      source,
      'wall.getComments',
      { owner_id: target.owner, post_id: target.post, count: COMMENTS_PAGE, sort: 'desc', comment_id: threadTop ?? undefined },
      token,
    );
    const wanted = normaliseForComparison(message.body);
    const sent = arrayAt(response, 'items').find(
      (item) => idAt(item, 'from_id') === `-${groupId}` && normaliseForComparison(decodeVkText(stringAt(item, 'text') ?? '')) === wanted,
    );
    const id = sent ? idAt(sent, 'id') : null;
    return id ? { platformId: vkIds.comment(target.owner, target.post, id), url: `https://vk.com/wall${target.owner}_${target.post}?reply=${id}` } : null;
  }

  async testConnection(source: SourceSettings): Promise<{ ok: true; detail: string }> {
    const groupId = groupIdOf(source);
    if (groupId === null) {
      await this.api.call(source, 'newsfeed.search', { q: source.query.brand, count: 1 }, readToken(source));
      return { ok: true, detail: 'search token works' };
    }
    const response = await this.api.call(source, 'groups.getById', { group_id: groupId }, writeToken(source));
    const groups = Array.isArray(response) ? response : arrayAt(response, 'groups');
    return { ok: true, detail: `community: ${stringAt(groups[0], 'name') ?? groupId}` };
  }
}

function readCursor(value: Record<string, unknown>): VkCursor | null {
  if (value['v'] !== 1 || !isObject(value['search'])) return null;
  return value as unknown as VkCursor;
}

function groupIdOf(source: SourceSettings): string | null {
  const raw = source.options['groupId'];
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : '';
  const match = /^(?:-|club|public)?(\d+)$/.exec(text);
  return match ? match[1]! : null;
}

function requireGroupId(source: SourceSettings): string {
  const groupId = groupIdOf(source);
  if (groupId === null) throw new ConnectorError('bad_request', 'vk: replies need options.groupId (the brand community)');
  return groupId;
}

function searchTermsOf(source: SourceSettings): string[] {
  const configured = source.options['searchTerms'];
  const terms = Array.isArray(configured) ? configured.filter((t): t is string => typeof t === 'string') : [source.query.brand, ...source.query.keywords];
  // VK search ignores case, so "Бренд" and "бренд" are one search.
  const byFolded = new Map<string, string>();
  for (const term of terms.map((t) => t.trim()).filter((t) => t !== '')) {
    const folded = term.toLowerCase().replace(/ё/g, 'е');
    if (!byFolded.has(folded)) byFolded.set(folded, term);
  }
  return [...byFolded.values()];
}

function positiveNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : null;
}

function readToken(source: SourceSettings): string {
  const token = source.credentials['accessToken'] ?? source.credentials['groupToken'];
  if (!token) throw new ConnectorError('auth_revoked', 'vk: the source has no accessToken');
  return token;
}

function writeToken(source: SourceSettings): string {
  const token = source.credentials['groupToken'] ?? source.credentials['accessToken'];
  if (!token) throw new ConnectorError('auth_revoked', 'vk: the source has no groupToken');
  return token;
}

function postKey(item: unknown): string {
  return `${idAt(item, 'owner_id') ?? '?'}_${idAt(item, 'id') ?? '?'}`;
}

function externalPostId(item: unknown): string | null {
  const owner = idAt(item, 'owner_id');
  const id = idAt(item, 'id');
  return owner && id ? vkIds.post(owner, id) : null;
}

function wallTarget(message: OutboundMessage): { owner: string; post: string; comment: string | null } {
  const target = parseVkExternalId(message.inReplyTo.externalId);
  if (target?.kind === 'post') return { owner: target.owner, post: target.post, comment: null };
  if (target?.kind === 'comment') return { owner: target.owner, post: target.post, comment: target.comment };
  throw new ConnectorError('bad_request', 'vk: a public reply needs a wall post or comment to answer');
}

function dmPeer(message: OutboundMessage): string {
  const authorId = message.inReplyTo.author.id.replace(/^vk:/, '');
  if (!/^\d+$/.test(authorId)) throw new ConnectorError('not_permitted', 'vk: a community cannot message another community');
  return authorId;
}

function topCommentOf(raw: unknown): string | null {
  const stack = arrayAt(raw, 'parents_stack');
  const top = stack[0];
  return typeof top === 'number' || typeof top === 'string' ? String(top) : null;
}

/** VK drops a second `messages.send` with the same `random_id` (a signed int32): derive it from the idempotency key. */
export function randomIdFor(idempotencyKey: string): number {
  return createHash('sha256').update(idempotencyKey).digest().readInt32BE(0) & 0x7fffffff;
}

function sentMessageId(response: unknown): string | null {
  if (typeof response === 'number') return String(response);
  if (Array.isArray(response)) return idAt(response[0], 'message_id');
  return idAt(response, 'message_id');
}

function normaliseForComparison(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
