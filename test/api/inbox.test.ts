/**
 * The inbox list (order, filters, text search in Russian and English, keyset pagination, facets), claim
 * races, status transitions, bulk actions, notes naming colleagues, workspace isolation (another workspace's
 * mention, reply and case are 404) and the SSE stream (own workspace only).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness, type SeededUser } from './support/api-app';
import { seedMention } from './support/seed-mentions';

jest.setTimeout(90_000);

describe('inbox', () => {
  let harness: ApiHarness;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let users: Record<string, SeededUser>;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { anna: 'agent', boris: 'agent', lena: 'lead', pavel: 'pr', adam: 'admin' });
    workspaceId = seeded.workspaceId;
    users = seeded.users;
    const other = await seedWorkspace(harness, { olaf: 'admin' });
    otherWorkspaceId = other.workspaceId;
    users.olaf = other.users.olaf!;
    for (const name of Object.keys(users)) tokens[name] = (await login(harness, users[name]!)).accessToken;
  });

  afterAll(async () => {
    await harness?.close();
  });

  describe('list', () => {
    let ids: Record<string, string>;

    beforeAll(async () => {
      const ds = harness.db.dataSource;
      const base = Date.now() - 3 * 3600_000;
      const at = (minutes: number) => new Date(base + minutes * 60_000);
      const later = new Date(Date.now() + 5 * 3600_000);
      ids = {
        high1: (await seedMention(ds, workspaceId, { text: 'Payment failed again in the app', priority: 3000, publishedAt: at(10), channel: 'vk', slaDueAt: later })).id,
        high2: (await seedMention(ds, workspaceId, { text: 'Оплата картой не проходит второй день', lang: 'ru', priority: 3000, publishedAt: at(5), channel: 'telegram', cause: 'staff_inattention', slaDueAt: later })).id,
        low: (await seedMention(ds, workspaceId, { text: 'Nice new design of the app', priority: 500, publishedAt: at(1), intent: 'praise', severity: 'low', cause: null, sentiment: 'positive', slaDueAt: later })).id,
        mid: (await seedMention(ds, workspaceId, { text: 'Приложение вылетает при оплате', lang: 'ru', priority: 2000, publishedAt: at(0), slaDueAt: new Date(Date.now() - 60_000) })).id,
        resolved: (await seedMention(ds, workspaceId, { text: 'Thanks, all fixed now', priority: 2500, publishedAt: at(2), status: 'resolved', slaDueAt: later })).id,
        snoozed: (await seedMention(ds, workspaceId, { text: 'Will check later', priority: 2600, publishedAt: at(3), slaDueAt: later })).id,
        dueSoon: (await seedMention(ds, workspaceId, { text: 'Where is my parcel', priority: 1500, publishedAt: at(4), slaDueAt: new Date(Date.now() + 10 * 60_000) })).id,
      };
      await ds.query(`UPDATE mention SET snoozed_until = now() + interval '1 hour' WHERE id = $1`, [ids.snoozed]);
      await seedMention(ds, otherWorkspaceId, { text: 'Payment failed in another workspace', priority: 9000 });
      // Not routed yet: never in the inbox.
      await ds.query(`UPDATE mention SET stage = 'classified' WHERE id = (SELECT max(id) FROM mention WHERE workspace_id = $1)`, [otherWorkspaceId]);
    });

    it('orders by priority, then waiting time, then id; hides resolved and snoozed by default', async () => {
      const response = await harness.http.get('/api/mentions').set(bearer(tokens.anna!)).expect(200);
      expect(response.body.items.map((item: { id: string }) => item.id)).toEqual([ids.high2, ids.high1, ids.mid, ids.dueSoon, ids.low]);
      expect(response.body.nextCursor).toBeNull();
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.headers.etag).toBeUndefined();
      const item = response.body.items.find((entry: { id: string }) => entry.id === ids.mid);
      expect(item).toMatchObject({ status: 'new', labels: { severity: 'high' }, sla: { state: 'breached' } });
      // The list builds its items in SQL, the detail in TypeScript: both must tell the same clock.
      for (const listed of response.body.items) {
        const detail = await harness.http.get(`/api/mentions/${listed.id}`).set(bearer(tokens.anna!)).expect(200);
        expect({ id: listed.id, state: listed.sla.state, dueAt: listed.sla.dueAt, publishedAt: listed.publishedAt, claim: listed.claim }).toEqual({
          id: detail.body.id,
          state: detail.body.sla.state,
          dueAt: detail.body.sla.dueAt,
          publishedAt: detail.body.publishedAt,
          claim: detail.body.claim,
        });
        expect(Math.abs(listed.sla.remainingSeconds - detail.body.sla.remainingSeconds)).toBeLessThanOrEqual(2);
      }
    });

    it('pages with an opaque cursor without gaps or repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response: { body: { items: { id: string }[]; nextCursor: string | null } } = await harness.http
          .get('/api/mentions')
          .query({ limit: 2, status: 'new,open,pending,resolved', ...(cursor ? { cursor } : {}) })
          .set(bearer(tokens.anna!))
          .expect(200);
        seen.push(...response.body.items.map((item: { id: string }) => item.id));
        cursor = response.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids.high2, ids.high1, ids.resolved, ids.mid, ids.dueSoon, ids.low]);
      await harness.http.get('/api/mentions').query({ cursor: 'garbage' }).set(bearer(tokens.anna!)).expect(400);
    });

    it('keeps microseconds in the cursor: mentions within one millisecond page without repeats', async () => {
      const ws = await seedWorkspace(harness, { mira: 'agent' });
      const token = (await login(harness, ws.users.mira!)).accessToken;
      const ds = harness.db.dataSource;
      const at = new Date(Date.now() - 3600_000);
      const first = await seedMention(ds, ws.workspaceId, { text: 'first within the millisecond', publishedAt: at, priority: 1000 });
      const second = await seedMention(ds, ws.workspaceId, { text: 'second within the millisecond', publishedAt: at, priority: 1000 });
      // Same millisecond, 300 µs apart: a cursor cut to milliseconds would show the second mention twice.
      await ds.query(`UPDATE mention SET published_at = date_trunc('milliseconds', published_at) + interval '100 microseconds' WHERE id = $1`, [first.id]);
      await ds.query(`UPDATE mention SET published_at = date_trunc('milliseconds', published_at) + interval '400 microseconds' WHERE id = $1`, [second.id]);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await harness.http
          .get('/api/mentions')
          .query({ limit: 1, ...(cursor ? { cursor } : {}) })
          .set(bearer(token))
          .expect(200);
        seen.push(...page.body.items.map((item) => item.id));
        cursor = page.body.nextCursor;
      } while (cursor && seen.length < 5);
      expect(seen).toEqual([first.id, second.id]);
    });

    it('merges one range per severity into inbox order, and pages across them without gaps or repeats', async () => {
      const get = async (query: Record<string, string>) =>
        (await harness.http.get('/api/mentions').query(query).set(bearer(tokens.anna!)).expect(200)).body as { items: { id: string }[]; nextCursor: string | null };
      expect((await get({ severity: 'low' })).items.map((item) => item.id)).toEqual([ids.low]);
      expect((await get({ severity: 'low,high' })).items.map((item) => item.id)).toEqual([ids.high2, ids.high1, ids.mid, ids.dueSoon, ids.low]);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await get({ limit: '2', status: 'new,open,pending,resolved', severity: 'high,low', ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([ids.high2, ids.high1, ids.resolved, ids.mid, ids.dueSoon, ids.low]);
    });

    it('filters by label, channel, SLA state, snooze and text in both languages', async () => {
      const get = async (query: Record<string, string>) =>
        (await harness.http.get('/api/mentions').query(query).set(bearer(tokens.anna!)).expect(200)).body.items.map((item: { id: string }) => item.id);
      expect(await get({ channel: 'vk,telegram' })).toEqual([ids.high2, ids.high1]);
      expect(await get({ cause: 'staff_inattention' })).toEqual([ids.high2]);
      expect(await get({ severity: 'low' })).toEqual([ids.low]);
      expect(await get({ sla: 'breached' })).toEqual([ids.mid]);
      expect(await get({ sla: 'due_soon' })).toEqual([ids.dueSoon]);
      expect(await get({ snoozed: 'only' })).toEqual([ids.snoozed]);
      expect(await get({ q: 'оплат' })).toEqual([ids.high2, ids.mid]);
      expect(await get({ q: 'PAYMENT fail' })).toEqual([ids.high1]);
      expect(await get({ status: 'resolved' })).toEqual([ids.resolved]);
      expect(await get({ assignee: 'none' })).toHaveLength(5);
      expect(await get({ assignee: 'me' })).toEqual([]);
    });

    it('counts per filter value', async () => {
      const response = await harness.http.get('/api/mentions/facets').set(bearer(tokens.anna!)).expect(200);
      // Status is counted over every status (the snoozed one stays hidden); the other dimensions over the listed statuses.
      expect(response.body.status).toEqual({ new: 5, resolved: 1 });
      expect(response.body.channel).toMatchObject({ vk: 1, telegram: 1, demo: 3 });
      expect(response.body.sla).toEqual({ ok: 3, due_soon: 1, breached: 1 });
      const filtered = await harness.http.get('/api/mentions/facets').query({ channel: 'vk' }).set(bearer(tokens.anna!)).expect(200);
      // A dimension ignores its own filter (so other channels stay choosable) but the others apply it.
      expect(filtered.body.channel).toMatchObject({ vk: 1, telegram: 1, demo: 3 });
      expect(filtered.body.severity).toEqual({ high: 1 });
    });

    it('counts "me" per caller, and answers identical concurrent requests alike', async () => {
      await harness.http.post(`/api/mentions/${ids.dueSoon}/assign`).set(bearer(tokens.lena!)).send({ userId: users.anna!.id }).expect(200);
      try {
        const [forAnna, forBoris, again] = await Promise.all(
          [tokens.anna!, tokens.boris!, tokens.anna!].map((token) => harness.http.get('/api/mentions/facets').set(bearer(token)).expect(200)),
        );
        expect(forAnna.body.assignee).toEqual({ me: 1, none: 4 });
        expect(forBoris.body.assignee).toEqual({ [users.anna!.id]: 1, none: 4 });
        expect(again.body).toEqual(forAnna.body);
      } finally {
        await harness.http.post(`/api/mentions/${ids.dueSoon}/assign`).set(bearer(tokens.lena!)).send({ userId: null }).expect(200);
      }
    });

    it('names the bad query parameters', async () => {
      const response = await harness.http.get('/api/mentions').query({ status: 'new,bogus', limit: '1000', sla: 'late', assignee: 'x', foo: '1' }).set(bearer(tokens.anna!)).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['status', 'limit', 'sla', 'assignee', 'foo']));
      await harness.http.get('/api/mentions').query({ q: '!!!' }).set(bearer(tokens.anna!)).expect(400);
    });
  });

  describe('detail', () => {
    it("explains the labels in the caller's language, and shows explanations stored as English sentences as they are", async () => {
      const ds = harness.db.dataSource;
      const current = await seedMention(ds, workspaceId, {
        text: 'Звонила пять раз, обещают перезвонить',
        lang: 'ru',
        cause: 'staff_inattention',
      });
      await ds.query('UPDATE mention SET explain = $2::jsonb WHERE id = $1', [
        current.id,
        JSON.stringify({
          intent: [{ key: 'intent.reports_failure', phrases: ['звонила пять раз'] }],
          cause: [
            { key: 'cause.staff_treatment', phrases: ['обещают перезвонить'] },
            { key: 'cause.repeated_contact', count: 5 },
          ],
          severity: [{ key: 'severity.contacts_over_days', count: 5, days: 3 }],
          criticalData: [],
        }),
      ]);
      const old = await seedMention(ds, workspaceId, { text: 'Where is my refund?' });
      await ds.query(`UPDATE mention SET explain = '{"intent": ["opens with a question"], "cause": []}'::jsonb WHERE id = $1`, [old.id]);

      const english = await harness.http.get(`/api/mentions/${current.id}`).set(bearer(tokens.anna!)).expect(200);
      expect(english.body.explanations).toEqual({
        intent: ['reports a failure: "звонила пять раз"'],
        cause: ['about how the author was treated: "обещают перезвонить"', 'repeated contact (5×)'],
        severity: ['5 contacts over 3 days'],
        criticalData: [],
      });

      await ds.query(`UPDATE app_user SET locale = 'ru' WHERE id = $1`, [users.boris!.id]);
      try {
        const russianToken = (await login(harness, users.boris!)).accessToken;
        const russian = await harness.http.get(`/api/mentions/${current.id}`).set(bearer(russianToken)).expect(200);
        expect(russian.body.explanations).toEqual({
          intent: ['сообщает о сбое: «звонила пять раз»'],
          cause: ['о том, как обошлись с автором: «обещают перезвонить»', 'обращается повторно (5 раз)'],
          severity: ['5 обращений за 3 дня'],
          criticalData: [],
        });
        // The interface language the web inbox sends (Accept-Language) comes before the account's.
        const asked = await harness.http.get(`/api/mentions/${current.id}`).set(bearer(russianToken)).set('Accept-Language', 'en').expect(200);
        expect(asked.body.explanations.intent).toEqual(['reports a failure: "звонила пять раз"']);
        const askedRussian = await harness.http
          .get(`/api/mentions/${current.id}`)
          .set(bearer(tokens.anna!))
          .set('Accept-Language', 'ru-RU,ru;q=0.9,en;q=0.8')
          .expect(200);
        expect(askedRussian.body.explanations.severity).toEqual(['5 обращений за 3 дня']);
        const anyLanguage = await harness.http.get(`/api/mentions/${current.id}`).set(bearer(russianToken)).set('Accept-Language', '*').expect(200);
        expect(anyLanguage.body.explanations.severity).toEqual(['5 обращений за 3 дня']);
        const stored = await harness.http.get(`/api/mentions/${old.id}`).set(bearer(russianToken)).expect(200);
        expect(stored.body.explanations).toEqual({ intent: ['opens with a question'], cause: [] });
      } finally {
        await ds.query(`UPDATE app_user SET locale = 'en' WHERE id = $1`, [users.boris!.id]);
      }
    });
  });

  describe('work', () => {
    it('lets exactly one of two racing agents claim, and names the holder to the other', async () => {
      const mention = await seedMention(harness.db.dataSource, workspaceId, { text: 'Race me' });
      const [first, second] = await Promise.all([
        harness.http.post(`/api/mentions/${mention.id}/claim`).set(bearer(tokens.anna!)),
        harness.http.post(`/api/mentions/${mention.id}/claim`).set(bearer(tokens.boris!)),
      ]);
      expect([first.status, second.status].sort()).toEqual([200, 409]);
      const winner = first.status === 200 ? first : second;
      const loser = first.status === 200 ? second : first;
      const winnerName = winner === first ? 'anna' : 'boris';
      expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(loser.body).toMatchObject({ status: 409, holder: { userId: users[winnerName]!.id, displayName: winnerName, since: expect.any(String) } });
      expect(loser.body.detail).toContain(winnerName);
      // The holder renews; the other still cannot; after release the other can.
      const winnerToken = bearer(tokens[winnerName]!);
      const loserToken = bearer(tokens[winnerName === 'anna' ? 'boris' : 'anna']!);
      const renewed = await harness.http.post(`/api/mentions/${mention.id}/claim`).set(winnerToken).expect(200);
      expect(renewed.body.claim.claimedAt).toBe(winner.body.claim.claimedAt);
      await harness.http.post(`/api/mentions/${mention.id}/release`).set(loserToken).expect(409);
      await harness.http.patch(`/api/mentions/${mention.id}`).set(loserToken).send({ status: 'pending' }).expect(409);
      await harness.http.post(`/api/mentions/${mention.id}/release`).set(winnerToken).expect(200);
      await harness.http.post(`/api/mentions/${mention.id}/claim`).set(loserToken).expect(200);
    });

    it('takes over an expired claim', async () => {
      const mention = await seedMention(harness.db.dataSource, workspaceId, { text: 'Expired claim' });
      await harness.http.post(`/api/mentions/${mention.id}/claim`).set(bearer(tokens.anna!)).expect(200);
      await harness.db.dataSource.query(`UPDATE mention SET claim_expires_at = now() - interval '1 second' WHERE id = $1`, [mention.id]);
      const taken = await harness.http.post(`/api/mentions/${mention.id}/claim`).set(bearer(tokens.boris!)).expect(200);
      expect(taken.body.claim.userId).toBe(users.boris!.id);
    });

    it('assigns only by lead or admin, audited, and only to members', async () => {
      const mention = await seedMention(harness.db.dataSource, workspaceId, { text: 'Assign me' });
      await harness.http.post(`/api/mentions/${mention.id}/assign`).set(bearer(tokens.anna!)).send({ userId: users.boris!.id }).expect(403);
      await harness.http.post(`/api/mentions/${mention.id}/assign`).set(bearer(tokens.lena!)).send({ userId: users.olaf!.id }).expect(422);
      await harness.http.post(`/api/mentions/${mention.id}/assign`).set(bearer(tokens.lena!)).send({ userId: 'nope' }).expect(400);
      await harness.http.post(`/api/mentions/${mention.id}/assign`).set(bearer(tokens.lena!)).send({ userId: users.anna!.id }).expect(200);
      await harness.http.post(`/api/mentions/${mention.id}/assign`).set(bearer(tokens.lena!)).send({ userId: users.boris!.id }).expect(200);
      const mine = await harness.http.get('/api/mentions').query({ assignee: 'me' }).set(bearer(tokens.boris!)).expect(200);
      expect(mine.body.items.map((item: { id: string }) => item.id)).toEqual([mention.id]);
      const audit = await harness.http.get('/api/audit').query({ targetId: mention.id }).set(bearer(tokens.adam!)).expect(200);
      expect(audit.body.items.map((item: { action: string; details: { to: string } }) => [item.action, item.details.to])).toEqual([
        ['mention.reassigned', users.boris!.id],
        ['mention.assigned', users.anna!.id],
      ]);
    });

    it('allows only the defined status transitions', async () => {
      const mention = await seedMention(harness.db.dataSource, workspaceId, { text: 'Transitions' });
      const patch = (body: object) => harness.http.patch(`/api/mentions/${mention.id}`).set(bearer(tokens.anna!)).send(body);
      expect((await patch({ status: 'resolved' }).expect(200)).body).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
      const refused = await patch({ status: 'pending' }).expect(422);
      expect(refused.body.errors[0]).toMatchObject({ field: 'status', reason: expect.stringContaining('resolved to pending') });
      expect((await patch({ status: 'open' }).expect(200)).body).toMatchObject({ status: 'open', resolvedAt: null });
      await patch({ status: 'closed' }).expect(400);
      await patch({}).expect(400);
      await patch({ snoozedUntil: '2001-01-01T00:00:00Z' }).expect(400);
      const until = new Date(Date.now() + 3600_000).toISOString();
      expect((await patch({ snoozedUntil: until }).expect(200)).body.snoozedUntil).toBe(until);
    });

    it('runs bulk actions and reports every id', async () => {
      const a = await seedMention(harness.db.dataSource, workspaceId, { text: 'bulk a' });
      const b = await seedMention(harness.db.dataSource, workspaceId, { text: 'bulk b' });
      await harness.http.post(`/api/mentions/${b.id}/claim`).set(bearer(tokens.boris!)).expect(200);
      const response = await harness.http.post('/api/mentions/bulk').set(bearer(tokens.anna!)).send({ ids: [a.id, b.id, '999999999'], action: 'status', status: 'spam' }).expect(200);
      expect(response.body).toMatchObject({ succeeded: 1, failed: 2 });
      expect(response.body.results.map((result: { id: string; ok: boolean; problem?: { status: number } }) => [result.id, result.ok, result.problem?.status])).toEqual([
        [a.id, true, undefined],
        [b.id, false, 409],
        ['999999999', false, 404],
      ]);
      const invalid = await harness.http.post('/api/mentions/bulk').set(bearer(tokens.anna!)).send({ ids: [], action: 'explode' }).expect(400);
      expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual(['action', 'ids']);
      await harness.http.post('/api/mentions/bulk').set(bearer(tokens.anna!)).send({ ids: [a.id], action: 'assign', userId: users.anna!.id }).expect(403);
      await harness.http.post('/api/mentions/bulk').set(bearer(tokens.anna!)).send({ ids: [a.id], action: 'status' }).expect(400);
    });

    it('resolves @colleagues in notes and notifies them', async () => {
      const mention = await seedMention(harness.db.dataSource, workspaceId, { text: 'Need a hand-over' });
      const note = await harness.http
        .post(`/api/mentions/${mention.id}/notes`)
        .set(bearer(tokens.anna!))
        .send({ body: `@lena please check the refund; cc @${users.boris!.email} and @nobody` })
        .expect(201);
      expect(note.body.mentionedUserIds.sort()).toEqual([users.lena!.id, users.boris!.id].sort());
      const list = await harness.http.get(`/api/mentions/${mention.id}/notes`).set(bearer(tokens.boris!)).expect(200);
      expect(list.body).toHaveLength(1);
      await harness.http.post(`/api/mentions/${mention.id}/notes`).set(bearer(tokens.anna!)).send({ body: '' }).expect(400);
    });
  });

  describe('workspace isolation', () => {
    it("answers 404 for another workspace's mention, reply and case", async () => {
      const mention = await seedMention(harness.db.dataSource, workspaceId, { text: 'Private to workspace one', channel: 'demo' });
      const anna = bearer(tokens.anna!);
      await harness.http.post(`/api/mentions/${mention.id}/claim`).set(anna).expect(200);
      const privateCase = await harness.http.post(`/api/mentions/${mention.id}/take-private`).set(anna).expect(200);
      const [reply] = await harness.db.dataSource.query(
        `INSERT INTO reply (workspace_id, mention_id, visibility, body, status, idempotency_key) VALUES ($1, $2, 'public', 'x', 'pending_approval', 'iso-test') RETURNING id`,
        [workspaceId, mention.id],
      );
      const olaf = bearer(tokens.olaf!);
      const notFound = [
        harness.http.get(`/api/mentions/${mention.id}`).set(olaf),
        harness.http.post(`/api/mentions/${mention.id}/claim`).set(olaf),
        harness.http.post(`/api/mentions/${mention.id}/release`).set(olaf),
        harness.http.post(`/api/mentions/${mention.id}/assign`).set(olaf).send({ userId: users.olaf!.id }),
        harness.http.patch(`/api/mentions/${mention.id}`).set(olaf).send({ status: 'spam' }),
        harness.http.get(`/api/mentions/${mention.id}/notes`).set(olaf),
        harness.http.post(`/api/mentions/${mention.id}/notes`).set(olaf).send({ body: 'hi' }),
        harness.http.post(`/api/mentions/${mention.id}/replies/check`).set(olaf).send({ body: 'hi', visibility: 'public' }),
        harness.http.post(`/api/mentions/${mention.id}/replies`).set(olaf).send({ body: 'hi', visibility: 'public' }),
        harness.http.get(`/api/mentions/${mention.id}/suggestions`).set(olaf),
        harness.http.post(`/api/mentions/${mention.id}/take-private`).set(olaf),
        harness.http.get(`/api/replies/${reply.id}`).set(olaf),
        harness.http.post(`/api/replies/${reply.id}/approve`).set(olaf),
        harness.http.post(`/api/replies/${reply.id}/reject`).set(olaf).send({ reason: 'no way' }),
        harness.http.get(`/api/cases/${privateCase.body.case.id}`).set(olaf),
        harness.http.post(`/api/cases/${privateCase.body.case.id}/customer-confirmed`).set(olaf),
        harness.http.post(`/api/cases/${privateCase.body.case.id}/resolve`).set(olaf),
      ];
      for (const [index, response] of (await Promise.all(notFound)).entries()) {
        expect({ request: index, status: response.status }).toEqual({ request: index, status: 404 });
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      const theirs = await harness.http.get('/api/mentions').query({ status: 'new,open,pending,resolved,spam,do_not_engage' }).set(olaf).expect(200);
      expect(theirs.body.items.map((item: { id: string }) => item.id)).not.toContain(mention.id);
      const cases = await harness.http.get('/api/cases').set(olaf).expect(200);
      expect(cases.body).toEqual([]);
      await harness.http.get('/api/mentions/123456789012').set(anna).expect(404);
      await harness.http.get('/api/mentions/abc').set(anna).expect(400);
      await harness.http.get('/api/cases/00000000-0000-4000-8000-000000000000').set(anna).expect(404);
    });
  });

  describe('live events', () => {
    interface Sse {
      events: Array<{ event: string; data: { workspaceId: string; ids: string[]; type: string } }>;
      raw: string;
      close(): void;
    }

    function openStream(port: number, token: string): Promise<Sse> {
      return new Promise((resolve, reject) => {
        const stream: Sse = { events: [], raw: '', close: () => request.destroy() };
        const request = http.get({ host: '127.0.0.1', port, path: `/api/events?access_token=${encodeURIComponent(token)}` }, (response) => {
          if (response.statusCode !== 200) reject(new Error(`SSE status ${response.statusCode}`));
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => {
            stream.raw += chunk;
            const blocks = stream.raw.split('\n\n');
            stream.raw = blocks.pop() ?? '';
            for (const block of blocks) {
              const event = /^event: (.+)$/m.exec(block)?.[1];
              const data = /^data: (.+)$/m.exec(block)?.[1];
              if (event && data) stream.events.push({ event, data: JSON.parse(data) });
              if (block.includes(': connected')) resolve(stream);
            }
          });
        });
        request.on('error', (error) => {
          if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
        });
      });
    }

    it("delivers events of the caller's workspace and not another's", async () => {
      const server = harness.app.getHttpServer() as http.Server;
      if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as AddressInfo).port;
      const mine = await openStream(port, tokens.anna!);
      const theirs = await openStream(port, tokens.olaf!);
      try {
        const ours = await seedMention(harness.db.dataSource, workspaceId, { text: 'live one' });
        const other = await seedMention(harness.db.dataSource, otherWorkspaceId, { text: 'live two' });
        await harness.http.post(`/api/mentions/${ours.id}/claim`).set(bearer(tokens.boris!)).expect(200);
        await harness.http.post(`/api/mentions/${other.id}/claim`).set(bearer(tokens.olaf!)).expect(200);
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && (!mine.events.some((event) => event.data.ids.includes(ours.id)) || !theirs.events.some((event) => event.data.ids.includes(other.id)))) {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(mine.events).toContainEqual(expect.objectContaining({ event: 'mention.claimed', data: expect.objectContaining({ workspaceId, ids: [ours.id] }) }));
        expect(mine.events.every((event) => event.data.workspaceId === workspaceId)).toBe(true);
        expect(theirs.events.some((event) => event.data.ids.includes(other.id))).toBe(true);
        expect(theirs.events.every((event) => event.data.workspaceId === otherWorkspaceId)).toBe(true);
      } finally {
        mine.close();
        theirs.close();
      }
      // The token is accepted from the query string only on this endpoint.
      await harness.http.get(`/api/me?access_token=${tokens.anna}`).expect(401);
      await harness.http.get('/api/events?access_token=forged').expect(401);
    });
  });
});
