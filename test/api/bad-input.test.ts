/**
 * Bad input on every endpoint that takes input: each answer is problem+json naming the fields and why;
 * oversized bodies are 413 and malformed JSON 400 everywhere; malformed ids are 400, unknown ones 404.
 */
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness, type SeededUser } from './support/api-app';
import { seedMention } from './support/seed-mentions';

jest.setTimeout(90_000);

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

describe('bad input', () => {
  let harness: ApiHarness;
  let users: Record<string, SeededUser>;
  let token: string;
  let mentionId: string;

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { adam: 'admin' });
    users = seeded.users;
    token = (await login(harness, users.adam!)).accessToken;
    mentionId = (await seedMention(harness.db.dataSource, seeded.workspaceId, { text: 'Payment failed' })).id;
  });

  afterAll(async () => {
    await harness?.close();
  });

  const send = (method: Method, path: string, body?: unknown) => {
    const request = harness.http[method](path).set(bearer(token));
    return body === undefined ? request : request.send(body as object);
  };

  it('names every invalid field', async () => {
    const uuid = '00000000-0000-4000-8000-000000000000';
    const cases: Array<[Method, string, unknown, string[]]> = [
      ['post', '/api/auth/refresh', {}, ['refreshToken']],
      ['post', '/api/auth/switch-workspace', { workspaceId: 7 }, ['workspaceId']],
      ['post', '/api/api-keys', { name: 3, role: 'root' }, ['name', 'role']],
      ['post', `/api/mentions/${mentionId}/replies/check`, { visibility: 'secret' }, ['body', 'visibility']],
      ['post', `/api/mentions/${mentionId}/replies`, { body: 5, visibility: 'public', acknowledged: ['nope'], override: {} }, ['body', 'acknowledged', 'override.reason']],
      ['post', `/api/mentions/${mentionId}/notes`, { body: 'x'.repeat(10_001) }, ['body']],
      ['patch', `/api/mentions/${mentionId}`, { status: 'closed', snoozedUntil: 'tomorrow' }, ['status', 'snoozedUntil']],
      ['post', `/api/mentions/${mentionId}/assign`, {}, ['userId']],
      ['post', '/api/mentions/bulk', { ids: ['0', 'x'], action: 'snooze' }, ['ids', 'snoozedUntil']],
      ['post', `/api/replies/${uuid}/reject`, {}, ['reason']],
      ['post', '/api/users', { email: 'x', displayName: '', role: 'agent', locale: 'de' }, ['email', 'displayName', 'locale']],
      ['patch', `/api/users/${uuid}`, {}, ['role']],
      ['put', '/api/settings', { slaDueSoonMinutes: 0, replyPolicy: { stockPhrases: [''] } }, ['slaDueSoonMinutes', 'replyPolicy.stockPhrases.0']],
      ['get', '/api/mentions?intent=rant&brand=nope&incident=1', undefined, ['intent', 'brand', 'incident']],
      ['get', '/api/mentions/facets?severity=extreme', undefined, ['severity']],
      ['get', '/api/cases?status=lost&limit=0', undefined, ['status', 'limit']],
      ['get', '/api/stats?bucket=week&from=monday', undefined, ['bucket', 'from']],
      ['get', '/api/audit?limit=many&actorId=me', undefined, ['limit', 'actorId']],
    ];
    for (const [method, path, body, fields] of cases) {
      const response = await send(method, path, body);
      expect({ path, status: response.status, type: response.headers['content-type'] }).toEqual({ path, status: 400, type: expect.stringMatching(/^application\/problem\+json/) });
      const named = [...new Set((response.body.errors as { field: string; reason: string }[]).map((error) => error.field))].sort();
      expect({ path, named }).toEqual({ path, named: [...fields].sort() });
      for (const error of response.body.errors) expect(error.reason.length).toBeGreaterThan(3);
    }
  });

  it('refuses oversized and malformed bodies on every body endpoint', async () => {
    const paths: Array<[Method, string]> = [
      ['post', '/api/auth/login'],
      ['post', `/api/mentions/${mentionId}/replies`],
      ['post', `/api/mentions/${mentionId}/replies/check`],
      ['post', `/api/mentions/${mentionId}/notes`],
      ['patch', `/api/mentions/${mentionId}`],
      ['post', '/api/mentions/bulk'],
      ['put', '/api/settings'],
      ['post', '/api/users'],
    ];
    const big = JSON.stringify({ body: 'x'.repeat(1_100_000) });
    for (const [method, path] of paths) {
      const oversized = await harness.http[method](path).set(bearer(token)).set('Content-Type', 'application/json').send(big);
      expect({ path, status: oversized.status, type: oversized.headers['content-type'] }).toEqual({ path, status: 413, type: expect.stringMatching(/^application\/problem\+json/) });
      const broken = await harness.http[method](path).set(bearer(token)).set('Content-Type', 'application/json').send('{"body": ');
      expect({ path, status: broken.status }).toEqual({ path, status: 400 });
    }
  });

  it('tells malformed ids (400, naming the parameter) from unknown ones (404)', async () => {
    const malformed = await send('get', '/api/mentions/12abc');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'id', reason: 'must be a positive integer id' }]);
    expect((await send('get', '/api/replies/not-a-uuid')).status).toBe(400);
    expect((await send('get', '/api/mentions/987654321')).status).toBe(404);
    expect((await send('get', '/api/replies/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await send('post', '/api/cases/00000000-0000-4000-8000-000000000000/resolve')).status).toBe(404);
    expect((await send('get', '/api/nothing-here')).status).toBe(404);
  });
});
