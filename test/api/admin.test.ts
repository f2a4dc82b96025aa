/**
 * Settings (SLA, calendar, reply policy: validated field by field, audited), members (invite with a one-time
 * password, role changes, the last admin), the audit log (admin only, filters, pagination), stats, and the
 * OpenAPI document.
 */
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness, type SeededUser } from './support/api-app';
import { seedMention } from './support/seed-mentions';

jest.setTimeout(90_000);

describe('settings, users, audit, stats', () => {
  let harness: ApiHarness;
  let workspaceId: string;
  let users: Record<string, SeededUser>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { anna: 'agent', lena: 'lead', adam: 'admin', pavel: 'pr' });
    workspaceId = seeded.workspaceId;
    users = seeded.users;
    for (const name of Object.keys(users)) tokens[name] = (await login(harness, users[name]!)).accessToken;
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('reads and updates settings (lead/admin), validating every field and keeping other keys', async () => {
    await harness.db.dataSource.query(`UPDATE workspace SET settings = '{"escalation": {"keep": true}}' WHERE id = $1`, [workspaceId]);
    await harness.http.get('/api/settings').set(bearer(tokens.anna!)).expect(403);
    const current = await harness.http.get('/api/settings').set(bearer(tokens.lena!)).expect(200);
    expect(current.body).toMatchObject({ slaFirstResponseMinutes: { critical: 15 }, slaDueSoonMinutes: 30, replyPolicy: { brandVoice: { kind: 'we' } } });
    const invalid = await harness.http
      .put('/api/settings')
      .set(bearer(tokens.lena!))
      .send({
        slaFirstResponseMinutes: { critical: 0, urgent: 5 },
        timeZone: 'Mars/Olympus',
        businessHours: { '8': [9, 18], '1': [18, 9] },
        replyPolicy: { enabledWarnRules: ['pii_echo'], brandVoice: { kind: 'agent' }, colour: 'red' },
        extra: 1,
      })
      .expect(400);
    expect(invalid.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(
      [
        'businessHours.1',
        'businessHours.8',
        'extra',
        'replyPolicy.brandVoice.name',
        'replyPolicy.brandVoice.role',
        'replyPolicy.colour',
        'replyPolicy.enabledWarnRules.0',
        'slaFirstResponseMinutes.critical',
        'slaFirstResponseMinutes.urgent',
        'timeZone',
      ].sort(),
    );
    const updated = await harness.http
      .put('/api/settings')
      .set(bearer(tokens.lena!))
      .send({ slaFirstResponseMinutes: { critical: 10 }, businessHours: { '1': [9, 18] }, replyPolicy: { bannedPhrases: ['guaranteed forever'], privateContact: 'care@example.com' } })
      .expect(200);
    expect(updated.body).toMatchObject({ slaFirstResponseMinutes: { critical: 10, high: 60 }, businessHours: { '1': [9, 18] }, replyPolicy: { privateContact: 'care@example.com', bannedPhrases: ['guaranteed forever'] } });
    const [row] = await harness.db.dataSource.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId]);
    expect(row.settings.escalation).toEqual({ keep: true });
    const [audit] = await harness.db.dataSource.query(`SELECT details FROM audit_log WHERE action = 'settings.updated' AND workspace_id = $1`, [workspaceId]);
    expect(audit.details.changed.sort()).toEqual(['businessHours', 'replyPolicy', 'slaFirstResponseMinutes']);

    // The banned phrase now blocks replies.
    const mention = await seedMention(harness.db.dataSource, workspaceId, { text: 'Is the warranty really valid?', intent: 'question', severity: 'low' });
    const check = await harness.http
      .post(`/api/mentions/${mention.id}/replies/check`)
      .set(bearer(tokens.anna!))
      .send({ body: 'Thank you for asking! Yes, your warranty is guaranteed forever.', visibility: 'public' })
      .expect(200);
    expect(check.body.violations.map((violation: { rule: string }) => violation.rule)).toContain('banned_phrase');
  });

  it('invites members with a one-time password, changes roles and protects the last admin', async () => {
    await harness.http.post('/api/users').set(bearer(tokens.lena!)).send({ email: 'x@example.com', displayName: 'X', role: 'agent' }).expect(403);
    const bad = await harness.http.post('/api/users').set(bearer(tokens.adam!)).send({ email: 'nope', role: 'boss' }).expect(400);
    expect([...new Set(bad.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual(['displayName', 'email', 'role']);
    const invited = await harness.http.post('/api/users').set(bearer(tokens.adam!)).send({ email: 'New.Agent@Example.com', displayName: 'New Agent', role: 'agent', locale: 'en' }).expect(201);
    expect(invited.body).toMatchObject({ user: { email: 'new.agent@example.com', role: 'agent' }, oneTimePassword: expect.any(String) });
    const newcomer = await harness.http.post('/api/auth/login').send({ email: 'new.agent@example.com', password: invited.body.oneTimePassword }).expect(200);
    await harness.http.post('/api/users').set(bearer(tokens.adam!)).send({ email: 'new.agent@example.com', displayName: 'Again', role: 'agent' }).expect(409);
    const members = await harness.http.get('/api/users').set(bearer(tokens.anna!)).expect(200);
    expect(members.body.map((member: { email: string }) => member.email)).toContain('new.agent@example.com');

    await harness.http.patch(`/api/users/${invited.body.user.id}`).set(bearer(tokens.adam!)).send({ role: 'lead' }).expect(200);
    // The role change applies at once to the newcomer's existing token.
    const me = await harness.http.get('/api/me').set(bearer(newcomer.body.accessToken)).expect(200);
    expect(me.body.workspace.role).toBe('lead');
    const last = await harness.http.patch(`/api/users/${users.adam!.id}`).set(bearer(tokens.adam!)).send({ role: 'agent' }).expect(409);
    expect(last.body.type).toContain('last-admin');
    await harness.http.patch('/api/users/00000000-0000-4000-8000-000000000000').set(bearer(tokens.adam!)).send({ role: 'agent' }).expect(404);
    await harness.http.patch(`/api/users/${users.anna!.id}`).set(bearer(tokens.adam!)).send({ role: 'king' }).expect(400);
  });

  it('shows the audit log to admins only, filtered and paged', async () => {
    await harness.http.get('/api/audit').set(bearer(tokens.lena!)).expect(403);
    const logins = await harness.http.get('/api/audit').query({ action: 'login.', limit: 2 }).set(bearer(tokens.adam!)).expect(200);
    expect(logins.body.items).toHaveLength(2);
    expect(logins.body.items.every((item: { action: string }) => item.action.startsWith('login.'))).toBe(true);
    const next = await harness.http.get('/api/audit').query({ action: 'login.', limit: 2, cursor: logins.body.nextCursor }).set(bearer(tokens.adam!)).expect(200);
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(logins.body.items[1].id));
    const bad = await harness.http.get('/api/audit').query({ from: 'yesterday', limit: 0, cursor: 'x' }).set(bearer(tokens.adam!)).expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['cursor', 'from', 'limit']);
  });

  it('computes volume, response times, SLA compliance and the share of staff inattention', async () => {
    const ds = harness.db.dataSource;
    const day = new Date('2026-03-02T00:00:00Z').getTime();
    const at = (hours: number) => new Date(day + hours * 3600_000);
    // Answered after 10, 20 and 30 minutes (targets 15 minutes), one resolved after 2 hours.
    for (const [index, minutes] of [10, 20, 30].entries()) {
      await seedMention(ds, workspaceId, {
        text: `stats ${index}`,
        publishedAt: at(index),
        slaDueAt: new Date(at(index).getTime() + 15 * 60_000),
        firstResponseAt: new Date(at(index).getTime() + minutes * 60_000),
        cause: index === 0 ? 'staff_inattention' : 'product_defect',
        channel: index === 2 ? 'vk' : 'demo',
      });
    }
    await ds.query(`UPDATE mention SET resolved_at = published_at + interval '2 hours', status = 'resolved' WHERE text = 'stats 0' AND workspace_id = $1`, [workspaceId]);
    await harness.http.get('/api/stats').set(bearer(tokens.anna!)).expect(403);
    const response = await harness.http.get('/api/stats').query({ from: '2026-03-02T00:00:00Z', to: '2026-03-03T00:00:00Z', bucket: 'hour' }).set(bearer(tokens.lena!)).expect(200);
    expect(response.body.totals).toEqual({ mentions: 3, answered: 3, resolved: 1 });
    expect(response.body.firstResponse).toEqual({ count: 3, medianSeconds: 1200, p90Seconds: 1680 });
    expect(response.body.resolution).toMatchObject({ count: 1, medianSeconds: 7200 });
    expect(response.body.sla.firstResponse).toEqual({ due: 3, met: 1, compliance: 1 / 3 });
    expect(response.body.staffInattention).toEqual({ count: 1, withCause: 3, share: 1 / 3 });
    expect(response.body.series).toHaveLength(3);
    expect(response.body.series[2]).toMatchObject({ total: 1, channel: { vk: 1 }, cause: { product_defect: 1 }, severity: { high: 1 }, intent: { problem: 1 } });
    const bad = await harness.http.get('/api/stats').query({ from: '2026-03-03T00:00:00Z', to: '2026-03-02T00:00:00Z', bucket: 'week' }).set(bearer(tokens.lena!)).expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(['bucket']);
    await harness.http.get('/api/stats').query({ from: '2026-03-03T00:00:00Z', to: '2026-03-02T00:00:00Z' }).set(bearer(tokens.lena!)).expect(400);
  });

  it('publishes the OpenAPI document with the triage endpoints', async () => {
    const response = await harness.http.get('/api/docs-json').expect(200);
    for (const path of ['/api/auth/login', '/api/mentions', '/api/mentions/{id}/claim', '/api/mentions/{id}/replies', '/api/cases/{id}', '/api/settings', '/api/events', '/api/stats', '/api/audit', '/api/users', '/api/api-keys']) {
      expect(response.body.paths[path]).toBeDefined();
    }
    expect(response.body.components.schemas.CreateReplyDto.properties).toHaveProperty('override');
    expect(response.body.paths['/api/mentions/{id}'].get.description).toMatch(/`explanations`.*in the caller's language/s);
  });
});
