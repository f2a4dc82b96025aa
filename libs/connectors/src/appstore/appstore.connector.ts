import type { Connector, ConnectorCapabilities, FetchRequest, FetchResult, NormalisedMention, RejectedItem, SourceSettings } from '../connector';
import { ConnectorError } from '../connector-error';
import { decodeCursor, encodeCursor } from '../shared/cursor-codec';
import { errorForStatus, parseRetryAfter } from '../shared/http-errors';
import { baseUrlOf, sendHttp, urlFor, type HttpContext } from '../shared/http-client';
import { collectItems } from '../shared/item-collector';
import { APPSTORE_CHANNEL, feedEntries, isReview, normaliseAppstoreReview, reviewId } from './appstore.normaliser';

/**
 * App Store customer reviews from Apple's public feed (any app, no credentials):
 * `/{country}/rss/customerreviews/page={n}/id={app}/sortby=mostrecent/json`, up to 10 pages of 50.
 *
 * Source options: `appId`, `country` (storefront, default `ru`), `baseUrl`.
 * Poll only: answering a review needs the App Store Connect API (`customerReviewResponses`, own apps,
 * an ES256-signed JWT), which this connector does not implement; reviewers cannot be messaged at all.
 */
export const APPSTORE_CAPABILITIES: ConnectorCapabilities = { poll: true, push: false, publicReply: false, privateMessage: false, replyMaxLength: null };

const DEFAULT_BASE = 'https://itunes.apple.com';
const MAX_PAGES = 10;
const SEEN_LIMIT = 2000;

interface AppstoreCursor {
  v: 1;
  seen: string[];
}

export class AppstoreConnector implements Connector {
  readonly channel = APPSTORE_CHANNEL;
  readonly capabilities = APPSTORE_CAPABILITIES;

  constructor(private readonly http: HttpContext) {}

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const { source, signal } = request;
    const appId = String(source.options['appId'] ?? '').trim();
    if (!/^\d+$/.test(appId)) throw new ConnectorError('bad_request', 'appstore: options.appId must be the numeric App Store id');
    const country = typeof source.options['country'] === 'string' && /^[a-z]{2}$/i.test(source.options['country']) ? source.options['country'].toLowerCase() : 'ru';
    const cursor = decodeCursor(APPSTORE_CHANNEL, request.cursor, (value) => (value['v'] === 1 && Array.isArray(value['seen']) ? (value as unknown as AppstoreCursor) : null));
    const seen = new Set(cursor?.seen ?? []);
    const fresh: Array<Record<string, unknown>> = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const entries = await this.page(source, country, appId, page, signal);
      const reviews = entries.filter(isReview);
      const unseen = reviews.filter((entry) => {
        const id = reviewId(entry);
        return id === null || !seen.has(id);
      });
      fresh.push(...unseen);
      // Newest first: a page with a review already seen means the rest is known. The first poll reads one page.
      if (cursor === null || reviews.length === 0 || unseen.length < reviews.length) break;
    }
    fresh.reverse();
    const taken = fresh.slice(0, Math.max(0, request.limit));
    const context = { country, fetchedAt: new Date(this.http.clock.now()).toISOString() };
    const collected = collectItems(taken, (entry) => normaliseAppstoreReview(entry, context), reviewId);
    const mentions: NormalisedMention[] = collected.mentions;
    const rejected: RejectedItem[] = collected.rejected;
    const ids = taken.map(reviewId).filter((id): id is string => id !== null);
    return {
      mentions,
      rejected,
      cursor: encodeCursor({ v: 1, seen: [...new Set([...(cursor?.seen ?? []), ...ids])].slice(-SEEN_LIMIT) } satisfies AppstoreCursor),
      hasMore: taken.length < fresh.length,
    };
  }

  private async page(source: SourceSettings, country: string, appId: string, page: number, signal?: AbortSignal) {
    const operation = `appstore customerreviews page ${page}`;
    const reply = await sendHttp(this.http, {
      method: 'GET',
      url: urlFor(baseUrlOf(source.options, DEFAULT_BASE), `/${country}/rss/customerreviews/page=${page}/id=${appId}/sortby=mostrecent/json`),
      headers: { accept: 'application/json' },
      signal,
      operation,
      secrets: [],
    });
    // Past the last page Apple answers 400 or an empty feed, depending on the day.
    if (reply.status === 400 && page > 1) return [];
    if (reply.status !== 200) {
      const retryAfterMs = parseRetryAfter(reply.headers.get('retry-after'), this.http.clock.now());
      // No limits are documented for the feed; a 403/503 from it means "slow down".
      const kind = reply.status === 403 || (reply.status === 503 && retryAfterMs !== null) ? 'rate_limited' : undefined;
      throw errorForStatus({ operation, status: reply.status, platformMessage: null, retryAfterMs }, kind);
    }
    return feedEntries(reply.json());
  }
}
