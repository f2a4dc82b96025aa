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
import { errorForStatus } from '../shared/http-errors';
import { baseUrlOf, formBody, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { collectItems } from '../shared/item-collector';
import { arrayAt, isObject, numberAt, objectAt, stringAt, type JsonObject } from '../shared/json-reader';
import { assertReplyLength } from '../shared/reply-length';
import { redactSecrets, secretsOf } from '../shared/secret-redaction';
import { RedditTokens, userAgentOf } from './reddit-auth';
import { listingChildren, normaliseRedditThing, REDDIT_CHANNEL, type RedditNormaliseContext } from './reddit.normaliser';

/**
 * Reddit: keyword search (posts), new posts and comments of watched subreddits, username mentions and
 * private messages of the brand account, and full comment trees of watched posts (with "more" stubs
 * expanded through /api/morechildren). Replies with /api/comment; private messages with /api/compose
 * (or a reply inside an existing message conversation).
 *
 * Source options: `search` (false to skip), `searchSubreddit` (restrict the search), `subreddits`
 * (watched, re-checked by brand), `ownedSubreddits` (the brand's own: everything kept), `mentions`,
 * `messages` (false to skip each), `watchPosts` (post ids whose whole tree is followed), `messageSubject`,
 * `userAgent`, `baseUrl` (API host, default https://oauth.reddit.com), `authBaseUrl`.
 * Credentials: `accessToken`, or `clientId` + `clientSecret` (+ `username` + `password` for a script app).
 *
 * Listings are read newest first and new items recognised by a bounded set of seen fullnames rather than
 * by `before=`: an anchor that gets deleted makes `before` return nothing forever.
 */
export const REDDIT_CAPABILITIES: ConnectorCapabilities = { poll: true, push: false, publicReply: true, privateMessage: true, replyMaxLength: 10_000 };

const DEFAULT_BASE = 'https://oauth.reddit.com';
const PAGE = 100;
const MAX_PAGES = 3;
const SEEN_LIMIT = 1000;
const MORE_CHILDREN_PER_CALL = 100;
const MORE_CALLS_PER_POST = 2;

interface StreamState {
  seen: string[];
  newest: number;
}

interface RedditCursor {
  v: 1;
  streams: Record<string, StreamState>;
}

interface Stream {
  key: string;
  path: string;
  query: Record<string, string | number>;
  origin: 'search' | 'owned';
}

export class RedditConnector implements Connector {
  readonly channel = REDDIT_CHANNEL;
  readonly capabilities = REDDIT_CAPABILITIES;
  private readonly tokens: RedditTokens;

  constructor(private readonly http: HttpContext) {
    this.tokens = new RedditTokens(http);
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, signal } = request;
    const cursor = decodeCursor(REDDIT_CHANNEL, request.cursor, (value) =>
      value['v'] === 1 && isObject(value['streams']) ? (value as unknown as RedditCursor) : null,
    );
    const next: RedditCursor = { v: 1, streams: { ...(cursor?.streams ?? {}) } };
    const mentions: NormalisedMention[] = [];
    const rejected: RejectedItem[] = [];
    let hasMore = false;
    const ownUsername = source.credentials['username'] ?? (typeof source.options['brandAccount'] === 'string' ? source.options['brandAccount'] : null);

    const take = (things: JsonObject[], state: StreamState | null, origin: 'search' | 'owned', key: string) => {
      const seen = new Set(state?.seen ?? []);
      const fresh = things
        .filter((thing) => {
          const name = stringAt(objectAt(thing, 'data'), 'name');
          return name !== null && !seen.has(name);
        })
        .sort((a, b) => (numberAt(objectAt(a, 'data'), 'created_utc') ?? 0) - (numberAt(objectAt(b, 'data'), 'created_utc') ?? 0));
      const remaining = Math.max(0, request.limit - mentions.length);
      const taken = fresh.slice(0, remaining);
      hasMore ||= taken.length < fresh.length;
      const context: RedditNormaliseContext = { origin, ownUsername };
      const collected = collectItems(taken, (thing) => normaliseRedditThing(thing, context), (thing) => stringAt(objectAt(thing, 'data'), 'name'));
      const already = new Set(mentions.map((m) => m.externalId));
      mentions.push(...collected.mentions.filter((m) => !already.has(m.externalId)));
      rejected.push(...collected.rejected);
      const names = taken.map((thing) => stringAt(objectAt(thing, 'data'), 'name')).filter((name): name is string => name !== null);
      const newest = taken.reduce((max, thing) => Math.max(max, numberAt(objectAt(thing, 'data'), 'created_utc') ?? 0), state?.newest ?? 0);
      next.streams[key] = { seen: [...new Set([...(state?.seen ?? []), ...names])].slice(-SEEN_LIMIT), newest };
    };

    for (const stream of listingStreams(source)) {
      if (mentions.length >= request.limit) {
        hasMore = true;
        break;
      }
      const state = next.streams[stream.key] ?? null;
      const things = await this.readListing(source, stream, state, signal);
      take(things, state, stream.origin, stream.key);
    }
    for (const postId of watchedPosts(source)) {
      if (mentions.length >= request.limit) {
        hasMore = true;
        break;
      }
      const key = `thread:${postId}`;
      const things = await this.readThread(source, postId, signal);
      take(things, next.streams[key] ?? null, 'owned', key);
    }
    return { mentions, rejected, cursor: encodeCursor(next), hasMore };
  }

  /** Newest first, following `after` while every item is new (up to a few pages): no gap after a quiet spell. */
  private async readListing(source: SourceSettings, stream: Stream, state: StreamState | null, signal?: AbortSignal): Promise<JsonObject[]> {
    const seen = new Set(state?.seen ?? []);
    const things: JsonObject[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const body = await this.call(source, 'GET', stream.path, { ...stream.query, limit: PAGE, after: after ?? undefined }, signal);
      const children = listingChildren(body);
      things.push(...children);
      after = stringAt(objectAt(body, 'data'), 'after');
      // The first poll reads one page: history before the source existed is not chased.
      if (state === null || after === null || children.length === 0) break;
      const reachedKnown = children.some((child) => {
        const data = objectAt(child, 'data');
        const name = stringAt(data, 'name');
        return (name !== null && seen.has(name)) || (numberAt(data, 'created_utc') ?? 0) < state.newest;
      });
      if (reachedKnown) break;
    }
    return things;
  }

  /** A post's comment tree flattened, with "more" stubs expanded (bounded: the biggest threads have thousands). */
  private async readThread(source: SourceSettings, postId: string, signal?: AbortSignal): Promise<JsonObject[]> {
    const id = postId.replace(/^t3_/, '');
    const body = await this.call(source, 'GET', `/comments/${id}`, { sort: 'new', limit: 500 }, signal);
    const listings = Array.isArray(body) ? body : [];
    const comments: JsonObject[] = [];
    const more: string[] = [];
    const names = new Set<string>();
    const walk = (children: JsonObject[]): void => {
      for (const child of children) {
        const kind = stringAt(child, 'kind');
        const data = objectAt(child, 'data');
        if (kind === 'more') {
          for (const stub of arrayAt(data, 'children')) if (typeof stub === 'string') more.push(stub);
          continue;
        }
        if (kind !== 't1') continue;
        const name = stringAt(data, 'name');
        if (name !== null && names.has(name)) continue;
        if (name !== null) names.add(name);
        comments.push(child);
        walk(listingChildren(data?.['replies']));
      }
    };
    walk(listingChildren(listings[1]));
    for (let call = 0; call < MORE_CALLS_PER_POST && more.length > 0; call += 1) {
      const batch = more.splice(0, MORE_CHILDREN_PER_CALL);
      const expanded = await this.call(
        source,
        'POST',
        '/api/morechildren',
        {},
        signal,
        formBody({ api_type: 'json', link_id: `t3_${id}`, children: batch.join(','), sort: 'new' }),
      );
      walk(arrayAt(objectAt(objectAt(expanded, 'json'), 'data'), 'things').filter(isObject));
    }
    return comments;
  }

  async replyPublic(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(REDDIT_CHANNEL, message.body, REDDIT_CAPABILITIES.replyMaxLength);
    const thing = thingOf(message);
    if (thing.startsWith('t4_')) throw new ConnectorError('bad_request', 'reddit: a private message is answered privately');
    return this.comment(message.source, thing, message.body);
  }

  async sendPrivate(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(REDDIT_CHANNEL, message.body, REDDIT_CAPABILITIES.replyMaxLength);
    const { source } = message;
    const thing = thingOf(message);
    // Inside an existing conversation a reply is a comment on the message.
    if (thing.startsWith('t4_')) return this.comment(source, thing, message.body);
    const to = recipientOf(message);
    const answer = await this.call(source, 'POST', '/api/compose', {}, undefined, formBody({ api_type: 'json', to, subject: subjectOf(message), text: message.body }));
    throwOnJsonErrors('reddit /api/compose', answer);
    // Compose answers without the message: look it up among the sent ones.
    return (await this.findSent(message)) ?? { platformId: `compose:${message.idempotencyKey}`, url: null };
  }

  /**
   * Public: our recent comments, matched on the parent and the text. Private: our sent messages, matched
   * on the recipient (or the conversation) and the text.
   */
  async findSent(message: OutboundMessage): Promise<SentMessage | null> {
    const { source } = message;
    const thing = thingOf(message);
    const wanted = comparable(message.body);
    if (message.visibility === 'private') {
      const sent = listingChildren(await this.call(source, 'GET', '/message/sent', { limit: 25 }));
      const to = recipientOf(message).toLowerCase();
      const found = sent.find((child) => {
        const data = objectAt(child, 'data');
        const sameTarget = thing.startsWith('t4_') ? stringAt(data, 'parent_id') === thing : (stringAt(data, 'dest') ?? '').toLowerCase() === to;
        return sameTarget && comparable(stringAt(data, 'body') ?? '') === wanted;
      });
      const name = stringAt(objectAt(found, 'data'), 'name');
      return name ? { platformId: name, url: `https://www.reddit.com/message/messages/${name.slice(3)}` } : null;
    }
    const me = await this.username(source);
    const comments = listingChildren(await this.call(source, 'GET', `/user/${encodeURIComponent(me)}/comments`, { sort: 'new', limit: 25 }));
    const found = comments.find((child) => {
      const data = objectAt(child, 'data');
      return stringAt(data, 'parent_id') === thing && comparable(stringAt(data, 'body') ?? '') === wanted;
    });
    const data = objectAt(found, 'data');
    const name = stringAt(data, 'name');
    return name ? { platformId: name, url: permalinkOf(data) } : null;
  }

  async testConnection(source: SourceSettings): Promise<{ ok: true; detail: string }> {
    return { ok: true, detail: `signed in as u/${await this.username(source)}` };
  }

  private async username(source: SourceSettings): Promise<string> {
    const given = source.credentials['username'];
    if (given) return given;
    const me = await this.call(source, 'GET', '/api/v1/me', {});
    const name = stringAt(me, 'name');
    if (!name) throw new ConnectorError('auth_revoked', 'reddit /api/v1/me: no user (an app-only token cannot post)');
    return name;
  }

  private async comment(source: SourceSettings, thing: string, text: string): Promise<SentMessage> {
    const answer = await this.call(source, 'POST', '/api/comment', {}, undefined, formBody({ api_type: 'json', thing_id: thing, text }));
    throwOnJsonErrors('reddit /api/comment', answer);
    const posted = arrayAt(objectAt(objectAt(answer, 'json'), 'data'), 'things')[0];
    const data = objectAt(posted, 'data');
    const name = stringAt(data, 'name') ?? (stringAt(data, 'id') ? `${stringAt(posted, 'kind') ?? 't1'}_${stringAt(data, 'id')}` : null);
    if (name === null) throw new ConnectorError('transient', 'reddit /api/comment: no thing in the answer');
    return { platformId: name, url: permalinkOf(data) };
  }

  private async call(
    source: SourceSettings,
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number | undefined>,
    signal?: AbortSignal,
    form?: string,
    retriedAuth = false,
  ): Promise<unknown> {
    const token = await this.tokens.token(source);
    const operation = `reddit ${method} ${path.replace(/\/(comments|user)\/[^/]+/, '/$1/:id')}`;
    const secrets = [...secretsOf(source.credentials), token];
    const reply = await sendHttp(this.http, {
      method,
      // raw_json=1: bodies as written, not HTML-escaped.
      url: urlFor(baseUrlOf(source.options, DEFAULT_BASE), path, { ...query, raw_json: 1 }),
      headers: {
        authorization: `Bearer ${token}`,
        'user-agent': userAgentOf(source),
        ...(form !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form,
      signal,
      operation,
      secrets,
    });
    if (reply.status === 200) return reply.json();
    if (reply.status === 401 && !retriedAuth && !source.credentials['accessToken']) {
      // A cached token can die early; one fresh token before calling the credentials revoked.
      this.tokens.forget(source, token);
      return this.call(source, method, path, query, signal, form, true);
    }
    let platformMessage: string | null = null;
    try {
      const body = reply.json();
      platformMessage = stringAt(body, 'message') ?? stringAt(body, 'reason');
    } catch {
      platformMessage = null;
    }
    const reset = Number(reply.headers.get('x-ratelimit-reset'));
    throw errorForStatus({
      operation,
      status: reply.status,
      platformMessage: platformMessage ? redactSecrets(platformMessage, secrets) : null,
      // x-ratelimit-reset is seconds until the window ends.
      retryAfterMs: reply.status === 429 && Number.isFinite(reset) && reset >= 0 ? reset * 1000 : null,
    });
  }
}

/** Write calls answer HTTP 200 with `json.errors: [[CODE, message, field]]`; the code decides the kind. */
function throwOnJsonErrors(operation: string, answer: unknown): void {
  const errors = arrayAt(objectAt(answer, 'json'), 'errors');
  if (errors.length === 0) return;
  const first = Array.isArray(errors[0]) ? errors[0] : [];
  const code = typeof first[0] === 'string' ? first[0] : 'UNKNOWN';
  const text = typeof first[1] === 'string' ? first[1] : '';
  const message = `${operation}: ${code} ${text}`.trim();
  if (code === 'RATELIMIT') {
    const wait = /(\d+)\s*(second|minute)/i.exec(text);
    const retryAfterMs = wait ? Number(wait[1]) * (wait[2]!.toLowerCase().startsWith('minute') ? 60_000 : 1000) : 60_000;
    throw new ConnectorError('rate_limited', message, { retryAfterMs, platformCode: code });
  }
  if (/^(THREAD_LOCKED|DELETED_COMMENT|DELETED_LINK|TOO_OLD|USER_BLOCKED|NOT_WHITELISTED_BY_USER_MESSAGE|USER_DOESNT_EXIST|SUBREDDIT_NOTALLOWED|BANNED_FROM_SUBREDDIT)$/.test(code)) {
    throw new ConnectorError('not_permitted', message, { platformCode: code });
  }
  throw new ConnectorError('bad_request', message, { platformCode: code });
}

function listingStreams(source: SourceSettings): Stream[] {
  const streams: Stream[] = [];
  const { options } = source;
  if (options['search'] !== false) {
    const terms = [...new Set([source.query.brand, ...source.query.keywords].map((t) => t.trim()).filter((t) => t !== ''))];
    if (terms.length > 0) {
      const sub = typeof options['searchSubreddit'] === 'string' ? options['searchSubreddit'] : null;
      streams.push({
        key: 'search',
        path: sub ? `/r/${encodeURIComponent(sub)}/search` : '/search',
        query: { q: terms.map((t) => `"${t.replace(/"/g, '')}"`).join(' OR '), sort: 'new', t: 'week', ...(sub ? { restrict_sr: 'true' } : {}) },
        origin: 'search',
      });
    }
  }
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string' && s.trim() !== '') : []);
  for (const [subs, origin] of [
    [list(options['ownedSubreddits']), 'owned'],
    [list(options['subreddits']), 'search'],
  ] as const) {
    for (const sub of subs) {
      const name = sub.replace(/^\/?r\//, '');
      streams.push({ key: `new:${name.toLowerCase()}`, path: `/r/${encodeURIComponent(name)}/new`, query: {}, origin });
      streams.push({ key: `comments:${name.toLowerCase()}`, path: `/r/${encodeURIComponent(name)}/comments`, query: {}, origin });
    }
  }
  if (options['mentions'] !== false) streams.push({ key: 'mentions', path: '/message/mentions', query: {}, origin: 'owned' });
  if (options['messages'] !== false) streams.push({ key: 'messages', path: '/message/messages', query: {}, origin: 'owned' });
  return streams;
}

function watchedPosts(source: SourceSettings): string[] {
  const value = source.options['watchPosts'];
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && /^(t3_)?[a-z0-9]+$/i.test(id)) : [];
}

function thingOf(message: OutboundMessage): string {
  const id = message.inReplyTo.externalId;
  if (!/^t[134]_[a-z0-9]+$/i.test(id)) throw new ConnectorError('bad_request', 'reddit: the mention answered has no fullname');
  return id;
}

function recipientOf(message: OutboundMessage): string {
  const name = message.inReplyTo.author.id.replace(/^reddit:/, '');
  if (name === '' || name === '[deleted]') throw new ConnectorError('not_permitted', 'reddit: the author deleted their account');
  return name;
}

function subjectOf(message: OutboundMessage): string {
  const configured = message.source.options['messageSubject'];
  if (typeof configured === 'string' && configured.trim() !== '') return configured.slice(0, 100);
  const title = stringAt(objectAt(message.inReplyTo.raw, 'data'), 'link_title') ?? stringAt(objectAt(message.inReplyTo.raw, 'data'), 'title');
  return (title ? `Re: ${title}` : 'Re: your post').slice(0, 100);
}

function permalinkOf(data: JsonObject | null): string | null {
  const permalink = stringAt(data, 'permalink');
  return permalink ? `https://www.reddit.com${permalink}` : null;
}

function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
