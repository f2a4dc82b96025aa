import type { Connector, ConnectorCapabilities, FetchRequest, FetchResult, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import { errorForStatus, parseRetryAfter } from '../shared/http-errors';
import { sendHttp, type HttpContext } from '../shared/http-client';
import { collectItems } from '../shared/item-collector';
import { secretsOf } from '../shared/secret-redaction';
import { decodeFeed } from './feed-decoding';
import { feedItemKey, normaliseFeedItem, parseFeed, RSS_CHANNEL } from './rss.normaliser';

/**
 * RSS 2.0 / RDF / Atom feeds (news, review sites, blog search feeds). Poll only; no outbound (answers
 * happen on the site itself, the inbox links out).
 *
 * Source options: `feedUrl` (or `baseUrl`), `origin` (`owned` for the brand's own feed; default `search`,
 * so items are re-checked against the brand), `userAgent`.
 * Credentials: optional `authorization` (an HTTP Authorization header value for private feeds).
 *
 * Cursor: the validators of the last full read (ETag, Last-Modified) for a conditional GET, and a bounded
 * list of recently seen item keys: feeds are sliding windows, not logs, so "new" means "not seen yet".
 */
export const RSS_CAPABILITIES: ConnectorCapabilities = { poll: true, push: false, publicReply: false, privateMessage: false, replyMaxLength: null };

/** Comfortably more than any feed's window, so an item never falls out of `seen` while still listed. */
export const SEEN_LIMIT = 1000;

interface RssCursor {
  v: 1;
  etag: string | null;
  lastModified: string | null;
  seen: string[];
}

export class RssConnector implements Connector {
  readonly channel = RSS_CHANNEL;
  readonly capabilities = RSS_CAPABILITIES;

  constructor(private readonly http: HttpContext) {}

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, signal } = request;
    const feedUrl = feedUrlOf(source);
    const cursor = decodeCursor(RSS_CHANNEL, request.cursor, (value) =>
      value['v'] === 1 && Array.isArray(value['seen']) ? (value as unknown as RssCursor) : null,
    );
    const headers: Record<string, string> = {
      accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      'user-agent': typeof source.options['userAgent'] === 'string' ? source.options['userAgent'] : 'Otklik feed reader (+https://otklik.example)',
    };
    if (cursor?.etag) headers['if-none-match'] = cursor.etag;
    if (cursor?.lastModified) headers['if-modified-since'] = cursor.lastModified;
    const authorization = source.credentials['authorization'];
    if (authorization) headers['authorization'] = authorization;
    const operation = `rss GET ${new URL(feedUrl).host}`;
    const reply = await sendHttp(this.http, { method: 'GET', url: new URL(feedUrl), headers, signal, operation, secrets: secretsOf(source.credentials) });

    if (reply.status === 304) return { mentions: [], rejected: [], cursor: request.cursor, hasMore: false };
    if (reply.status !== 200) {
      const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), this.http.clock.now());
      // A 503 that says when to come back is a rate limit in all but name.
      const kind = reply.status === 503 && retryAfterMs !== null ? 'rate_limited' : undefined;
      throw errorForStatus({ operation, status: reply.status, platformMessage: null, retryAfterMs }, kind);
    }
    const { text } = decodeFeed(reply.headers.get('content-type'), reply.body);
    const feed = parseFeed(text);
    if (!feed) throw new ConnectorError('bad_request', `${operation}: the answer is not an RSS or Atom feed`, { status: 200 });

    const seen = new Set(cursor?.seen ?? []);
    // Feeds list newest first; deliver oldest first so a cut at the limit leaves the newest for the next poll.
    const fresh = feed.items.filter((item) => {
      const key = feedItemKey(item, feed.format);
      return key === null || !seen.has(key);
    });
    fresh.reverse();
    const taken = fresh.slice(0, Math.max(0, request.limit));
    const cut = taken.length < fresh.length;
    const context = {
      sourceId: source.sourceId,
      feed,
      feedUrl,
      origin: source.options['origin'] === 'owned' ? ('owned' as const) : ('search' as const),
      fetchedAt: new Date(this.http.clock.now()).toISOString(),
    };
    const collected = collectItems(taken, (item) => normaliseFeedItem(item, context), (item) => {
      const key = feedItemKey(item, feed.format);
      return key !== null ? `${source.sourceId}:${key}` : null;
    });
    const nowSeen = [...(cursor?.seen ?? []), ...taken.map((item) => feedItemKey(item, feed.format)).filter((key): key is string => key !== null)];
    const next: RssCursor = {
      v: 1,
      // After a cut no validator is kept: a conditional GET would answer 304 and the rest would never come.
      etag: cut ? null : reply.headers.get('etag'),
      lastModified: cut ? null : reply.headers.get('last-modified'),
      seen: [...new Set(nowSeen)].slice(-SEEN_LIMIT),
    };
    return { ...collected, cursor: encodeCursor(next), hasMore: cut };
  }

  async testConnection(source: SourceSettings): Promise<{ ok: true; detail: string }> {
    const result = await this.fetch({ source, cursor: null, limit: 0 });
    return { ok: true, detail: result.hasMore ? 'feed reachable, items waiting' : 'feed reachable, no items' };
  }
}

function feedUrlOf(source: SourceSettings): string {
  const configured = source.options['feedUrl'] ?? source.options['baseUrl'];
  if (typeof configured !== 'string' || !/^https?:\/\//i.test(configured)) {
    throw new ConnectorError('bad_request', 'rss: options.feedUrl must be an http(s) URL');
  }
  return configured;
}
