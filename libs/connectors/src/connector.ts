/**
 * The one interface every channel connector implements (one folder per platform under this lib).
 * A connector is transport only: it fetches what is new since a cursor and normalises it, and it posts
 * replies. Storage, cursors' durability, retries and source health are the pipeline's job; the connector
 * tells the pipeline what happened through the error classes in `connector-error.ts`.
 */
import type { MentionInput } from '@otklik/domain';

/** Which brand a source watches: every hit from a platform search is re-checked locally against this. */
export interface BrandQuery {
  brand: string;
  /** Names and aliases (transliterations, misspellings), matched case- and ё-insensitively on word boundaries. */
  keywords: string[];
  /** A hit containing any of these is off-topic (a name collision). */
  exclusions: string[];
}

export interface SourceSettings {
  /** The source's row id (for logs and idempotency keys). */
  sourceId: string;
  query: BrandQuery;
  /** Platform-specific options (community id, subreddit, hashtag, feed URL, base URL for tests...). */
  options: Record<string, unknown>;
  /** Decrypted credentials (tokens, secrets). Never logged. */
  credentials: Record<string, string>;
}

export interface FetchRequest {
  source: SourceSettings;
  /** Opaque to the pipeline; null on the first poll. */
  cursor: string | null;
  /** Upper bound of mentions wanted in this call. */
  limit: number;
  signal?: AbortSignal;
}

/** A normalised mention with the platform's original payload kept for audit and re-normalisation. */
export interface NormalisedMention extends MentionInput {
  raw: unknown;
  /**
   * Where the item came from. `search`: a platform search or a space the brand does not own (a third-party
   * group, a hashtag): the brand filter re-checks the text and drops name collisions. `owned`: the brand's
   * own community, inbox or app page, where everything is addressed to the brand whether it names it or
   * not. Absent means `search` (the safe default: re-check).
   */
  origin?: 'search' | 'owned';
}

/** An item the connector could not normalise: the pipeline dead-letters it with this reason. */
export interface RejectedItem {
  externalId: string | null;
  reason: string;
  raw: unknown;
}

export interface FetchResult {
  mentions: NormalisedMention[];
  rejected: RejectedItem[];
  /** The cursor to store once these mentions are durable. */
  cursor: string | null;
  /** True when the platform has more right now (the pipeline polls again at once). */
  hasMore: boolean;
  /** Search hits dropped by the local brand re-check (name collisions, exclusions); set by the brand filter. */
  offTopic?: number;
}

export interface ConnectorCapabilities {
  poll: boolean;
  push: boolean;
  publicReply: boolean;
  privateMessage: boolean;
  /** Longest reply body the platform accepts, in characters; null when effectively unlimited. */
  replyMaxLength: number | null;
}

/** What the send queue hands a connector. */
export interface OutboundMessage {
  source: SourceSettings;
  /** Stable per reply: the connector may use it to find an earlier attempt whose outcome is unknown. */
  idempotencyKey: string;
  visibility: 'public' | 'private';
  body: string;
  /** The mention being answered, as stored (external ids, author, thread, and its raw payload). */
  inReplyTo: NormalisedMention;
}

export interface SentMessage {
  platformId: string;
  url: string | null;
}

/** A verified push (webhook) delivery turned into mentions, or a reply the platform expects back. */
export interface PushResult {
  mentions: NormalisedMention[];
  rejected: RejectedItem[];
  /** A literal body the platform wants as the HTTP answer (e.g. VK's confirmation string), else null. */
  responseBody: string | null;
  /** Items dropped by the local brand re-check; set by the brand filter. */
  offTopic?: number;
}

export interface PushRequest {
  source: SourceSettings;
  headers: Record<string, string | undefined>;
  /** The body exactly as received (signatures are over raw bytes). */
  rawBody: Buffer;
}

export interface Connector {
  readonly channel: string;
  readonly capabilities: ConnectorCapabilities;
  /** Pull what is new since the cursor. Required when `capabilities.poll`. */
  fetch?(request: FetchRequest): Promise<FetchResult>;
  /** Verify and parse a webhook delivery. Required when `capabilities.push`. Throws ConnectorError('bad_request' | 'auth_revoked'). */
  receive?(request: PushRequest): Promise<PushResult>;
  /** Post a public reply in the mention's thread. */
  replyPublic?(message: OutboundMessage): Promise<SentMessage>;
  /** Send a direct message to the mention's author. Throws ConnectorError('not_permitted') when the platform refuses DMs to them. */
  sendPrivate?(message: OutboundMessage): Promise<SentMessage>;
  /**
   * After an attempt whose outcome is unknown (a timeout), find the message it may have posted, so a retry
   * never posts twice. Returns null when nothing was posted.
   */
  findSent?(message: OutboundMessage): Promise<SentMessage | null>;
  /** Check credentials and reachability for the "test connection" button. */
  testConnection?(source: SourceSettings): Promise<{ ok: true; detail: string }>;
}

/**
 * What a renewal asked to be stored, and what it gives back to the connector. `store` holds only the
 * credential fields that changed (a rotated refresh token), or null when nothing must be written.
 */
export interface CredentialRenewal<T> {
  store: Record<string, string> | null;
  result: T;
}

/**
 * The one narrow way a connector hands credentials back to where sources are kept: a platform that rotates
 * a long-lived credential on use (X's OAuth 2.0 refresh tokens: every refresh returns a new one and the old
 * one stops working) is dead after a restart unless the new value is stored before it is relied on.
 * Implemented by the processes that own the source rows (the worker's and the api's connector resolver:
 * one UPDATE of that source's encrypted credentials); connectors never see the database.
 */
export interface SourceCredentialStore {
  /**
   * Runs `renew` with the source's credentials as stored now (decrypted), while no other process renews
   * this source's credentials, then merges `store` into the source's encrypted credentials and makes it
   * durable before resolving. `stored` is false when the credentials were edited (by an admin) while `renew`
   * ran: the edit is kept and nothing was written. Rejects when the source is gone or the write failed;
   * an error thrown by `renew` rejects it unchanged, with nothing written.
   */
  renew<T>(sourceId: string, renew: (stored: Record<string, string>) => Promise<CredentialRenewal<T>>): Promise<{ result: T; stored: boolean }>;
}
