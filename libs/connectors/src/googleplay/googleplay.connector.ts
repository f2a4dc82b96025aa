import type { Connector, ConnectorCapabilities, FetchRequest, FetchResult, OutboundMessage, SentMessage, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import { googleError } from '../shared/google-errors';
import { GoogleTokens, serviceAccountGrantOf, type GoogleGrant } from '../shared/google-token';
import { baseUrlOf, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { collectItems } from '../shared/item-collector';
import { arrayAt, isObject, objectAt, stringAt } from '../shared/json-reader';
import { assertReplyLength } from '../shared/reply-length';
import { secretsOf } from '../shared/secret-redaction';
import { developerReplyOf, GOOGLEPLAY_CHANNEL, lastModifiedOf, normaliseGoogleplayReview } from './googleplay.normaliser';

/**
 * Google Play reviews of the brand's app (Android Publisher API v3): the API lists only reviews with text
 * created or edited in the last 7 days, so every poll reads the whole list (a few pages) and delivers what
 * is new or edited since. Public reply per review (≤ 350 characters; a new reply replaces the old one, so
 * a repeated reply is harmless); reviewers cannot be messaged.
 *
 * Source options: `packageName`, `translationLanguage` (optional), `baseUrl`, `tokenUrl` (where tokens are
 * minted; default the key's `token_uri`).
 * Credentials: `serviceAccountKey` (the JSON key file of a service account with the "Reply to reviews"
 * permission; tokens are minted from it and renewed before they expire, shared/google-token.ts) or
 * `accessToken` (a token minted elsewhere: it dies within the hour). With both, the key wins: a stale token
 * left behind must not break a source that can mint its own.
 */
export const GOOGLEPLAY_CAPABILITIES: ConnectorCapabilities = { poll: true, push: false, publicReply: true, privateMessage: false, replyMaxLength: 350 };

const DEFAULT_BASE = 'https://androidpublisher.googleapis.com/androidpublisher/v3';
const ANDROIDPUBLISHER_SCOPE = 'https://www.googleapis.com/auth/androidpublisher';
const MAX_PAGES = 5;
const SEEN_LIMIT = 3000;

interface GoogleplayCursor {
  v: 1;
  /** reviewId → lastModified seconds of the version delivered. */
  seen: Record<string, number>;
}

export class GoogleplayConnector implements Connector {
  readonly channel = GOOGLEPLAY_CHANNEL;
  readonly capabilities = GOOGLEPLAY_CAPABILITIES;
  private readonly tokens: GoogleTokens;

  constructor(private readonly http: HttpContext) {
    this.tokens = new GoogleTokens(http, GOOGLEPLAY_CHANNEL);
  }

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, signal } = request;
    const pkg = packageOf(source);
    const cursor = decodeCursor(GOOGLEPLAY_CHANNEL, request.cursor, (value) => (value['v'] === 1 && isObject(value['seen']) ? (value as unknown as GoogleplayCursor) : null));
    const seen: Record<string, number> = { ...(cursor?.seen ?? {}) };
    const reviews: unknown[] = [];
    let token: string | null = null;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const translation = typeof source.options['translationLanguage'] === 'string' ? source.options['translationLanguage'] : undefined;
      const body = await this.call(source, 'GET', `/applications/${encodeURIComponent(pkg)}/reviews`, { maxResults: 100, token: token ?? undefined, translationLanguage: translation }, undefined, signal);
      reviews.push(...arrayAt(body, 'reviews'));
      token = stringAt(objectAt(body, 'tokenPagination'), 'nextPageToken');
      if (token === null) break;
    }
    // New, or edited since delivered (the pipeline updates the stored mention by its id); oldest first.
    const fresh = reviews
      .filter((review) => {
        const id = stringAt(review, 'reviewId');
        return id === null || seen[id] === undefined || (lastModifiedOf(review) ?? 0) > seen[id]!;
      })
      .sort((a, b) => (lastModifiedOf(a) ?? 0) - (lastModifiedOf(b) ?? 0));
    const taken = fresh.slice(0, Math.max(0, request.limit));
    const collected = collectItems(taken, (review) => normaliseGoogleplayReview(review, pkg), (review) => stringAt(review, 'reviewId'));
    for (const review of taken) {
      const id = stringAt(review, 'reviewId');
      if (id !== null) seen[id] = lastModifiedOf(review) ?? 0;
    }
    const entries = Object.entries(seen).slice(-SEEN_LIMIT);
    return { ...collected, cursor: encodeCursor({ v: 1, seen: Object.fromEntries(entries) } satisfies GoogleplayCursor), hasMore: taken.length < fresh.length };
  }

  async replyPublic(message: OutboundMessage): Promise<SentMessage> {
    // Play refuses longer replies with a bare 400; saying why before sending is kinder to the agent.
    assertReplyLength(GOOGLEPLAY_CHANNEL, message.body, GOOGLEPLAY_CAPABILITIES.replyMaxLength);
    const pkg = packageOf(message.source);
    const id = message.inReplyTo.externalId;
    const body = await this.call(message.source, 'POST', `/applications/${encodeURIComponent(pkg)}/reviews/${encodeURIComponent(id)}:reply`, {}, { replyText: message.body });
    if (stringAt(objectAt(body, 'result'), 'replyText') === null) throw new ConnectorError('transient', 'googleplay reviews.reply: no result in the answer');
    return { platformId: `${id}:reply`, url: message.inReplyTo.url ?? null };
  }

  /** The review's developer reply, if it is ours (same text). */
  async findSent(message: OutboundMessage): Promise<SentMessage | null> {
    const pkg = packageOf(message.source);
    const id = message.inReplyTo.externalId;
    const review = await this.call(message.source, 'GET', `/applications/${encodeURIComponent(pkg)}/reviews/${encodeURIComponent(id)}`, {});
    const reply = developerReplyOf(review);
    return reply !== null && reply.trim() === message.body.trim() ? { platformId: `${id}:reply`, url: message.inReplyTo.url ?? null } : null;
  }

  async testConnection(source: SourceSettings): Promise<{ ok: true; detail: string }> {
    await this.call(source, 'GET', `/applications/${encodeURIComponent(packageOf(source))}/reviews`, { maxResults: 1 });
    return { ok: true, detail: `reviews readable for ${packageOf(source)}` };
  }

  private async call(
    source: SourceSettings,
    method: 'GET' | 'POST',
    path: string,
    query: Record<string, string | number | undefined>,
    json?: unknown,
    signal?: AbortSignal,
    retriedAuth = false,
  ): Promise<unknown> {
    const grant = serviceAccountGrantOf(GOOGLEPLAY_CHANNEL, source, ANDROIDPUBLISHER_SCOPE);
    const token = await this.tokenOf(source, grant);
    const operation = `googleplay ${method} ${path.replace(/\/reviews\/[^/:]+/, '/reviews/:id').replace(/applications\/[^/]+/, 'applications/:package')}`;
    const secrets = [...(grant?.secrets ?? secretsOf(source.credentials)), token];
    const reply = await sendHttp(this.http, {
      method,
      url: urlFor(baseUrlOf(source.options, DEFAULT_BASE), path, query),
      headers: { authorization: `Bearer ${token}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: json !== undefined ? JSON.stringify(json) : undefined,
      signal,
      operation,
      secrets,
    });
    if (reply.status === 200) return reply.json();
    if (reply.status === 401 && grant && !retriedAuth) {
      // A minted token can die before its time (key rotated, token revoked): one fresh token before calling the key refused.
      this.tokens.forget(grant, token);
      return this.call(source, method, path, query, json, signal, true);
    }
    let body: unknown = null;
    try {
      body = reply.json();
    } catch {
      body = null;
    }
    throw googleError(operation, reply.status, body, reply.headers, this.http.clock.now(), secrets);
  }

  private async tokenOf(source: SourceSettings, grant: GoogleGrant | null): Promise<string> {
    if (grant) return this.tokens.token(grant);
    const given = source.credentials['accessToken'];
    if (!given) throw new ConnectorError('auth_revoked', 'googleplay: the source has neither serviceAccountKey nor accessToken');
    return given;
  }
}

function packageOf(source: SourceSettings): string {
  const pkg = source.options['packageName'];
  if (typeof pkg !== 'string' || !/^[A-Za-z][\w]*(\.[A-Za-z_][\w]*)+$/.test(pkg)) throw new ConnectorError('bad_request', 'googleplay: options.packageName must be the app package (com.example.app)');
  return pkg;
}
