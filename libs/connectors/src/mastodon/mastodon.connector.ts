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
import { errorForStatus, parseRetryAfter } from '../shared/http-errors';
import { baseUrlOf, sendHttp, urlFor, type HttpContext, type HttpReply } from '../shared/http-client';
import { htmlToText } from '../shared/html-text';
import { collectItems } from '../shared/item-collector';
import { arrayAt, dateToIso, idAt, isObject, objectAt, stringAt } from '../shared/json-reader';
import { parseLinkHeader } from '../shared/link-header';
import { assertReplyLength } from '../shared/reply-length';
import { redactSecrets, secretsOf } from '../shared/secret-redaction';
import { fullAcct, MASTODON_CHANNEL, mastodonIds, normaliseMastodonStatus, parseMastodonExternalId } from './mastodon.normaliser';

/**
 * Mastodon (one instance per source): mentions of the brand account (notifications), hashtag timelines,
 * status search (needs full-text search enabled on the instance), `context` for thread roots; replies
 * with `in_reply_to_id`, private replies as `visibility=direct` mentions, with an `Idempotency-Key`.
 *
 * Source options: `baseUrl` (the instance, required), `hashtags` (without #), `mentions` (false to skip
 * notifications), `search` (true to run status search for the brand's keywords), `brandAccount`
 * (`user@domain`, so the brand's own posts are not taken for mentions).
 * Credentials: `accessToken` (scopes read:notifications read:statuses read:search read:accounts write:statuses).
 */
export const MASTODON_CAPABILITIES: ConnectorCapabilities = {
  poll: true,
  push: false,
  publicReply: true,
  privateMessage: true,
  // The default instance limit; some instances allow more, none less.
  replyMaxLength: 500,
};

const PAGE_MAX = 40;
/** `context` calls per poll, to find thread roots of replies; beyond it the parent stands in as root. */
const CONTEXT_LOOKUPS_PER_POLL = 10;

interface StreamState {
  minId: string | null;
}

interface MastodonCursor {
  v: 1;
  streams: Record<string, StreamState>;
}

type Stream = { key: string; path: string; query: Record<string, string | number | boolean>; origin: 'search' | 'owned'; pick: (body: unknown) => unknown[] };

export class MastodonConnector implements Connector {
  readonly channel = MASTODON_CHANNEL;
  readonly capabilities = MASTODON_CAPABILITIES;

