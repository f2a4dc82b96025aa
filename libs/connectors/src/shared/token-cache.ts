import { createHash } from 'node:crypto';
import type { Clock } from './clock';

/** A freshly minted access token and how long the platform said it lives. */
export interface MintedToken {
  token: string;
  lifetimeMs: number;
}

/** A token is given up a minute before the platform's expiry: a call made with it must still arrive in time. */
export const TOKEN_EXPIRY_MARGIN_MS = 60_000;

/**
 * Access tokens minted from a source's long-lived credentials (Reddit's password grant, Google's service
 * account and refresh token), one cache per connector instance. Keys are hashes, so no secret sits in a map
 * key; a key covers everything that changes the token, so edited credentials mint afresh. Callers that ask
 * while a mint is in flight share it: a poll and a reply starting together cost one token request. Expired
 * tokens are dropped whenever another is minted, so edited or rotated credentials (X issues a new refresh token
 * every couple of hours, and the key covers it) do not pile up for the life of the process.
 */
export class TokenCache {
  private readonly tokens = new Map<string, { token: string; reuseUntil: number }>();
  private readonly minting = new Map<string, Promise<string>>();

  constructor(private readonly clock: Clock) {}

  async token(key: string, mint: () => Promise<MintedToken>): Promise<string> {
    const cached = this.tokens.get(key);
    if (cached && this.clock.now() < cached.reuseUntil) return cached.token;
    const pending = this.minting.get(key);
    if (pending) return pending;
    const started = this.mintAndKeep(key, mint).finally(() => this.minting.delete(key));
    this.minting.set(key, started);
    return started;
  }

  /**
   * Drops a token the platform refused (401), so the next call mints. Only that token: when another caller
   * has already replaced it, the fresh one stays.
   */
  forget(key: string, refused: string): void {
    if (this.tokens.get(key)?.token === refused) this.tokens.delete(key);
  }

  /** How many tokens are kept (live ones, and expired ones not yet swept by the next mint). */
  get size(): number {
    return this.tokens.size;
  }

  private async mintAndKeep(key: string, mint: () => Promise<MintedToken>): Promise<string> {
    const minted = await mint();
    // Lifetimes are read when the answer arrives, not when the request left: the margin covers the trip.
    const now = this.clock.now();
    for (const [other, kept] of this.tokens) if (kept.reuseUntil <= now) this.tokens.delete(other);
    this.tokens.set(key, { token: minted.token, reuseUntil: now + minted.lifetimeMs - TOKEN_EXPIRY_MARGIN_MS });
    return minted.token;
  }
}

/** The cache key of a set of credentials: a SHA-256 of every part, each ended by NUL so parts cannot run together. */
export function tokenCacheKey(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}
