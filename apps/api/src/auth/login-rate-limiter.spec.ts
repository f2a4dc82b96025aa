import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  it('blocks an address after the allowed failures and frees it when the window slides', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 3, windowMs: 1000 });
    expect(limiter.retryAfterMs('a', 0)).toBe(0);
    limiter.recordFailure('a', 0);
    limiter.recordFailure('a', 100);
    expect(limiter.retryAfterMs('a', 150)).toBe(0);
    limiter.recordFailure('a', 200);
    expect(limiter.retryAfterMs('a', 300)).toBe(700);
    expect(limiter.retryAfterMs('b', 300)).toBe(0);
    expect(limiter.retryAfterMs('a', 1000)).toBe(0);
  });

  it('forgets an address after a success', () => {
    const limiter = new LoginRateLimiter({ maxFailures: 2, windowMs: 1000 });
    limiter.recordFailure('a', 0);
    limiter.recordFailure('a', 1);
    expect(limiter.retryAfterMs('a', 2)).toBeGreaterThan(0);
    limiter.recordSuccess('a');
    expect(limiter.retryAfterMs('a', 2)).toBe(0);
  });
});
