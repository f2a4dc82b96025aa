import { AccessTokenService } from '../../apps/api/src/auth';
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness, type SeededUser } from './support/api-app';

jest.setTimeout(60_000);

describe('auth', () => {
  let harness: ApiHarness;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let users: Record<string, SeededUser>;

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { alice: 'agent', adam: 'admin', lena: 'lead', victim: 'agent' });
    workspaceId = seeded.workspaceId;
    users = seeded.users;
    const other = await seedWorkspace(harness, {});
    otherWorkspaceId = other.workspaceId;
    await harness.db.dataSource.query(`INSERT INTO membership (user_id, workspace_id, role) VALUES ($1, $2, 'lead')`, [
      users.alice!.id,
      otherWorkspaceId,
    ]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('keeps health public and everything else behind authentication, as problem+json', async () => {
    await harness.http.get('/api/health/live').expect(200);
    const response = await harness.http.get('/api/me').expect(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 401,
      title: 'Unauthorized',
      type: expect.stringContaining('unauthorized'),
      detail: expect.stringContaining('Bearer'),
    });
  });

  it('logs in, tells who the caller is, and audits the login', async () => {
    const response = await harness.http
      .post('/api/auth/login')
      .send({ email: users.alice!.email.toUpperCase(), password: users.alice!.password })
      .expect(200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      workspace: { id: workspaceId, role: 'agent' },
      user: { email: users.alice!.email },
    });
    const me = await harness.http.get('/api/me').set(bearer(response.body.accessToken)).expect(200);
    expect(me.body.workspace).toMatchObject({ id: workspaceId, role: 'agent' });
    expect(me.body.memberships.map((membership: { id: string }) => membership.id).sort()).toEqual([workspaceId, otherWorkspaceId].sort());
    const [audit] = await harness.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.succeeded' AND actor_id = $1`,
      [users.alice!.id],
    );
    expect(audit.n).toBeGreaterThanOrEqual(1);
  });

  it('refuses wrong passwords with 401 and locks the account after five failures, even for the right password', async () => {
    const victim = users.victim!;
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await harness.http.post('/api/auth/login').send({ email: victim.email, password: 'wrong' }).expect(401);
      expect(response.body.detail).toBe('the email or the password is wrong');
    }
    const fifth = await harness.http.post('/api/auth/login').send({ email: victim.email, password: 'wrong' }).expect(423);
    expect(fifth.body).toMatchObject({ type: expect.stringContaining('account-locked'), lockedUntil: expect.any(String) });
    expect(fifth.headers['retry-after']).toBeDefined();
    await harness.http.post('/api/auth/login').send({ email: victim.email, password: victim.password }).expect(423);
    const failures = await harness.db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.failed' AND actor_id = $1`,
      [victim.id],
    );
    expect(failures[0].n).toBe(6);
    await harness.http.post('/api/auth/login').send({ email: 'nobody@example.com', password: 'x' }).expect(401);
  });

  it('validates login input field by field', async () => {
    const response = await harness.http.post('/api/auth/login').send({ email: 'not-an-email', extra: 1 }).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'extra']));
    expect(response.body.errors.find((error: { field: string }) => error.field === 'email').reason).toBe('must be an email address');
  });

  it('refuses malformed, forged and expired access tokens', async () => {
    await harness.http.get('/api/me').set({ Authorization: 'Bearer nonsense' }).expect(401);
    await harness.http.get('/api/me').set({ Authorization: 'Token abc' }).expect(401);
    const { accessToken } = await login(harness, users.lena!);
    const [header, payload] = accessToken.split('.');
    await harness.http
      .get('/api/me')
      .set(bearer(`${header}.${payload}.AAAA`))
      .expect(401);
    const tokens = harness.app.get(AccessTokenService);
    const expired = tokens.sign(
      { sub: users.lena!.id, ws: workspaceId, role: 'lead', email: users.lena!.email, name: 'lena', locale: 'en' },
      -1,
    );
    const response = await harness.http.get('/api/me').set(bearer(expired)).expect(401);
    expect(response.body.detail).toContain('expired');
  });

  it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
    const first = await login(harness, users.lena!);
    const second = await harness.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    await harness.http.get('/api/me').set(bearer(second.body.accessToken)).expect(200);
    const reuse = await harness.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
    expect(reuse.body.detail).toContain('already used');
    // The thief's reuse also kills the legitimate holder's newer token.
    await harness.http.post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
    await harness.http
      .post('/api/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(401);
  });

  it('logs out by revoking the refresh token', async () => {
    const pair = await login(harness, users.lena!);
    await harness.http.post('/api/auth/logout').send({ refreshToken: pair.refreshToken }).expect(204);
    await harness.http.post('/api/auth/refresh').send({ refreshToken: pair.refreshToken }).expect(401);
  });

  it('switches workspace only to one the caller belongs to', async () => {
    const pair = await login(harness, users.alice!);
    const switched = await harness.http
      .post('/api/auth/switch-workspace')
      .set(bearer(pair.accessToken))
      .send({ workspaceId: otherWorkspaceId })
      .expect(200);
    expect(switched.body.workspace).toMatchObject({ id: otherWorkspaceId, role: 'lead' });
    const me = await harness.http.get('/api/me').set(bearer(switched.body.accessToken)).expect(200);
    expect(me.body.workspace.id).toBe(otherWorkspaceId);
    const lena = await login(harness, users.lena!);
    await harness.http.post('/api/auth/switch-workspace').set(bearer(lena.accessToken)).send({ workspaceId: otherWorkspaceId }).expect(404);
    const bad = await harness.http
      .post('/api/auth/switch-workspace')
      .set(bearer(lena.accessToken))
      .send({ workspaceId: 'nope' })
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'workspaceId', reason: 'must be a UUID' }]);
  });

  it('manages API keys (admin only), shows each key once and authenticates with it until revoked', async () => {
    const admin = await login(harness, users.adam!);
    const agent = await login(harness, users.alice!);
    await harness.http.post('/api/api-keys').set(bearer(agent.accessToken)).send({ name: 'x', role: 'agent' }).expect(403);
    const invalid = await harness.http.post('/api/api-keys').set(bearer(admin.accessToken)).send({ name: '', role: 'boss' }).expect(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['name', 'role']);
    const created = await harness.http.post('/api/api-keys').set(bearer(admin.accessToken)).send({ name: 'CRM', role: 'lead' }).expect(201);
    const key: string = created.body.key;
    expect(key.startsWith(created.body.apiKey.prefix)).toBe(true);
    const list = await harness.http.get('/api/api-keys').set(bearer(admin.accessToken)).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(key);
    const me = await harness.http.get('/api/me').set({ 'X-Api-Key': key }).expect(200);
    expect(me.body).toMatchObject({ workspace: { id: workspaceId, role: 'lead' }, apiKeyId: created.body.apiKey.id });
    await harness.http.delete(`/api/api-keys/${created.body.apiKey.id}`).set(bearer(admin.accessToken)).expect(200);
    await harness.http.get('/api/me').set({ 'X-Api-Key': key }).expect(401);
    await harness.http.delete('/api/api-keys/00000000-0000-4000-8000-000000000000').set(bearer(admin.accessToken)).expect(404);
    await harness.http.delete('/api/api-keys/not-a-uuid').set(bearer(admin.accessToken)).expect(400);
  });

  it('refuses oversized and malformed bodies as problem+json', async () => {
    const big = await harness.http
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
    expect(big.headers['content-type']).toMatch(/^application\/problem\+json/);
    const broken = await harness.http.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(broken.status).toBe(400);
    expect(broken.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
