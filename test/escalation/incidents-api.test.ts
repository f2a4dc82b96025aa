/**
 * Incidents, alerts and notification channels over HTTP (the API in-process, no workers), with the route
 * stage run in-process as a function to open incidents from classifier clusters, as the worker does.
 */
import { createHmac } from 'node:crypto';
import { Queue } from 'bullmq';
import type { CorpusThreadPost } from '@otklik/domain';
import { checkReply } from '@otklik/reply-policy';
import { QueueName } from '@otklik/queues';
import { refreshChangedIncidents } from '../../apps/worker/src/escalation/incident-refresh';
import { checkSlaBreaches } from '../../apps/worker/src/escalation/sla-breach.check';
import { runRouteStage } from '../../apps/worker/src/pipeline/route-stage';
import { bearer, login, seedWorkspace, startApiHarness, type ApiHarness } from '../api/support/api-app';
import { seedMention } from '../api/support/seed-mentions';
import { REDIS_URL, uniqueName } from '../support/test-env';
import { alertsOnly, ingestPosts, RecordingEventBus, startReceiver } from './escalation-fixtures';

const OUTAGE_TEXTS: { lang: 'ru' | 'en'; text: string }[] = [
  { lang: 'ru', text: 'Третий час нет интернета в Нижнем Новгороде, роутер мигает красным, поддержка молчит' },
  { lang: 'en', text: 'Internet has been down for two hours in Nizhny Novgorod, the router light is red and nobody answers' },
  { lang: 'ru', text: 'У нас в Нижнем Новгороде тоже всё лежит с утра, не могу работать из дома' },
  { lang: 'en', text: 'Same outage here in Nizhny Novgorod since 8am, my online lessons are cancelled because of it' },
  { lang: 'ru', text: 'Нижний Новгород, Автозаводский район: интернета нет уже полдня, когда починят?' },
];

function outagePost(index: number, minute: number, channel = 'demo'): CorpusThreadPost {
  const { lang, text } = OUTAGE_TEXTS[index % OUTAGE_TEXTS.length];
  return {
    externalId: uniqueName(`out${index}`),
    channel,
    lang,
    publishedAt: new Date(Date.now() - (60 - minute) * 60_000).toISOString(),
    isPrivate: false,
    author: { id: `demo:${uniqueName('a')}`, handle: `user_${index}`, followers: 150 + index, accountCreatedAt: '2019-01-01T00:00:00Z', verified: false, kind: 'person' },
    threadExternalId: uniqueName('thr'),
    inReplyTo: null,
    brand: null,
    text,
    reposts: 0,
    likes: 1,
  };
}

