import { ManualClock } from '../testing/manual-clock';
import { TOKEN_EXPIRY_MARGIN_MS, TokenCache, tokenCacheKey } from './token-cache';

const HOUR = 3_600_000;

describe('TokenCache', () => {
  it('reuses a token until a minute before it expires, then mints again', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 23));
    const cache = new TokenCache(clock);
    let minted = 0;
    const mint = async () => ({ token: `t${++minted}`, lifetimeMs: HOUR });
    expect(await cache.token('k', mint)).toBe('t1');
    clock.advance(HOUR - TOKEN_EXPIRY_MARGIN_MS - 1);
    expect(await cache.token('k', mint)).toBe('t1');
    clock.advance(1);
    expect(await cache.token('k', mint)).toBe('t2');
  });

  it('shares one mint between callers asking at once', async () => {
    const cache = new TokenCache(new ManualClock(0));
    let minted = 0;
    const mint = async () => ({ token: `t${++minted}`, lifetimeMs: HOUR });
    const tokens = await Promise.all([cache.token('k', mint), cache.token('k', mint), cache.token('k', mint)]);
    expect(tokens).toEqual(['t1', 't1', 't1']);
    expect(minted).toBe(1);
  });

  it('drops expired tokens of other credentials when it mints, so rotated keys do not pile up', async () => {
    const clock = new ManualClock(0);
    const cache = new TokenCache(clock);
    const mint = async () => ({ token: 'token', lifetimeMs: 2 * HOUR });
    // A source whose refresh token rotates every two hours: each rotation is a new key.
    for (let rotation = 0; rotation < 24; rotation += 1) {
      await cache.token(tokenCacheKey('client', `refresh-${rotation}`), mint);
      clock.advance(2 * HOUR);
    }
    expect(cache.size).toBe(1);
    // A live token of another source stays.
    await cache.token(tokenCacheKey('other source'), mint);
    clock.advance(HOUR);
    await cache.token(tokenCacheKey('client', 'refresh-next'), mint);
    expect(cache.size).toBe(2);
  });

  it('forgets only the refused token', async () => {
    const cache = new TokenCache(new ManualClock(0));
    let minted = 0;
    const mint = async () => ({ token: `t${++minted}`, lifetimeMs: HOUR });
    await cache.token('k', mint);
    cache.forget('k', 'some older token');
    expect(await cache.token('k', mint)).toBe('t1');
    cache.forget('k', 't1');
    expect(await cache.token('k', mint)).toBe('t2');
  });
});