  constructor(private readonly http: HttpContext) {}

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, signal } = request;
    const cursor = decodeCursor(MASTODON_CHANNEL, request.cursor, (value) =>
      value['v'] === 1 && isObject(value['streams']) ? (value as unknown as MastodonCursor) : null,
    );
    const next: MastodonCursor = { v: 1, streams: { ...(cursor?.streams ?? {}) } };
    const host = hostOf(source);
    const brandAcct = typeof source.options['brandAccount'] === 'string' ? source.options['brandAccount'].replace(/^@/, '') : null;
    const mentions: NormalisedMention[] = [];
    const rejected: RejectedItem[] = [];
    let hasMore = false;
    let lookups = CONTEXT_LOOKUPS_PER_POLL;

    for (const stream of streamsOf(source)) {
      const remaining = request.limit - mentions.length;
      if (remaining <= 0) {
        hasMore = true;
        break;
      }
      const state = next.streams[stream.key] ?? { minId: null };
      const wanted = Math.min(PAGE_MAX, remaining);
      const reply = await this.call(source, 'GET', stream.path, { ...stream.query, limit: wanted, min_id: state.minId ?? undefined }, undefined, signal);
      const items = stream.pick(reply.json());
      const statuses = items.map((item) => (stream.key === 'notifications' ? (objectAt(item, 'status') ?? item) : item));
      const roots = new Map<string, string>();
      for (const status of statuses) {
        const id = idAt(status, 'id');
        if (id === null || idAt(status, 'in_reply_to_id') === null || lookups <= 0) continue;
        lookups -= 1;
        const root = await this.threadRoot(source, id, signal);
        if (root !== null) roots.set(id, root);
      }
      const context = { host, origin: stream.origin, brandAcct, roots };
      const collected = collectItems(statuses, (status) => normaliseMastodonStatus(status, context), (status) => {
        const id = idAt(status, 'id');
        return id !== null ? mastodonIds.status(host, id) : null;
      });
      const seen = new Set(mentions.map((m) => m.externalId));
      mentions.push(...collected.mentions.filter((m) => !seen.has(m.externalId)));
      rejected.push(...collected.rejected);
      // The `prev` link carries the newest id of the page: the next call asks for what came after it.
      const prevMinId = parseLinkHeader(reply.headers.get('link')).get('prev')?.searchParams.get('min_id') ?? null;
      const newest = prevMinId ?? maxId(items.map((item) => idAt(item, 'id')));
      next.streams[stream.key] = { minId: newest ?? state.minId };
      // On the first poll only the newest page is read: history before the source existed is not chased.
      if (state.minId !== null && items.length >= wanted) hasMore = true;
    }
    return { mentions, rejected, cursor: encodeCursor(next), hasMore };
  }

  private async threadRoot(source: SourceSettings, statusId: string, signal?: AbortSignal): Promise<string | null> {
    try {
      const reply = await this.call(source, 'GET', `/api/v1/statuses/${statusId}/context`, {}, undefined, signal);
      const ancestors = arrayAt(reply.json(), 'ancestors');
      return ancestors.length > 0 ? idAt(ancestors[0], 'id') : null;
    } catch (error) {
      // A deleted or hidden parent leaves the reply without a known root; the parent id stands in.
      if (error instanceof ConnectorError && (error.kind === 'bad_request' || error.kind === 'not_permitted')) return null;
      throw error;
    }
  }

  async replyPublic(message: OutboundMessage): Promise<SentMessage> {
    return this.post(message, 'public');
  }

  /** A "private mention": a direct-visibility status addressed to the author, threaded under their post. */
  async sendPrivate(message: OutboundMessage): Promise<SentMessage> {
    return this.post(message, 'direct');
  }

  private async post(message: OutboundMessage, visibility: 'public' | 'direct'): Promise<SentMessage> {
    const { source } = message;
    const target = targetOf(message);
    const text = addressed(message);
    assertReplyLength(MASTODON_CHANNEL, text, MASTODON_CAPABILITIES.replyMaxLength);
    const reply = await this.call(
      source,
      'POST',
      '/api/v1/statuses',
      {},
      { status: text, in_reply_to_id: target.id, visibility, language: message.inReplyTo.lang ?? undefined },
      undefined,
      // Mastodon keeps the key for an hour and answers a repeat with the first status instead of posting again.
      { 'idempotency-key': message.idempotencyKey },
    );
    return sentFrom(reply.json(), hostOf(source));
  }

  /** Our own status among the replies to the mention (`context` descendants include direct ones we can see). */
  async findSent(message: OutboundMessage): Promise<SentMessage | null> {
    const { source } = message;
    const target = targetOf(message);
    const me = idAt((await this.call(source, 'GET', '/api/v1/accounts/verify_credentials', {})).json(), 'id');
    if (me === null) throw new ConnectorError('transient', 'mastodon verify_credentials: no account id');
    const context = (await this.call(source, 'GET', `/api/v1/statuses/${target.id}/context`, {})).json();
    const wanted = comparable(message.body);
    const visibility = message.visibility === 'private' ? 'direct' : 'public';
    const found = arrayAt(context, 'descendants').find(
      (status) =>
        idAt(objectAt(status, 'account'), 'id') === me &&
        idAt(status, 'in_reply_to_id') === target.id &&
        stringAt(status, 'visibility') === visibility &&
        comparable(htmlToText(stringAt(status, 'content') ?? '')).includes(wanted),
    );
    return found ? sentFrom(found, hostOf(source)) : null;
  }

  async testConnection(source: SourceSettings): Promise<{ ok: true; detail: string }> {
    const account = (await this.call(source, 'GET', '/api/v1/accounts/verify_credentials', {})).json();
    return { ok: true, detail: `signed in as @${fullAcct(account, hostOf(source)) ?? 'unknown'}` };
  }

  private async call(
    source: SourceSettings,
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    body?: Record<string, unknown>,
    signal?: AbortSignal,
    extraHeaders: Record<string, string> = {},
  ): Promise<HttpReply> {
    const token = source.credentials['accessToken'];
    if (!token) throw new ConnectorError('auth_revoked', 'mastodon: the source has no accessToken');
    const operation = `mastodon ${method} ${path.replace(/\/\d+(?=\/|$)/g, '/:id')}`;
    const secrets = secretsOf(source.credentials);
    const url = urlFor(instanceUrl(source), path, {});
    for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.append(key, String(value));
    const reply = await sendHttp(this.http, {
      method,
      url,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...extraHeaders },
      body: body ? JSON.stringify(Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))) : undefined,
      signal,
      operation,
      secrets,
    });
    if (reply.status >= 200 && reply.status < 300) return reply;
    let platformMessage: string | null = null;
    try {
      const error = reply.json();
      platformMessage = [stringAt(error, 'error'), stringAt(error, 'error_description')].filter(Boolean).join(': ') || null;
    } catch {
      platformMessage = null;
    }
    const now = this.http.clock.now();
    const reset = dateToIso(reply.headers.get('x-ratelimit-reset'));
    throw errorForStatus({
      operation,
      status: reply.status,
      platformMessage: platformMessage ? redactSecrets(platformMessage, secrets) : null,
      retryAfterMs: parseRetryAfter(reply.headers.get('retry-after'), now),
      resumeAt: reply.status === 429 ? reset : null,
    });
  }
}

