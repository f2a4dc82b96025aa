import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness, type SeededUser } from './support/api-app';

jest.setTimeout(60_000);

describe('queue board (/admin/queues)', () => {
  let harness: ApiHarness;
  let users: Record<string, SeededUser>;

  beforeAll(async () => {
    harness = await startApiHarness();
    users = (await seedWorkspace(harness, { ada: 'admin', alex: 'agent' })).users;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('is closed without a token and to non-admins', async () => {
    await harness.http.get('/admin/queues').expect(401);
    const agent = await login(harness, users.alex!);
    await harness.http.get('/admin/queues').set(bearer(agent.accessToken)).expect(403);
  });

  it('shows the queues to an admin, and keeps the session in a cookie after ?access_token=', async () => {
    const admin = await login(harness, users.ada!);
    const page = await harness.http.get(`/admin/queues?access_token=${admin.accessToken}`).expect(200);
    expect(page.text).toMatch(/<html/i);
    const cookie = page.headers['set-cookie'];
    expect(String(cookie)).toMatch(/otklik_queue_board=.*HttpOnly/i);
    const queues = await harness.http.get('/admin/queues/api/queues').set('Cookie', String(cookie).split(';')[0]).expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual(['classify', 'notify', 'poll', 'route', 'send']);
  });
});