describe('incidents, alerts and notification channels API', () => {
  let harness: ApiHarness;
  let workspaceId: string;
  let users: Awaited<ReturnType<typeof seedWorkspace>>['users'];
  const tokens: Record<string, string> = {};
  let sendQueue: Queue;

  beforeAll(async () => {
    harness = await startApiHarness();
    ({ workspaceId, users } = await seedWorkspace(harness, { admin: 'admin', lead: 'lead', pr: 'pr', agent: 'agent' }));
    for (const handle of Object.keys(users)) tokens[handle] = (await login(harness, users[handle])).accessToken;
    const url = new URL(REDIS_URL);
    sendQueue = new Queue(QueueName.Send, { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix: harness.queuePrefix });
  }, 60_000);

  afterAll(async () => {
    await sendQueue.close();
    await harness.close();
  });

  const ds = () => harness.db.dataSource;
  const as = (handle: string) => bearer(tokens[handle]);

  /** Ingest posts and give them the classifier's incident cluster, then run the route stage with its alert step. */
  async function arrive(posts: CorpusThreadPost[], clusterKey: string): Promise<void> {
    await ingestPosts(ds(), workspaceId, posts);
    await ds().query(`UPDATE mention SET stage = 'classified', incident_key = $2, severity = 'high', intent = 'problem', cause = 'product_defect', sentiment = 'negative'
                       WHERE workspace_id = $1 AND stage = 'ingested'`, [workspaceId, clusterKey]);
    await runRouteStage(ds(), new RecordingEventBus(), workspaceId, 100, undefined, alertsOnly);
  }

  const incidentAlerts = async (incidentId: string) => ds().query(`SELECT id, level, dedupe_key FROM alert WHERE incident_id = $1 AND kind = 'incident'`, [incidentId]);

  let incidentId: string;
  let outageMentionIds: string[] = [];

  it('opens an incident from a classifier cluster, alerts once it has 3 mentions, attaches the rest', async () => {
    await arrive([outagePost(0, 1), outagePost(1, 3)], 'inc-outage-nn');
    const [incident] = await ds().query(`SELECT id, mention_count FROM incident WHERE workspace_id = $1 AND cluster_key = 'inc-outage-nn'`, [workspaceId]);
    incidentId = incident.id;
    expect(incident.mention_count).toBe(2);
    expect(await incidentAlerts(incidentId)).toEqual([]);

    await arrive([outagePost(2, 5)], 'inc-outage-nn');
    const alerts = await incidentAlerts(incidentId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ level: 'warning', dedupe_key: `incident:${incidentId}:warning` });

    await arrive([outagePost(3, 7), outagePost(4, 9)], 'inc-outage-nn');
    expect(await incidentAlerts(incidentId)).toHaveLength(1);
    const linked: { id: string }[] = await ds().query(`SELECT id::text FROM mention WHERE incident_id = $1 ORDER BY id`, [incidentId]);
    expect(linked).toHaveLength(5);
    outageMentionIds = linked.map((row) => row.id);

    // The monitor's refresh: distinct people, velocity, scope and the places named.
    expect(await refreshChangedIncidents(ds())).toBeGreaterThanOrEqual(1);
    const detail = await harness.http.get(`/api/incidents/${incidentId}`).set(as('agent')).expect(200);
    expect(detail.body).toMatchObject({ id: incidentId, status: 'investigating', mentionCount: 5, affectedCount: 5, scope: 'regional' });
    expect(detail.body.places.map((place: { id: string }) => place.id)).toContain('nizhny-novgorod');
    expect(detail.body.places.find((place: { id: string }) => place.id === 'nizhny-novgorod').ru).toBe('Нижний Новгород');
    expect(detail.body.timeline.buckets.reduce((sum: number, bucket: { mentions: number }) => sum + bucket.mentions, 0)).toBe(5);
    expect(detail.body.mentions).toHaveLength(5);
    expect(detail.body.assessment.media.horizon).toBe('unlikely');
    expect(detail.body.assessment.media.explanation.join(' ')).toMatch(/Streisand/);
    expect(detail.body.velocityPerHour).toBeGreaterThan(0);
    expect(detail.body.nextStatuses).toEqual(['identified', 'monitoring', 'resolved']);

    const list = await harness.http.get('/api/incidents?status=investigating').set(as('agent')).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(incidentId);
  });

  it('alerts on a black-PR campaign once it has 3 posts, once', async () => {
    const campaign = async (posts: CorpusThreadPost[]) => {
      await ingestPosts(ds(), workspaceId, posts);
      await ds().query(`UPDATE mention SET stage = 'classified', campaign_key = 'camp-test', cause = 'black_pr', intent = 'problem', severity = 'high'
                         WHERE workspace_id = $1 AND stage = 'ingested'`, [workspaceId]);
      await runRouteStage(ds(), new RecordingEventBus(), workspaceId, 100, undefined, alertsOnly);
    };
    await campaign([outagePost(0, 20), outagePost(1, 21)]);
    const [row] = await ds().query(`SELECT id, post_count FROM campaign WHERE workspace_id = $1 AND cluster_key = 'camp-test'`, [workspaceId]);
    expect(row.post_count).toBe(2);
    const alerts = () => ds().query(`SELECT level, reasons FROM alert WHERE campaign_id = $1`, [row.id]);
    expect(await alerts()).toEqual([]);
    await campaign([outagePost(2, 22)]);
    await campaign([outagePost(3, 23)]);
    const raised = await alerts();
    expect(raised).toHaveLength(1);
    expect(raised[0].level).toBe('warning');
    expect(raised[0].reasons[0]).toMatch(/^campaign: 3 near-identical posts/);
    const [lane] = await ds().query(`SELECT count(*)::int AS n FROM mention WHERE campaign_id = $1 AND status = 'do_not_engage'`, [row.id]);
    expect(lane.n).toBe(4);
  });

  it('merges another incident: its mentions move, and its cluster keeps attaching to the merged one', async () => {
    await arrive([outagePost(0, 11), outagePost(1, 12)], 'inc-outage-nn-b');
    const [other] = await ds().query(`SELECT id FROM incident WHERE workspace_id = $1 AND cluster_key = 'inc-outage-nn-b'`, [workspaceId]);
    await harness.http.post(`/api/incidents/${incidentId}/merge`).set(as('agent')).send({ otherId: other.id }).expect(403);
    await harness.http.post(`/api/incidents/${incidentId}/merge`).set(as('lead')).send({ otherId: incidentId }).expect(400);
    const merged = await harness.http.post(`/api/incidents/${incidentId}/merge`).set(as('lead')).send({ otherId: other.id }).expect(200);
    expect(merged.body.mentionCount).toBe(7);
    const [closed] = await ds().query(`SELECT merged_into_id, status FROM incident WHERE id = $1`, [other.id]);
    expect(closed).toEqual({ merged_into_id: incidentId, status: 'resolved' });
    await harness.http.post(`/api/incidents/${other.id}/merge`).set(as('lead')).send({ otherId: incidentId }).expect(409);

    await arrive([outagePost(2, 14)], 'inc-outage-nn-b');
    const [late] = await ds().query(`SELECT incident_id FROM mention WHERE workspace_id = $1 ORDER BY id DESC LIMIT 1`, [workspaceId]);
    expect(late.incident_id).toBe(incidentId);
    await refreshChangedIncidents(ds());
    const detail = await harness.http.get(`/api/incidents/${incidentId}`).set(as('pr')).expect(200);
    expect(detail.body.mentionCount).toBe(8);
    expect(detail.body.history.map((item: { action: string }) => item.action)).toContain('incident.merged');
    const listed = await harness.http.get('/api/incidents').set(as('pr')).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(other.id);
  });

  it('drafts statements in Russian and English with the ETA as HH:MM DD.MM.YYYY, and validates status transitions', async () => {
    const eta = '2026-03-05T15:30:00Z';
    await harness.http.patch(`/api/incidents/${incidentId}`).set(as('agent')).send({ eta }).expect(403);
    await harness.http
      .patch(`/api/incidents/${incidentId}`)
      .set(as('pr'))
      .send({ eta, status: 'identified', summary: { ru: 'сбой домашнего интернета в Нижнем Новгороде', en: 'a home internet outage in Nizhny Novgorod' } })
      .expect(200);
    const statements = await harness.http.get(`/api/incidents/${incidentId}/statements`).set(as('agent')).expect(200);
    expect(statements.body.recommended).toBe('notFixed');
    // Europe/Moscow (the default time zone) is UTC+3.
    expect(statements.body.notFixed.ru).toContain('18:30 05.03.2026');
    expect(statements.body.notFixed.ru).toContain('сбой домашнего интернета в Нижнем Новгороде');
    expect(statements.body.notFixed.en).toContain('18:30 05.03.2026');
    expect(statements.body.notFixed.en).toContain('a home internet outage in Nizhny Novgorod');
    expect(statements.body.fixed.ru).toMatch(/снова работает/);
    expect(statements.body.fixed.en).toMatch(/fully working again/);

    const bad = await harness.http.patch(`/api/incidents/${incidentId}`).set(as('pr')).send({ status: 'investigating', eta: 'tomorrow' }).expect(400);
    expect(bad.body.errors[0].field).toBe('eta');
    await harness.http.patch(`/api/incidents/${incidentId}`).set(as('pr')).send({ status: 'monitoring' }).expect(200);
    await harness.http.patch(`/api/incidents/${incidentId}`).set(as('pr')).send({ status: 'identified' }).expect(200);
    // Setting the status it already has is a no-op, not a second transition in the history.
    await harness.http.patch(`/api/incidents/${incidentId}`).set(as('pr')).send({ status: 'identified' }).expect(200);
    const history = await ds().query(`SELECT details FROM audit_log WHERE action = 'incident.status_changed' AND target_id = $1 ORDER BY id`, [incidentId]);
    expect(history.map((row: { details: { from: string; to: string } }) => `${row.details.from}>${row.details.to}`)).toEqual([
      'investigating>identified',
      'identified>monitoring',
      'monitoring>identified',
    ]);
  });

  it('answers every open mention with its own policy-checked reply, queued once per mention', async () => {
    await harness.http.post(`/api/incidents/${incidentId}/reply-all`).set(as('agent')).send({}).expect(403);
    // One mention is critical: a lead's public answer to it waits for pr approval.
    await ds().query(`UPDATE mention SET severity = 'critical' WHERE id = $1`, [outageMentionIds[4]]);
    const template = 'Engineers are restoring the service and we will post an update here.';
    const response = await harness.http.post(`/api/incidents/${incidentId}/reply-all`).set(as('lead')).send({ template }).expect(200);
    const items: { mentionId: string; status: string; body?: string; replyId?: string }[] = response.body.items;
    expect(items).toHaveLength(8);
    const answered = items.filter((item) => item.status === 'queued' || item.status === 'pending_approval');
    expect(answered.length).toBe(8);
    expect(items.find((item) => item.mentionId === outageMentionIds[4])!.status).toBe('pending_approval');
    const bodies = answered.map((item) => item.body!);
    expect(new Set(bodies).size).toBe(bodies.length);
    for (const body of bodies) expect(body).toContain(template);

    const rows: { mention_id: string; body: string; status: string; idempotency_key: string; text: string; lang: string }[] = await ds().query(
      `SELECT r.mention_id::text, r.body, r.status, r.idempotency_key, m.text, m.lang FROM reply r JOIN mention m ON m.id = r.mention_id WHERE m.incident_id = $1`,
      [incidentId],
    );
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      expect(row.idempotency_key).toBe(`incident:${incidentId}:reply-all:${row.mention_id}`);
      const check = checkReply({ mention: { text: row.text, lang: row.lang }, draft: row.body, visibility: 'public', confirmedFacts: [template], channel: 'demo' });
      expect(check.violations.filter((violation) => violation.level === 'block')).toEqual([]);
    }
    // Queued ones went to the send queue, the one waiting for approval did not.
    for (const item of answered) {
      const job = await sendQueue.getJob(`send-${item.replyId}`);
      if (item.status === 'queued') expect(job?.data).toEqual({ replyId: item.replyId });
      else expect(job).toBeUndefined();
    }
    const [stopped] = await ds().query(`SELECT count(*)::int AS n FROM mention WHERE incident_id = $1 AND first_response_at IS NOT NULL`, [incidentId]);
    expect(stopped.n).toBe(7);

    const again = await harness.http.post(`/api/incidents/${incidentId}/reply-all`).set(as('lead')).send({ template }).expect(200);
    expect(again.body.counts).toMatchObject({ queued: 0, pending_approval: 0, already_queued: 8 });
    const [{ n }] = await ds().query(`SELECT count(*)::int AS n FROM reply r JOIN mention m ON m.id = r.mention_id WHERE m.incident_id = $1`, [incidentId]);
    expect(n).toBe(8);
  });

  it('offers a closing update per thread once resolved, in the thread language', async () => {
    const before = await harness.http.get(`/api/incidents/${incidentId}/closing-updates`).set(as('pr')).expect(200);
    expect(before.body.resolved).toBe(false);
    await harness.http.patch(`/api/incidents/${incidentId}`).set(as('pr')).send({ status: 'resolved' }).expect(200);
    const statements = await harness.http.get(`/api/incidents/${incidentId}/statements`).set(as('pr')).expect(200);
    expect(statements.body.recommended).toBe('fixed');
    const after = await harness.http.get(`/api/incidents/${incidentId}/closing-updates`).set(as('pr')).expect(200);
    expect(after.body.resolved).toBe(true);
    expect(after.body.updates).toHaveLength(8);
    for (const update of after.body.updates) {
      expect(update.draft).toContain(statements.body.fixed[update.lang]);
      expect(update.check.verdict).not.toBe('block');
    }
    expect(new Set(after.body.updates.map((update: { lang: string }) => update.lang))).toEqual(new Set(['ru', 'en']));
    // Reopening is the one way back from resolved.
    await harness.http.patch(`/api/incidents/${incidentId}`).set(as('pr')).send({ status: 'monitoring' }).expect(409);
    // New reports of the same cluster after resolution: alerted once, as a possible recurrence.
    const late = outagePost(3, 0);
    late.publishedAt = new Date(Date.now() + 60_000).toISOString();
    await arrive([late], 'inc-outage-nn');
    await arrive([{ ...outagePost(4, 0), publishedAt: new Date(Date.now() + 120_000).toISOString() }], 'inc-outage-nn');
    const recurring = (await incidentAlerts(incidentId)).filter((alert: { dedupe_key: string }) => alert.dedupe_key.includes(':recurring:'));
    expect(recurring).toHaveLength(1);
    await ds().query(`UPDATE mention SET status = 'resolved' WHERE incident_id = $1`, [incidentId]);
  });

  it('lists key accounts to tell privately first, with drafts, recorded in the audit log', async () => {
    const none = await harness.http.post(`/api/incidents/${incidentId}/notify-key-accounts`).set(as('pr')).expect(409);
    expect(none.body.detail).toMatch(/keyAccounts/);
    const invalid = await harness.http.patch('/api/alerts/settings').set(as('lead')).send({ keyAccounts: [{ name: 'X' }] }).expect(400);
    expect(invalid.body.errors[0].field).toBe('keyAccounts.0.contact');
    await harness.http
      .patch('/api/alerts/settings')
      .set(as('lead'))
      .send({ keyAccounts: [{ name: 'Northwind Logistics', contact: 'cio@northwind.example', lang: 'en' }, { name: 'Волга Трейд', contact: '+7 900 000-00-00' }] })
      .expect(200);
    const response = await harness.http.post(`/api/incidents/${incidentId}/notify-key-accounts`).set(as('pr')).expect(200);
    expect(response.body.statement).toBe('fixed');
    expect(response.body.accounts).toHaveLength(2);
    expect(response.body.accounts[0]).toMatchObject({ name: 'Northwind Logistics', lang: 'en' });
    expect(response.body.accounts[0].draft).toContain('a home internet outage in Nizhny Novgorod');
    expect(response.body.accounts[1]).toMatchObject({ name: 'Волга Трейд', lang: 'ru' });
    expect(response.body.accounts[1].draft).toMatch(/^Здравствуйте/);
    const [audit] = await ds().query(`SELECT actor_id, details FROM audit_log WHERE action = 'incident.key_accounts_notified' AND target_id = $1`, [incidentId]);
    expect(audit.actor_id).toBe(users.pr.id);
    expect(audit.details.accounts.map((account: { name: string }) => account.name)).toEqual(['Northwind Logistics', 'Волга Трейд']);
  });

  it('opens an incident by hand with mentions attached', async () => {
    const mention = await seedMention(ds(), workspaceId, { text: 'The mobile app crashes at checkout since the update', channel: 'demo' });
    const created = await harness.http
      .post('/api/incidents')
      .set(as('pr'))
      .send({ title: 'App crashes at checkout', criticalData: false, mentionIds: [mention.id], summary: { en: 'app crashes at checkout' } })
      .expect(201);
    expect(created.body).toMatchObject({ title: 'App crashes at checkout', mentionCount: 1, status: 'investigating' });
    const [alert] = await ds().query(`SELECT kind, level FROM alert WHERE incident_id = $1`, [created.body.id]);
    expect(alert).toEqual({ kind: 'incident', level: 'warning' });
    const missing = await harness.http.post('/api/incidents').set(as('pr')).send({ title: 'x', mentionIds: ['999999999'] }).expect(422);
    expect(missing.body.detail).toMatch(/999999999/);
  });

  it('attaches mentions to an incident by hand, recounting the incident they left', async () => {
    const first = await seedMention(ds(), workspaceId, { text: 'Checkout fails with error 500', channel: 'demo' });
    const second = await seedMention(ds(), workspaceId, { text: 'Cannot pay for my order since morning', channel: 'demo' });
    const from = await harness.http
      .post('/api/incidents')
      .set(as('lead'))
      .send({ title: 'Checkout errors', mentionIds: [first.id, second.id] })
      .expect(201);
    const into = await harness.http.post('/api/incidents').set(as('lead')).send({ title: 'Payments down' }).expect(201);
    expect(into.body.mentionCount).toBe(0);
    await harness.http
      .post(`/api/incidents/${into.body.id}/mentions`)
      .set(as('agent'))
      .send({ mentionIds: [first.id] })
      .expect(403);
    const missing = await harness.http
      .post(`/api/incidents/${into.body.id}/mentions`)
      .set(as('pr'))
      .send({ mentionIds: [second.id, '999999998'] })
      .expect(422);
    expect(missing.body.errors).toEqual([{ field: 'mentionIds', reason: 'unknown mention 999999998' }]);
    const [untouched] = await ds().query('SELECT incident_id FROM mention WHERE id = $1', [second.id]);
    expect(untouched.incident_id).toBe(from.body.id);
    await harness.http.post(`/api/incidents/${into.body.id}/mentions`).set(as('pr')).send({ mentionIds: [] }).expect(400);
    // Not routed yet: the route would overwrite the hand attachment, so it is refused and nothing changes.
    await ds().query(`UPDATE mention SET stage = 'ingested' WHERE id = $1`, [second.id]);
    const inFlight = await harness.http
      .post(`/api/incidents/${into.body.id}/mentions`)
      .set(as('pr'))
      .send({ mentionIds: [first.id, second.id] })
      .expect(409);
    expect(inFlight.body.errors).toEqual([{ field: 'mentionIds', reason: `mention ${second.id} is not routed yet` }]);
    const [stillFrom] = await ds().query('SELECT incident_id FROM mention WHERE id = $1', [first.id]);
    expect(stillFrom.incident_id).toBe(from.body.id);
    await ds().query(`UPDATE mention SET stage = 'routed' WHERE id = $1`, [second.id]);

    const attached = await harness.http
      .post(`/api/incidents/${into.body.id}/mentions`)
      .set(as('pr'))
      .send({ mentionIds: [first.id] })
      .expect(200);
    expect(attached.body.mentionCount).toBe(1);
    expect(attached.body.mentions.map((mention: { id: string }) => mention.id)).toEqual([first.id]);
    const left = await harness.http.get(`/api/incidents/${from.body.id}`).set(as('pr')).expect(200);
    expect(left.body.mentionCount).toBe(1);
    const [audit] = await ds().query(`SELECT details FROM audit_log WHERE action = 'incident.mentions_attached' AND target_id = $1`, [
      into.body.id,
    ]);
    expect(audit.details).toMatchObject({ mentionIds: [first.id], attached: 1, movedFrom: [from.body.id] });

    // A merged incident takes no more mentions: the one it was merged into does.
    await harness.http.post(`/api/incidents/${into.body.id}/merge`).set(as('lead')).send({ otherId: from.body.id }).expect(200);
    const refused = await harness.http
      .post(`/api/incidents/${from.body.id}/mentions`)
      .set(as('lead'))
      .send({ mentionIds: [second.id] })
      .expect(409);
    expect(refused.body.mergedIntoId).toBe(into.body.id);
  });

  it('lists, filters and acknowledges alerts; raises SLA breach digests for the assignee, then the leads', async () => {
    await ds().query(`UPDATE workspace SET settings = settings || '{"alerts": {"slaLeadGraceMinutes": 0}}'::jsonb WHERE id = $1`, [workspaceId]);
    const overdue = await seedMention(ds(), workspaceId, { text: 'Nobody has answered my ticket for three days', slaDueAt: new Date(Date.now() - 5 * 60_000) });
    await ds().query(`UPDATE mention SET assignee_id = $2 WHERE id = $1`, [overdue.id, users.agent.id]);
    const raised = await checkSlaBreaches(ds());
    // A digest of one for the assignee and one for the leads, each naming the mention as a per-mention alert did.
    expect(raised).toHaveLength(2);
    expect(await checkSlaBreaches(ds())).toEqual([]);
    const sla: { recipient_user_id: string | null; recipient_role: string | null; level: string }[] = await ds().query(
      `SELECT recipient_user_id, recipient_role, level FROM alert WHERE mention_id = $1 ORDER BY level DESC`,
      [overdue.id],
    );
    expect(sla).toEqual([
      { recipient_user_id: users.agent.id, recipient_role: null, level: 'warning' },
      { recipient_user_id: null, recipient_role: 'lead', level: 'critical' },
    ]);

    const mine = await harness.http.get('/api/alerts?mine=true&kind=sla_breach').set(as('agent')).expect(200);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ kind: 'sla_breach', level: 'warning', mentionId: overdue.id, recipientUserId: users.agent.id });
    expect(mine.body.items[0].slaDigest).toEqual({
      stage: 'assignee',
      mentionCount: 1,
      mentionIds: [overdue.id],
      worst: [{ mentionId: overdue.id, threadId: overdue.threadId, dueAt: expect.any(String), severity: 'high', priority: 2000 }],
    });
    const leads = await harness.http.get('/api/alerts?mine=true&kind=sla_breach').set(as('lead')).expect(200);
    expect(leads.body.items.map((item: { level: string }) => item.level)).toEqual(['critical']);

    // Three more breach at once, nobody assigned: one digest for the team (and one for the leads) naming all three.
    const backlog = [];
    for (const priority of [1000, 3000, 2000]) backlog.push(await seedMention(ds(), workspaceId, { text: `Still waiting (${priority})`, priority, slaDueAt: new Date(Date.now() - 2 * 60_000) }));
    expect(await checkSlaBreaches(ds())).toHaveLength(2);
    const team = await harness.http.get('/api/alerts?kind=sla_breach&level=warning').set(as('agent')).expect(200);
    const digest = team.body.items.find((item: { recipientUserId: string | null }) => item.recipientUserId === null);
    expect(digest).toMatchObject({ mentionId: null, threadId: null, recipientRole: null });
    expect(digest.slaDigest).toMatchObject({ stage: 'assignee', mentionCount: 3, mentionIds: [backlog[1].id, backlog[2].id, backlog[0].id] });
    expect(digest.slaDigest.worst.map((item: { priority: number }) => item.priority)).toEqual([3000, 2000, 1000]);
    const one = await harness.http.get(`/api/alerts/${digest.id}`).set(as('agent')).expect(200);
    expect(one.body.slaDigest.mentionCount).toBe(3);
    // The team's digest is every agent's: "mine" lists it beside the agent's own.
    const mineNow = await harness.http.get('/api/alerts?mine=true&kind=sla_breach&level=warning').set(as('agent')).expect(200);
    expect(mineNow.body.items.map((item: { id: string }) => item.id).sort()).toEqual([digest.id, mine.body.items[0].id].sort());

    const page = await harness.http.get('/api/alerts?pageSize=2&page=1').set(as('agent')).expect(200);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.total).toBeGreaterThanOrEqual(4);
    const bad = await harness.http.get('/api/alerts?level=loud').set(as('agent')).expect(400);
    expect(bad.body.errors[0].field).toBe('level');

    const target = mine.body.items[0].id;
    const acked = await harness.http.post(`/api/alerts/${target}/acknowledge`).set(as('agent')).expect(200);
    expect(acked.body.acknowledgedBy).toBe(users.agent.id);
    const twice = await harness.http.post(`/api/alerts/${target}/acknowledge`).set(as('lead')).expect(200);
    expect(twice.body.acknowledgedBy).toBe(users.agent.id);
    const open = await harness.http.get('/api/alerts?mine=true&kind=sla_breach&acknowledged=false').set(as('agent')).expect(200);
    expect(open.body.items.map((item: { id: string }) => item.id)).toEqual([digest.id]);

    // Another workspace's alert is not found.
    const other = await seedWorkspace(harness, { stranger: 'admin' });
    const strangerToken = (await login(harness, other.users.stranger)).accessToken;
    await harness.http.get(`/api/alerts/${target}`).set(bearer(strangerToken)).expect(404);
    await harness.http.get(`/api/incidents/${incidentId}`).set(bearer(strangerToken)).expect(404);
  });

  it('validates escalation thresholds through the library and names the field', async () => {
    const bad = await harness.http.patch('/api/alerts/settings').set(as('lead')).send({ escalation: { levels: { watch: 80 } } }).expect(400);
    expect(bad.body.errors[0].field).toBe('escalation.levels');
    const unknown = await harness.http.patch('/api/alerts/settings').set(as('lead')).send({ escalation: { loudness: 3 } }).expect(400);
    expect(unknown.body.errors[0].field).toBe('escalation.loudness');
    await harness.http.patch('/api/alerts/settings').set(as('agent')).send({ language: 'en' }).expect(403);
    const ok = await harness.http.patch('/api/alerts/settings').set(as('lead')).send({ escalation: { levels: { watch: 40 } }, language: 'en', alerts: { incidentMinMentions: 5 } }).expect(200);
    expect(ok.body.escalation.levels).toEqual({ watch: 40, warning: 55, critical: 75 });
    expect(ok.body.alerts).toEqual({ incidentMinMentions: 5, campaignMinPosts: 3, slaLeadGraceMinutes: 0 });
    expect(ok.body.keyAccounts).toHaveLength(2);
  });

  it('manages notification channels without ever returning a secret, and tests them live', async () => {
    const receiver = await startReceiver((request, count) => (request.path === '/flaky' && count === 0 ? { status: 500, body: 'down' } : { status: 200, body: 'ok' }));
    try {
      await harness.http.get('/api/notification-channels').set(as('agent')).expect(403);
      const badUrl = await harness.http.post('/api/notification-channels').set(as('lead')).send({ kind: 'slack', name: 'x', config: { url: 'ftp://nope' } }).expect(400);
      expect(badUrl.body.errors[0].field).toBe('config.url');
      const missing = await harness.http.post('/api/notification-channels').set(as('lead')).send({ kind: 'telegram', name: 'x', config: { chatId: '1' } }).expect(400);
      expect(missing.body.errors[0].field).toBe('config.botToken');
      const badRoute = await harness.http.post('/api/notification-channels').set(as('lead')).send({ kind: 'slack', name: 'x', config: { url: `${receiver.url}/s` }, routes: { minLevel: 'loud' } }).expect(400);
      expect(badRoute.body.errors[0].field).toBe('routes.minLevel');

      const secretUrl = `${receiver.url}/slack/T0/B0/very-secret-token`;
      const created = await harness.http
        .post('/api/notification-channels')
        .set(as('lead'))
        .send({ kind: 'slack', name: 'Duty', config: { url: secretUrl }, routes: { kinds: ['escalation', 'incident'], minLevel: 'warning' } })
        .expect(201);
      expect(created.body).toMatchObject({ kind: 'slack', name: 'Duty', enabled: true, secrets: { url: true }, routes: { kinds: ['escalation', 'incident'], minLevel: 'warning' } });
      expect(JSON.stringify(created.body)).not.toContain('very-secret-token');
      const [stored] = await ds().query(`SELECT config_encrypted FROM notification_channel WHERE id = $1`, [created.body.id]);
      expect(stored.config_encrypted).not.toContain('very-secret-token');

      const renamed = await harness.http.patch(`/api/notification-channels/${created.body.id}`).set(as('admin')).send({ name: 'Duty room' }).expect(200);
      expect(renamed.body.secrets).toEqual({ url: true });
      const tested = await harness.http.post(`/api/notification-channels/${created.body.id}/test`).set(as('lead')).expect(200);
      expect(tested.body).toMatchObject({ ok: true });
      const slackRequest = receiver.requests.find((request) => request.path === '/slack/T0/B0/very-secret-token')!;
      expect(JSON.parse(slackRequest.body).text).toMatch(/test message/);

      const webhook = await harness.http
        .post('/api/notification-channels')
        .set(as('lead'))
        .send({ kind: 'webhook', name: 'Ops hook', config: { url: `${receiver.url}/flaky`, secret: 's3cr3t-value' } })
        .expect(201);
      expect(webhook.body.settings).toEqual({ url: `${receiver.url}/flaky` });
      const failed = await harness.http.post(`/api/notification-channels/${webhook.body.id}/test`).set(as('lead')).expect(200);
      expect(failed.body).toMatchObject({ ok: false, errorKind: 'transient' });
      expect(failed.body.detail).toMatch(/HTTP 500/);
      const passed = await harness.http.post(`/api/notification-channels/${webhook.body.id}/test`).set(as('lead')).expect(200);
      expect(passed.body.ok).toBe(true);
      const signed = receiver.requests.filter((request) => request.path === '/flaky')[1];
      const timestamp = String(signed.headers['x-otklik-timestamp']);
      expect(signed.headers['x-otklik-signature']).toBe(`sha256=${createHmac('sha256', 's3cr3t-value').update(`${timestamp}.${signed.body}`).digest('hex')}`);

      const list = await harness.http.get('/api/notification-channels').set(as('lead')).expect(200);
      expect(list.body.map((channel: { name: string }) => channel.name).sort()).toEqual(['Duty room', 'Ops hook']);
      expect(JSON.stringify(list.body)).not.toMatch(/very-secret-token|s3cr3t-value/);
      await harness.http.delete(`/api/notification-channels/${webhook.body.id}`).set(as('lead')).expect(204);
      await harness.http.get(`/api/notification-channels/${webhook.body.id}`).set(as('lead')).expect(404);
    } finally {
      await receiver.close();
    }
  });

  it('shows the amplification risk of a mention before acting on it', async () => {
    const small = await seedMention(ds(), workspaceId, { text: 'meh, they are all the same', cause: 'piling_on', intent: 'other', severity: 'low' });
    const risk = await harness.http.get(`/api/mentions/${small.id}/amplification-risk`).set(as('agent')).expect(200);
    expect(risk.body.reach.level).toBe('low');
    expect(risk.body.actions.answer.risk).toBe('medium');
    expect(risk.body.actions.delete.risk).not.toBe('low');
    expect(risk.body.explanation.length).toBeGreaterThan(2);
    await ds().query(`UPDATE author SET followers = 250000, kind = 'influencer' WHERE id = $1`, [small.authorId]);
    const big = await harness.http.get(`/api/mentions/${small.id}/amplification-risk`).set(as('agent')).expect(200);
    expect(big.body.reach.level).toBe('high');
    expect(big.body.actions.delete.risk).toBe('high');
    await harness.http.get('/api/mentions/99999999/amplification-risk').set(as('agent')).expect(404);
  });
});