function streamsOf(source: SourceSettings): Stream[] {
  const streams: Stream[] = [];
  const asArray = (body: unknown) => (Array.isArray(body) ? body : []);
  if (source.options['mentions'] !== false) {
    streams.push({ key: 'notifications', path: '/api/v1/notifications', query: { 'types[]': 'mention' }, origin: 'owned', pick: asArray });
  }
  const tags = Array.isArray(source.options['hashtags']) ? source.options['hashtags'] : [];
  for (const tag of tags) {
    if (typeof tag !== 'string' || tag.trim() === '') continue;
    const name = tag.trim().replace(/^#/, '');
    streams.push({ key: `tag:${name.toLowerCase()}`, path: `/api/v1/timelines/tag/${encodeURIComponent(name)}`, query: {}, origin: 'search', pick: asArray });
  }
  if (source.options['search'] === true) {
    const terms = [...new Set([source.query.brand, ...source.query.keywords].map((t) => t.trim()).filter((t) => t !== ''))];
    for (const term of terms) {
      streams.push({ key: `search:${term}`, path: '/api/v2/search', query: { q: term, type: 'statuses', resolve: false }, origin: 'search', pick: (body) => arrayAt(body, 'statuses') });
    }
  }
  return streams;
}

function instanceUrl(source: SourceSettings): string {
  const base = baseUrlOf(source.options, '');
  if (!/^https?:\/\//.test(base)) throw new ConnectorError('bad_request', 'mastodon: options.baseUrl must be the instance URL');
  return base;
}

function hostOf(source: SourceSettings): string {
  return new URL(instanceUrl(source)).host;
}

/** Snowflake ids are decimal strings longer than 2^53: compared as BigInt, never as numbers. */
function maxId(ids: Array<string | null>): string | null {
  let best: bigint | null = null;
  for (const id of ids) {
    if (id === null || !/^\d+$/.test(id)) continue;
    const value = BigInt(id);
    if (best === null || value > best) best = value;
  }
  return best === null ? null : best.toString();
}

function targetOf(message: OutboundMessage): { id: string } {
  const parsed = parseMastodonExternalId(message.inReplyTo.externalId);
  if (!parsed) throw new ConnectorError('bad_request', 'mastodon: the mention answered has no status id');
  return { id: parsed.id };
}

/** Replies start with the author's @handle, or Mastodon does not notify them (and a direct status reaches nobody). */
function addressed(message: OutboundMessage): string {
  const raw = message.inReplyTo.raw;
  const status = objectAt(raw, 'reblog') ?? (isObject(raw) ? raw : null);
  const acct = stringAt(objectAt(status, 'account'), 'acct') ?? message.inReplyTo.author.handle?.replace(/^@/, '') ?? null;
  if (!acct) return message.body;
  const handle = `@${acct}`;
  return message.body.includes(handle) ? message.body : `${handle} ${message.body}`;
}

function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function sentFrom(status: unknown, host: string): SentMessage {
  const id = idAt(status, 'id');
  if (id === null) throw new ConnectorError('transient', 'mastodon POST /api/v1/statuses: no status id in the answer');
  return { platformId: mastodonIds.status(host, id), url: stringAt(status, 'url') ?? stringAt(status, 'uri') };
}
