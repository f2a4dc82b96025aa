import { createHash } from 'node:crypto';
import type { Clock } from './clock';

/**
 * Self-throttling for platforms that send no rate-limit headers (VK): at most `limit` requests per
 * `windowMs` per key (a token), as a sliding window. Waiters for one key are served in order, so bursts
 * queue up instead of racing. Keys are hashed so the limiter never holds a raw token.
 */
export class RequestRateLimiter {
  private readonly windows = new Map<string, { stamps: number[]; tail: Promise<void> }>();

  constructor(
    private readonly clock: Clock,
    private readonly limit: number,
    private readonly windowMs = 1000,
  ) {
    if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  }

  acquire(key: string, signal?: AbortSignal): Promise<void> {
    const id = createHash('sha256').update(key).digest('hex').slice(0, 32);
    let window = this.windows.get(id);
    if (!window) {
      window = { stamps: [], tail: Promise.resolve() };
      this.windows.set(id, window);
    }
    const current = window;
    const turn = current.tail.then(() => this.waitForSlot(current.stamps, signal));
    current.tail = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(stamps: number[], signal?: AbortSignal): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      while (stamps.length > 0 && stamps[0]! <= now - this.windowMs) stamps.shift();
      if (stamps.length < this.limit) {
        stamps.push(now);
        return;
      }
      await this.clock.sleep(stamps[0]! + this.windowMs - now, signal);
    }
  }
}
