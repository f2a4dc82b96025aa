/**
 * Failed logins per client address, in memory (a sliding window of timestamps per address). Per-account
 * lockout lives in the database (app_user.failed_logins / locked_until); this one slows a single address
 * spraying many accounts. In memory is per api replica: a deliberate trade-off, the lockout is the durable part.
 */
export interface LoginRateLimit {
  maxFailures: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_RATE_LIMIT: LoginRateLimit = { maxFailures: 20, windowMs: 15 * 60_000 };

const MAX_ADDRESSES = 50_000;

export class LoginRateLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly limit: LoginRateLimit = DEFAULT_LOGIN_RATE_LIMIT) {}

  /** Milliseconds until this address may try again, or 0 when it may try now. */
  retryAfterMs(address: string, now = Date.now()): number {
    const recent = this.recent(address, now);
    if (recent.length < this.limit.maxFailures) return 0;
    return recent[recent.length - this.limit.maxFailures]! + this.limit.windowMs - now;
  }

  recordFailure(address: string, now = Date.now()): void {
    const recent = this.recent(address, now);
    recent.push(now);
    if (!this.failures.has(address) && this.failures.size >= MAX_ADDRESSES) this.evictOldest(now);
    this.failures.set(address, recent);
  }

  recordSuccess(address: string): void {
    this.failures.delete(address);
  }

  private recent(address: string, now: number): number[] {
    const list = this.failures.get(address) ?? [];
    const kept = list.filter((at) => now - at < this.limit.windowMs);
    if (kept.length === 0) this.failures.delete(address);
    return kept;
  }

  private evictOldest(now: number): void {
    for (const [address, list] of this.failures) {
      if (list.every((at) => now - at >= this.limit.windowMs)) this.failures.delete(address);
    }
    if (this.failures.size >= MAX_ADDRESSES) this.failures.delete(this.failures.keys().next().value!);
  }
}
