import { ManualClock } from '../testing/manual-clock';
import { RequestRateLimiter } from './request-rate-limiter';

describe('RequestRateLimiter', () => {
  it('lets `limit` calls through per window and makes the next ones wait for the window to slide', async () => {
    const clock = new ManualClock(0);
    const limiter = new RequestRateLimiter(clock, 3, 1000);
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 7 }, () => limiter.acquire('token-a').then(() => granted.push(clock.now()))));
    expect(granted).toEqual([0, 0, 0, 1000, 1000, 1000, 2000]);
  });

  it('keeps tokens apart', async () => {
    const clock = new ManualClock(0);
    const limiter = new RequestRateLimiter(clock, 1, 1000);
    await limiter.acquire('token-a');
    await limiter.acquire('token-b');
    expect(clock.now()).toBe(0);
    await limiter.acquire('token-a');
    expect(clock.now()).toBe(1000);
  });

  it('does not block later callers when a waiter is cancelled', async () => {
    const clock = new ManualClock(0);
    const limiter = new RequestRateLimiter(clock, 1, 1000);
    await limiter.acquire('t');
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(limiter.acquire('t', controller.signal)).rejects.toThrow('cancelled');
    await limiter.acquire('t');
    expect(clock.now()).toBe(1000);
  });
});
