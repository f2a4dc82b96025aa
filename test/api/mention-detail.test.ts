/**
 * The mention detail's context, read by one SQL statement: the thread around the mention (root, the reply chain
 * upwards, siblings, direct replies), the author's earlier mentions with their cases and the summary of how
 * they were answered (the evidence for staff_inattention), and the mention's notes, replies and case.
 */
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness, type SeededUser } from './support/api-app';
import { seedMention } from './support/seed-mentions';

jest.setTimeout(90_000);

interface Post {
  id: string;
  externalId: string;
  author: { handle: string };
}

describe('mention detail context', () => {
  let harness: ApiHarness;
  let users: Record<string, SeededUser>;
  let token: string;
  let ids: Record<string, string>;

  beforeAll(async () => {
    harness = await startApiHarness();
    const seeded = await seedWorkspace(harness, { anna: 'agent', boris: 'agent' });
    users = seeded.users;
    token = (await login(harness, users.anna!)).accessToken;
    const ds = harness.db.dataSource;
    const ws = seeded.workspaceId;
    const hour = 3600_000;
    const base = Date.now() - 48 * hour;
    const at = (hours: number) => new Date(base + hours * hour);
    const post = (externalId: string, hours: number, inReplyTo: string | null, authorKey: string, extra: Record<string, unknown> = {}) =>
      seedMention(ds, ws, { text: `post ${externalId}`, externalId, threadKey: 'thread-1', inReplyTo, authorKey, authorHandle: authorKey, publishedAt: at(hours), channel: 'vk', ...extra });

    // The thread: root ← a ← target ← child; sibling answers a too. The chain walks in_reply_to upwards.
    const root = await post('root', 10, null, 'brand-fan');
    const a = await post('a', 11, 'root', 'bystander');
    const target = await post('target', 12, 'a', 'customer');
    const sibling = await post('sibling', 13, 'a', 'bystander');
    const child = await post('child', 14, 'target', 'brand-fan');
    // The customer's history elsewhere: answered in time (and a case), never answered, answered late; one later post.
    const onTime = await seedMention(ds, ws, { text: 'first complaint', authorKey: 'customer', channel: 'vk', publishedAt: at(1), slaDueAt: at(2), firstResponseAt: at(1.5) });
    const ignored = await seedMention(ds, ws, { text: 'second complaint', authorKey: 'customer', channel: 'vk', publishedAt: at(3), slaDueAt: at(4), firstResponseAt: null });
    const late = await seedMention(ds, ws, { text: 'third complaint', authorKey: 'customer', channel: 'vk', publishedAt: at(5), slaDueAt: at(6), firstResponseAt: at(9) });
    const later = await seedMention(ds, ws, { text: 'after the target', authorKey: 'customer', channel: 'vk', publishedAt: at(20) });
    ids = { root: root.id, a: a.id, target: target.id, sibling: sibling.id, child: child.id, onTime: onTime.id, ignored: ignored.id, late: late.id, later: later.id };

    const openCase = (mentionId: string) =>
      ds.query(
        `INSERT INTO "case" (workspace_id, mention_id, private_channel, opened_by, ack_due_at, resolution_due_at) VALUES ($1, $2, 'vk', $3, now(), now() + interval '1 day')`,
        [ws, mentionId, users.anna!.id],
      );
    await openCase(ids.onTime!);
    await openCase(ids.later!); // a later case is not part of the target's history
    await openCase(ids.target!);
    await ds.query(`INSERT INTO note (workspace_id, mention_id, author_id, body) VALUES ($1, $2, $3, 'checked the order')`, [ws, ids.target, users.boris!.id]);
    await ds.query(
      `INSERT INTO reply (workspace_id, mention_id, author_id, visibility, body, status, idempotency_key) VALUES ($1, $2, $3, 'public', 'We are on it', 'queued', 'detail-test-1')`,
      [ws, ids.target, users.anna!.id],
    );
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('shows the thread around the mention: root, parents top-down, siblings and direct replies', async () => {
    const { body } = await harness.http.get(`/api/mentions/${ids.target}`).set(bearer(token)).expect(200);
    expect(body.thread.root).toMatchObject({ id: ids.root, externalId: 'root', author: { handle: 'brand-fan' } });
    expect(body.thread.parents.map((parent: Post) => parent.externalId)).toEqual(['root', 'a']);
    expect(body.thread.parents[1]).toMatchObject({ id: ids.a, author: { handle: 'bystander' }, text: 'post a' });
    expect(body.thread.siblings.map((sibling: Post) => sibling.id)).toEqual([ids.sibling]);
    expect(body.thread.replies.map((reply: Post) => reply.id)).toEqual([ids.child]);

    const top = await harness.http.get(`/api/mentions/${ids.root}`).set(bearer(token)).expect(200);
    expect(top.body.thread.parents).toEqual([]);
    expect(top.body.thread.siblings).toEqual([]);
    expect(top.body.thread.replies.map((reply: Post) => reply.id)).toEqual([ids.a]);
  });

  it("lists the author's earlier mentions newest first, with their cases, and sums up how they were answered", async () => {
    const { body } = await harness.http.get(`/api/mentions/${ids.target}`).set(bearer(token)).expect(200);
    const history = body.authorHistory.mentions as Array<{ id: string; answered: boolean; waitedSeconds: number; case: { mentionId: string } | null }>;
    expect(history.map((item) => item.id)).toEqual([ids.late, ids.ignored, ids.onTime]);
    expect(history.map((item) => item.answered)).toEqual([true, false, true]);
    expect(history[0]!.waitedSeconds).toBe(4 * 3600);
    expect(history[2]!.waitedSeconds).toBe(1800);
    expect(history[2]!.case).toMatchObject({ mentionId: ids.onTime, status: 'open' });
    expect(history[0]!.case).toBeNull();
    expect(body.authorHistory.summary).toEqual({
      earlier: 3,
      unanswered: 1,
      answeredLate: 1,
      longestWaitSeconds: expect.any(Number),
      medianWaitSeconds: 4 * 3600,
      cases: 1,
    });
    // The unanswered one is still waiting: the longest wait runs until now.
    expect(body.authorHistory.summary.longestWaitSeconds).toBeGreaterThanOrEqual(45 * 3600 - 60);

    const first = await harness.http.get(`/api/mentions/${ids.onTime}`).set(bearer(token)).expect(200);
    expect(first.body.authorHistory.mentions).toEqual([]);
    expect(first.body.authorHistory.summary).toMatchObject({ earlier: 0, unanswered: 0, answeredLate: 0, cases: 0, longestWaitSeconds: null, medianWaitSeconds: null });
  });

  it("carries the mention's notes, replies and case", async () => {
    const { body } = await harness.http.get(`/api/mentions/${ids.target}`).set(bearer(token)).expect(200);
    expect(body.notes).toEqual([expect.objectContaining({ body: 'checked the order', author: { id: users.boris!.id, displayName: expect.any(String) } })]);
    expect(body.replies).toEqual([expect.objectContaining({ body: 'We are on it', status: 'queued', visibility: 'public', author: { id: users.anna!.id, displayName: expect.any(String) } })]);
    expect(body.case).toMatchObject({ mentionId: ids.target, status: 'open', privateChannel: 'vk', closingFollowUpAllowed: false });
  });
});
