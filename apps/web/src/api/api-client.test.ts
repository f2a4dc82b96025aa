import { describe, expect, it } from 'vitest';
import { SessionStore } from '../auth/session-store';
import { ApiClient, ApiError } from './api-client';

function memory(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (key) => data.get(key) ?? null,
    key: (index) => [...data.keys()][index] ?? null,
    removeItem: (key) => void data.delete(key),
    setItem: (key, value) => void data.set(key, value),
  };
}

const pair = (access: string, refresh: string) => ({
  accessToken: access,
  refreshToken: refresh,
  expiresIn: 900,
  user: { id: 'u', email: 'u@example.com', displayName: 'U', locale: 'en' },
  workspace: { id: 'w', name: 'W', slug: 'w', role: 'agent' as const },
});

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json' },
  });
}

describe('ApiClient', () => {
  it('refreshes once on a 401, shares the refresh between parallel requests, and retries with the new token', async () => {
    const session = new SessionStore(memory());
    session.save(pair('old-access', 'refresh-1'));
    const seen: string[] = [];
    let refreshes = 0;
    const fetchImpl = (async (url: RequestInfo | URL, init?: RequestInit) => {
      const path = String(url);
      const auth = (init?.headers as Record<string, string>).Authorization ?? '';
      seen.push(`${path} ${auth}`);
      if (path === '/api/auth/refresh') {
        refreshes += 1;
        expect(JSON.parse(String(init?.body))).toEqual({ refreshToken: 'refresh-1' });
        return json(200, pair('new-access', 'refresh-2'));
      }
      return auth === 'Bearer new-access'
        ? json(200, { ok: path })
        : json(401, { type: 'urn:otklik:problem:unauthorized', status: 401, detail: 'expired' });
    }) as typeof fetch;
    const client = new ApiClient(session, '', fetchImpl);
    const [a, b] = await Promise.all([client.get<{ ok: string }>('/api/a'), client.get<{ ok: string }>('/api/b')]);
    expect([a.ok, b.ok]).toEqual(['/api/a', '/api/b']);
    // One refresh for both: a refresh token is single-use, a second one would look like token theft.
    expect(refreshes).toBe(1);
    expect(session.current()?.refreshToken).toBe('refresh-2');
  });

  it('sends the interface language as Accept-Language', async () => {
    const session = new SessionStore(memory());
    session.save(pair('access', 'refresh'));
    const sent: Array<string | undefined> = [];
    const fetchImpl = (async (_url: RequestInfo | URL, init?: RequestInit) => {
      sent.push((init?.headers as Record<string, string>)['Accept-Language']);
      return json(200, {});
    }) as typeof fetch;
    let language = 'ru';
    const client = new ApiClient(session, '', fetchImpl, () => language);
    await client.get('/api/me');
    language = 'en';
    await client.get('/api/me');
    await new ApiClient(session, '', fetchImpl).get('/api/me');
    expect(sent).toEqual(['ru', 'en', undefined]);
  });

  it('ends the session when the refresh is refused, and reports problem details', async () => {
    const session = new SessionStore(memory());
    session.save(pair('old-access', 'refresh-1'));
    let ended = 0;
    const fetchImpl = (async (url: RequestInfo | URL) =>
      String(url) === '/api/auth/refresh'
        ? json(401, { status: 401, detail: 'refresh token reused' })
        : json(401, { status: 401, detail: 'expired' })) as typeof fetch;
    const client = new ApiClient(session, '', fetchImpl);
    client.onSessionEnded = () => (ended += 1);
    const error = await client.get('/api/me').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(ended).toBe(1);
    expect(session.current()).toBeNull();
  });

  it('turns problem+json into ApiError with the code and extensions', async () => {
    const session = new SessionStore(memory());
    session.save(pair('access', 'refresh'));
    const client = new ApiClient(session, '', (async () =>
      json(409, {
        type: 'urn:otklik:problem:claimed',
        status: 409,
        detail: 'Lena is working on it',
        holder: { displayName: 'Lena' },
      })) as typeof fetch);
    const error = (await client.post('/api/mentions/1/claim').catch((caught: unknown) => caught)) as ApiError;
    expect(error.code).toBe('claimed');
    expect(error.message).toBe('Lena is working on it');
    expect(error.problem.holder).toEqual({ displayName: 'Lena' });
  });
});
