import type {
  Connector,
  ConnectorCapabilities,
  FetchRequest,
  FetchResult,
  NormalisedMention,
  OutboundMessage,
  RejectedItem,
  SentMessage,
  SourceSettings,
} from '../connector';
import { ConnectorError } from '../connector-error';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import { googleError } from '../shared/google-errors';
import { GoogleTokens, refreshTokenGrantOf } from '../shared/google-token';
import { baseUrlOf, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { collectItems } from '../shared/item-collector';
import { arrayAt, isObject, numberAt, objectAt, stringAt, type JsonObject } from '../shared/json-reader';
import { assertReplyLength } from '../shared/reply-length';
import { secretsOf } from '../shared/secret-redaction';
import { normaliseYoutubeComment, YOUTUBE_CHANNEL } from './youtube.normaliser';

/**
 * YouTube Data API v3: comment threads of the brand's channel (`allThreadsRelatedToChannelId`) or of
 * chosen videos, with every reply (`comments.list?parentId` when the thread's inline replies are a
 * subset); replies by `comments.insert`. No private messages exist on YouTube.
 *
 * Source options: `channelId` (the brand's channel: all its videos' comments, and its own comments are
 * skipped), `videoIds` (watched videos), `baseUrl`, `tokenUrl` (where tokens are minted). Both are watched
 * spaces: every comment is kept.
 * Credentials: `apiKey` (reads only) and/or user credentials, needed to reply: `refreshToken` + `clientId` +
 * `clientSecret` (an OAuth client's refresh token, scope youtube.force-ssl granted by the channel owner;
 * access tokens are minted from it and renewed, shared/google-token.ts) or `accessToken` (minted elsewhere:
 * it dies within the hour). User credentials are used for reads too when set; the refresh token wins over
 * a given accessToken, which a stale one left behind would otherwise break.
 *
 * Quota, not rate: reads cost 1 unit, a reply 50, of 10 000 a day by default; `quotaExceeded` waits until
 * the quota day turns at midnight Pacific time.
 */
export const YOUTUBE_CAPABILITIES: ConnectorCapabilities = { poll: true, push: false, publicReply: true, privateMessage: false, replyMaxLength: 10_000 };

const DEFAULT_BASE = 'https://www.googleapis.com/youtube/v3';
const PAGE = 100;
const MAX_THREAD_PAGES = 3;
const MAX_REPLY_PAGES = 3;
const SEEN_LIMIT = 3000;
const REPLY_COUNTS_LIMIT = 500;

interface StreamState {
  seen: string[];
  /** Reply counts of threads whose replies were all delivered: a change means new replies to read. */
  replyCounts: Record<string, number>;
}

interface YoutubeCursor {
  v: 1;
  streams: Record<string, StreamState>;
}

interface Candidate {
  comment: unknown;
  threadId: string;
  videoId: string | null;
  publishedAt: string;
}

export class YoutubeConnector implements Connector {
  readonly channel = YOUTUBE_CHANNEL;
  readonly capabilities = YOUTUBE_CAPABILITIES;
  private readonly tokens: GoogleTokens;

  constructor(private readonly http: HttpContext) {
    this.tokens = new GoogleTokens(http, YOUTUBE_CHANNEL);
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, signal } = request;
    const cursor = decodeCursor(YOUTUBE_CHANNEL, request.cursor, (value) =>
      value['v'] === 1 && isObject(value['streams']) ? (value as unknown as YoutubeCursor) : null,
    );
    const next: YoutubeCursor = { v: 1, streams: { ...(cursor?.streams ?? {}) } };
    const mentions: NormalisedMention[] = [];
    const rejected: RejectedItem[] = [];
    let hasMore = false;
    const ownChannelId = stringOption(source, 'channelId');

    for (const stream of streamsOf(source)) {
      if (mentions.length >= request.limit) {
        hasMore = true;
        break;
      }
      const state = next.streams[stream.key] ?? null;
      const seen = new Set(state?.seen ?? []);
      const counts = { ...(state?.replyCounts ?? {}) };
      const candidates: Candidate[] = [];
      const threadsComplete = new Map<string, number>();
      let pageToken: string | null = null;
      for (let page = 0; page < MAX_THREAD_PAGES; page += 1) {
        const body = await this.call(source, 'GET', '/commentThreads', {
          part: 'snippet,replies',
          [stream.param]: stream.value,
          order: 'time',
          textFormat: 'plainText',
          maxResults: PAGE,
          pageToken: pageToken ?? undefined,
        }, undefined, signal);
        const threads = arrayAt(body, 'items').filter(isObject);
        let allNew = threads.length > 0;
        for (const thread of threads) {
          const threadId = stringAt(thread, 'id');
          const snippet = objectAt(thread, 'snippet');
          if (threadId === null) continue;
          const videoId = stringAt(snippet, 'videoId');
          const top = objectAt(snippet, 'topLevelComment');
          if (top && !seen.has(threadId)) candidates.push({ comment: top, threadId, videoId, publishedAt: publishedOf(top) });
          else allNew = false;
          const total = numberAt(snippet, 'totalReplyCount') ?? 0;
          if (total === 0 || counts[threadId] === total) continue;
          const inline = arrayAt(objectAt(thread, 'replies'), 'comments');
          const replies = inline.length >= total ? inline : await this.allReplies(source, threadId, signal);
          for (const reply of replies) {
            const id = stringAt(reply, 'id');
            if (id !== null && !seen.has(id)) candidates.push({ comment: reply, threadId, videoId, publishedAt: publishedOf(reply) });
          }
          threadsComplete.set(threadId, total);
        }
        pageToken = stringAt(body, 'nextPageToken');
        // The first poll reads one page; later ones keep going while a whole page is new.
        if (state === null || pageToken === null || !allNew) break;
      }
      const unique = [...new Map(candidates.map((c) => [stringAt(c.comment, 'id') ?? '', c])).values()].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt));
      const taken = unique.slice(0, Math.max(0, request.limit - mentions.length));
      hasMore ||= taken.length < unique.length;
      for (const candidate of taken) {
        const collected = collectItems(
          [candidate.comment],
          (comment) => normaliseYoutubeComment(comment, { ownChannelId, origin: 'owned', threadId: candidate.threadId, videoId: candidate.videoId }),
          (comment) => stringAt(comment, 'id'),
        );
        mentions.push(...collected.mentions);
        rejected.push(...collected.rejected);
      }
      const takenIds = new Set(taken.map((c) => stringAt(c.comment, 'id')));
      // A thread's count is stored only when all its new replies went out, so a cut thread is read again.
      for (const [threadId, total] of threadsComplete) {
        const pending = unique.some((c) => c.threadId === threadId && !takenIds.has(stringAt(c.comment, 'id')));
        if (!pending) counts[threadId] = total;
      }
      const countEntries = Object.entries(counts).slice(-REPLY_COUNTS_LIMIT);
      next.streams[stream.key] = {
        seen: [...new Set([...(state?.seen ?? []), ...[...takenIds].filter((id): id is string => id !== null)])].slice(-SEEN_LIMIT),
        replyCounts: Object.fromEntries(countEntries),
      };
    }
    return { mentions, rejected, cursor: encodeCursor(next), hasMore };
  }

  private async allReplies(source: SourceSettings, threadId: string, signal?: AbortSignal): Promise<unknown[]> {
    const replies: unknown[] = [];
    let pageToken: string | null = null;
    for (let page = 0; page < MAX_REPLY_PAGES; page += 1) {
      const body = await this.call(source, 'GET', '/comments', { part: 'snippet', parentId: threadId, maxResults: PAGE, textFormat: 'plainText', pageToken: pageToken ?? undefined }, undefined, signal);
      replies.push(...arrayAt(body, 'items'));
      pageToken = stringAt(body, 'nextPageToken');
      if (pageToken === null) break;
    }
    return replies;
  }

  /** Replies go under the thread's top comment: YouTube has no deeper nesting. */
  async replyPublic(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(YOUTUBE_CHANNEL, message.body, YOUTUBE_CAPABILITIES.replyMaxLength);
    const body = await this.call(message.source, 'POST', '/comments', { part: 'snippet' }, { snippet: { parentId: message.inReplyTo.threadExternalId, textOriginal: message.body } }, undefined, true);
    const id = stringAt(body, 'id');
    if (id === null) throw new ConnectorError('transient', 'youtube comments.insert: no id in the answer');
    return { platformId: id, url: urlOfReply(message, id) };
  }

  async findSent(message: OutboundMessage): Promise<SentMessage | null> {
    const { source } = message;
    const own = stringOption(source, 'channelId') ?? (await this.ownChannel(source));
    const replies = await this.allReplies(source, message.inReplyTo.threadExternalId);
    const wanted = message.body.replace(/\s+/g, ' ').trim();
    const found = replies.find((reply) => {
      const snippet = objectAt(reply, 'snippet');
      return stringAt(objectAt(snippet, 'authorChannelId'), 'value') === own && (stringAt(snippet, 'textOriginal') ?? '').replace(/\s+/g, ' ').trim() === wanted;
    });
    const id = stringAt(found, 'id');
    return id ? { platformId: id, url: urlOfReply(message, id) } : null;
  }

  async testConnection(source: SourceSettings): Promise<{ ok: true; detail: string }> {
    const streams = streamsOf(source);
    if (streams.length === 0) throw new ConnectorError('bad_request', 'youtube: set options.channelId or options.videoIds');
    await this.call(source, 'GET', '/commentThreads', { part: 'id', [streams[0]!.param]: streams[0]!.value, maxResults: 1 });
    return { ok: true, detail: `comments readable for ${streams[0]!.value}` };
  }

  private async ownChannel(source: SourceSettings): Promise<string> {
    const body = await this.call(source, 'GET', '/channels', { part: 'id', mine: 'true' }, undefined, undefined, true);
    const id = stringAt(arrayAt(body, 'items')[0], 'id');
    if (id === null) throw new ConnectorError('auth_revoked', 'youtube channels.list mine: the token has no channel');
    return id;
  }

  private async call(
    source: SourceSettings,
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number | undefined>,
    json?: unknown,
    signal?: AbortSignal,
    needsUser = false,
    retriedAuth = false,
  ): Promise<unknown> {
    const grant = refreshTokenGrantOf(YOUTUBE_CHANNEL, source);
    const { apiKey, accessToken } = source.credentials;
    if (needsUser && !grant && !accessToken) throw new ConnectorError('auth_revoked', 'youtube: replying needs user credentials: refreshToken + clientId + clientSecret, or accessToken');
    if (!grant && !accessToken && !apiKey) throw new ConnectorError('auth_revoked', 'youtube: the source has none of apiKey, refreshToken, accessToken');
    const token = grant ? await this.tokens.token(grant) : (accessToken ?? null);
    const operation = `youtube ${method} ${path}`;
    const secrets = [...(grant?.secrets ?? secretsOf(source.credentials)), ...(token ? [token] : [])];
    const reply = await sendHttp(this.http, {
      method,
      url: urlFor(baseUrlOf(source.options, DEFAULT_BASE), path, { ...query, key: token ? undefined : apiKey }),
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: json !== undefined ? JSON.stringify(json) : undefined,
      signal,
      operation,
      secrets,
    });
    if (reply.status === 200) return reply.json();
    if (reply.status === 401 && grant && token && !retriedAuth) {
      // A minted token can die before its time (access revoked and granted again): one fresh token before calling it revoked.
      this.tokens.forget(grant, token);
      return this.call(source, method, path, query, json, signal, needsUser, true);
    }
    let body: unknown = null;
    try {
      body = reply.json();
    } catch {
      body = null;
    }
    throw googleError(operation, reply.status, body, reply.headers, this.http.clock.now(), secrets);
  }
}

function streamsOf(source: SourceSettings): Array<{ key: string; param: string; value: string }> {
  const streams: Array<{ key: string; param: string; value: string }> = [];
  const channelId = stringOption(source, 'channelId');
  if (channelId) streams.push({ key: `channel:${channelId}`, param: 'allThreadsRelatedToChannelId', value: channelId });
  const videos = source.options['videoIds'];
  for (const video of Array.isArray(videos) ? videos : []) {
    if (typeof video === 'string' && /^[\w-]{6,}$/.test(video)) streams.push({ key: `video:${video}`, param: 'videoId', value: video });
  }
  return streams;
}

function stringOption(source: SourceSettings, key: string): string | null {
  const value = source.options[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function publishedOf(comment: unknown): string {
  return stringAt(objectAt(comment, 'snippet'), 'publishedAt') ?? '';
}

function urlOfReply(message: OutboundMessage, id: string): string | null {
  const video = stringAt(objectAt(message.inReplyTo.raw as JsonObject, 'snippet'), 'videoId');
  return video ? `https://www.youtube.com/watch?v=${video}&lc=${id}` : null;
}
