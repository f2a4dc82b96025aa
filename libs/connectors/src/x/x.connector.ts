import type {
  Connector,
  SourceCredentialStore,
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
import { errorForStatus, parseRetryAfter } from '../shared/http-errors';
import { baseUrlOf, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { decodeHtmlEntities } from '../shared/html-text';
import { collectItems } from '../shared/item-collector';
import { arrayAt, idAt, isObject, objectAt, stringAt } from '../shared/json-reader';
import { assertReplyLength } from '../shared/reply-length';
import { redactSecrets, secretsOf } from '../shared/secret-redaction';
import { XTokens } from './x-token';
import { normaliseTweet, usersById, X_CHANNEL } from './x.normaliser';

/**
 * X (API v2): recent search for the brand (last 7 days) and mentions of the brand account, with the
 * author expansion (followers, account age, verification); replies by POST /2/tweets with
 * `reply.in_reply_to_tweet_id`; DMs by /2/dm_conversations/with/:id/messages.
 *
 * Source options: `query` (a full v2 query; default the brand's terms OR-ed, without retweets),
 * `mentionsUserId` (the brand account's id, for its mentions timeline), `search` (false to skip), `baseUrl`.
 * Credentials: `bearerToken` (app-only: search) and, for the user context (mentions, posting, DMs), either the
 * refresh form `refreshToken` + `clientId` (+ `clientSecret` for a confidential client), which mints two-hour
 * access tokens and stores each rotated refresh token back through the credential store (x-token.ts), or a
 * fixed `userAccessToken` (dies after two hours). OAuth 1.0a request signing is not implemented.
 *
 * No idempotency key exists on X: `findSent` reads the brand account's recent tweets (or the DM
 * conversation) after an attempt whose outcome is unknown.
 */
export const X_CAPABILITIES: ConnectorCapabilities = { poll: true, push: false, publicReply: true, privateMessage: true, replyMaxLength: 280 };

const DEFAULT_BASE = 'https://api.x.com';
const TWEET_FIELDS = 'author_id,conversation_id,created_at,in_reply_to_user_id,referenced_tweets,lang,public_metrics';
const USER_FIELDS = 'created_at,public_metrics,username,verified,verified_type';
const EXPANSIONS = 'author_id,referenced_tweets.id,in_reply_to_user_id';
const MIN_RESULTS = 10;
const MAX_RESULTS = 100;

interface StreamState {
  /** Everything up to this id was delivered. */
  sinceId: string | null;
  /** While paging back through one window: the token and the window's newest id. */
  nextToken: string | null;
  windowNewest: string | null;
}

interface XCursor {
  v: 1;
  streams: Record<string, StreamState>;
}

export class XConnector implements Connector {
  readonly channel = X_CHANNEL;
  readonly capabilities = X_CAPABILITIES;

  private readonly tokens: XTokens;

  /**
   * `credentialStore`: where rotated refresh tokens are stored (the processes' resolver wires the database);
   * without one, a source with the refresh form is refused (its next refresh would be lost).
   */
  constructor(
    private readonly http: HttpContext,
    credentialStore: SourceCredentialStore | null = null,
    options: { rotationSettleMs?: number } = {},
  ) {
    this.tokens = new XTokens(http, credentialStore, options.rotationSettleMs);
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, signal } = request;
    const cursor = decodeCursor(X_CHANNEL, request.cursor, (value) => (value['v'] === 1 && isObject(value['streams']) ? (value as unknown as XCursor) : null));
    const next: XCursor = { v: 1, streams: { ...(cursor?.streams ?? {}) } };
    const mentions: NormalisedMention[] = [];
    const rejected: RejectedItem[] = [];
    let hasMore = false;
    const ownUserId = typeof source.options['mentionsUserId'] === 'string' ? source.options['mentionsUserId'] : null;

    for (const stream of streamsOf(source)) {
      const remaining = request.limit - mentions.length;
      // X will not return fewer than 10 per page; rather than drop the surplus, leave the stream for the next call.
      if (remaining < MIN_RESULTS) {
        hasMore = true;
        break;
      }
      const state = next.streams[stream.key] ?? { sinceId: null, nextToken: null, windowNewest: null };
      const body = await this.call(source, stream.token, 'GET', stream.path, {
        ...stream.query,
        max_results: Math.min(MAX_RESULTS, remaining),
        since_id: state.sinceId ?? undefined,
        pagination_token: state.nextToken ?? undefined,
        expansions: EXPANSIONS,
        'tweet.fields': TWEET_FIELDS,
        'user.fields': USER_FIELDS,
      }, undefined, signal);
      const context = { users: usersById(body), origin: stream.origin, ownUserId };
      const collected = collectItems(arrayAt(body, 'data'), (tweet) => normaliseTweet(tweet, context), (tweet) => idAt(tweet, 'id'));
      const seen = new Set(mentions.map((m) => m.externalId));
      mentions.push(...collected.mentions.filter((m) => !seen.has(m.externalId)));
      rejected.push(...collected.rejected);
      const meta = objectAt(body, 'meta');
      const windowNewest = state.windowNewest ?? stringAt(meta, 'newest_id');
      const nextToken = stringAt(meta, 'next_token');
      // Page back to `since_id` within one window; on the first poll only the newest page is read.
      if (nextToken !== null && state.sinceId !== null) {
        next.streams[stream.key] = { sinceId: state.sinceId, nextToken, windowNewest };
        hasMore = true;
      } else {
        next.streams[stream.key] = { sinceId: windowNewest ?? state.sinceId, nextToken: null, windowNewest: null };
      }
    }
    return { mentions, rejected, cursor: encodeCursor(next), hasMore };
  }

  async replyPublic(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(X_CHANNEL, message.body, X_CAPABILITIES.replyMaxLength);
    const body = await this.call(message.source, 'user', 'POST', '/2/tweets', {}, { text: message.body, reply: { in_reply_to_tweet_id: tweetIdOf(message) } });
    const id = idAt(objectAt(body, 'data'), 'id');
    if (id === null) throw new ConnectorError('transient', 'x POST /2/tweets: no id in the answer');
    return { platformId: id, url: `https://x.com/i/web/status/${id}` };
  }

  async sendPrivate(message: OutboundMessage): Promise<SentMessage> {
    assertReplyLength(X_CHANNEL, message.body, 10_000);
    const participant = participantOf(message);
    const body = await this.call(message.source, 'user', 'POST', `/2/dm_conversations/with/${participant}/messages`, {}, { text: message.body });
    const eventId = idAt(objectAt(body, 'data'), 'dm_event_id');
    if (eventId === null) throw new ConnectorError('transient', 'x POST dm message: no dm_event_id in the answer');
    return { platformId: `dm:${eventId}`, url: null };
  }

  async findSent(message: OutboundMessage): Promise<SentMessage | null> {
    const { source } = message;
    const me = idAt(objectAt(await this.call(source, 'user', 'GET', '/2/users/me', {}), 'data'), 'id');
    if (me === null) throw new ConnectorError('transient', 'x /2/users/me: no id');
    const wanted = comparable(message.body);
    if (message.visibility === 'private') {
      const events = await this.call(source, 'user', 'GET', `/2/dm_conversations/with/${participantOf(message)}/dm_events`, {
        max_results: 20,
        'dm_event.fields': 'sender_id,text,created_at',
        event_types: 'MessageCreate',
      });
      const found = arrayAt(events, 'data').find((event) => idAt(event, 'sender_id') === me && comparable(stringAt(event, 'text') ?? '') === wanted);
      const id = idAt(found, 'id');
      return id ? { platformId: `dm:${id}`, url: null } : null;
    }
    const target = tweetIdOf(message);
    const tweets = await this.call(source, 'user', 'GET', `/2/users/${me}/tweets`, { max_results: 20, since_id: target, 'tweet.fields': 'referenced_tweets,conversation_id' });
    const found = arrayAt(tweets, 'data').find(
      (tweet) =>
        arrayAt(tweet, 'referenced_tweets').some((reference) => stringAt(reference, 'type') === 'replied_to' && idAt(reference, 'id') === target) &&
        comparable(stringAt(tweet, 'text') ?? '').includes(wanted),
    );
    const id = idAt(found, 'id');
    return id ? { platformId: id, url: `https://x.com/i/web/status/${id}` } : null;
  }

  async testConnection(source: SourceSettings): Promise<{ ok: true; detail: string }> {
    const me = objectAt(await this.call(source, 'user', 'GET', '/2/users/me', {}), 'data');
    return { ok: true, detail: `signed in as @${stringAt(me, 'username') ?? idAt(me, 'id') ?? 'unknown'}` };
  }

  private async call(
    source: SourceSettings,
    token: 'app' | 'user',
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number | undefined>,
    json?: unknown,
    signal?: AbortSignal,
    retriedAuth = false,
  ): Promise<unknown> {
    const { bearer, minted } = await this.bearerOf(source, token);
    const operation = `x ${method} ${path.replace(/\/\d{5,}(?=\/|$)/g, '/:id')}`;
    const secrets = [...secretsOf(source.credentials), bearer];
    const reply = await sendHttp(this.http, {
      method,
      url: urlFor(baseUrlOf(source.options, DEFAULT_BASE), path, query),
      headers: { authorization: `Bearer ${bearer}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: json !== undefined ? JSON.stringify(json) : undefined,
      signal,
      operation,
      secrets,
    });
    if (reply.status === 200 || reply.status === 201) return reply.json();
    if (reply.status === 401 && minted && !retriedAuth) {
      // A minted token can die early (revoked with the app's keys, a rotation elsewhere): one fresh one first.
      this.tokens.forget(source, bearer);
      return this.call(source, token, method, path, query, json, signal, true);
    }
    let problem: unknown = null;
    try {
      problem = reply.json();
    } catch {
      problem = null;
    }
    const detail = stringAt(problem, 'detail') ?? stringAt(problem, 'title');
    const firstError = stringAt(arrayAt(problem, 'errors')[0], 'message');
    const platformMessage = [detail, firstError].filter(Boolean).join(': ') || null;
    const now = this.http.clock.now();
    const reset = Number(reply.headers.get('x-rate-limit-reset'));
    const resumeAt = reply.status === 429 && Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString() : null;
    // A 403 "client-not-enrolled" means the app's access tier lacks the endpoint: a configuration problem, not a target's refusal.
    const kind = reply.status === 403 && /client-not-enrolled|not-authorized-for-resource/.test(stringAt(problem, 'reason') ?? stringAt(problem, 'type') ?? '') ? 'auth_revoked' : undefined;
    throw errorForStatus(
      {
        operation,
        status: reply.status,
        platformMessage: platformMessage ? redactSecrets(decodeHtmlEntities(platformMessage), secrets) : null,
        // 429 can come from app- or day-level caps while the window says otherwise: always honour the reset.
        resumeAt,
        retryAfterMs: resumeAt ? Math.max(0, Date.parse(resumeAt) - now) : parseRetryAfter(reply.headers.get('retry-after'), now),
      },
      kind,
    );
  }

  /**
   * The app-only bearer for search when given; the user context otherwise: minted from the refresh form when
   * the source has one (it is preferred to a fixed userAccessToken, which expires), else the fixed token.
   */
  private async bearerOf(source: SourceSettings, token: 'app' | 'user'): Promise<{ bearer: string; minted: boolean }> {
    const { bearerToken, refreshToken, userAccessToken } = source.credentials;
    if (token === 'app' && bearerToken) return { bearer: bearerToken, minted: false };
    if (refreshToken) return { bearer: await this.tokens.token(source), minted: true };
    if (userAccessToken) return { bearer: userAccessToken, minted: false };
    throw new ConnectorError('auth_revoked', `x: the source has no ${token === 'app' ? 'bearerToken, ' : ''}refreshToken or userAccessToken`);
  }
}

interface Stream {
  key: string;
  path: string;
  query: Record<string, string>;
  origin: 'search' | 'owned';
  token: 'app' | 'user';
}

function streamsOf(source: SourceSettings): Stream[] {
  const streams: Stream[] = [];
  const userId = source.options['mentionsUserId'];
  if (typeof userId === 'string' && /^\d+$/.test(userId)) {
    streams.push({ key: 'mentions', path: `/2/users/${userId}/mentions`, query: {}, origin: 'owned', token: 'user' });
  }
  if (source.options['search'] !== false) {
    const configured = source.options['query'];
    const terms = [...new Set([source.query.brand, ...source.query.keywords].map((t) => t.trim()).filter((t) => t !== ''))];
    const query = typeof configured === 'string' && configured.trim() !== '' ? configured : terms.length > 0 ? `(${terms.map((t) => `"${t.replace(/"/g, '')}"`).join(' OR ')}) -is:retweet` : null;
    if (query) streams.push({ key: 'search', path: '/2/tweets/search/recent', query: { query }, origin: 'search', token: 'app' });
  }
  return streams;
}

function tweetIdOf(message: OutboundMessage): string {
  const id = message.inReplyTo.externalId;
  if (!/^\d+$/.test(id)) throw new ConnectorError('bad_request', 'x: the mention answered has no tweet id');
  return id;
}

function participantOf(message: OutboundMessage): string {
  const id = message.inReplyTo.author.id.replace(/^x:/, '');
  if (!/^\d+$/.test(id)) throw new ConnectorError('bad_request', 'x: the author has no user id');
  return id;
}

function comparable(text: string): string {
  return decodeHtmlEntities(text).replace(/\s+/g, ' ').trim();
}
