/**
 * SLA breach digests on the real database: a backlog breaching at once is one alert per recipient and check,
 * naming the worst mentions; each mention is alerted once per stage (assignee or team, then the leads), across
 * repeated checks, two checks at once and the migration from per-mention alerts; the digest reaches Slack and
 * the signed webhook readable (the check and the delivery run in-process, as the worker runs them).
 */
import { randomBytes } from 'node:crypto';
import { CredentialCipher } from '@otklik/persistence';
import { SlaAlertDigest1764300000400 } from '../../libs/persistence/src/migrations/1764300000400-sla-alert-digest';
import { checkSlaBreaches } from '../../apps/worker/src/escalation/sla-breach.check';
import { AlertDelivery } from '../../apps/worker/src/notify/alert-delivery';
import { loopbackOutbound } from '../../libs/connectors/src/testing/loopback-outbound';
import { seedMention } from '../api/support/seed-mentions';
import { createTestDatabase, uniqueName, type TestDatabase } from '../support/test-env';
import { createWorkspace, startReceiver } from './escalation-fixtures';

const SECRET_KEY = randomBytes(32);
const MINUTE = 60_000;

interface DigestAlert {
  id: string;
  level: string;
  reasons: string[];
  mention_id: string | null;
  thread_id: string | null;
  recipient_user_id: string | null;
  recipient_role: string | null;
  mentions: string[];
}

describe('SLA breach digests', () => {
  let database: TestDatabase;
  const ds = () => database.dataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.drop();
  });

  async function addUser(workspaceId: string, name: string, role = 'agent'): Promise<string> {
    const [user] = await ds().query(`INSERT INTO app_user (email, display_name, password_hash, locale) VALUES ($1, $2, 'not-a-hash', 'en') RETURNING id`, [
      `${uniqueName(name).toLowerCase()}@example.com`,
      name,
    ]);
    await ds().query(`INSERT INTO membership (user_id, workspace_id, role) VALUES ($1, $2, $3)`, [user.id, workspaceId, role]);
    return user.id;
  }

  /** `count` routed, unanswered mentions due `minutesAgo` minutes ago (later ones a second later each). */
  async function overdue(workspaceId: string, count: number, minutesAgo: number, assigneeId: string | null, fields: { severity?: 'low' | 'medium' | 'high' | 'critical'; priority?: number } = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index += 1) {
      const mention = await seedMention(ds(), workspaceId, { text: `Still no answer to my complaint #${index}`, slaDueAt: new Date(Date.now() - minutesAgo * MINUTE + index * 1000), ...fields });
      ids.push(mention.id);
    }
    if (assigneeId) await ds().query(`UPDATE mention SET assignee_id = $2 WHERE id = ANY($1::bigint[])`, [ids, assigneeId]);
    return ids;
  }

  async function digests(workspaceId: string): Promise<DigestAlert[]> {
    return ds().query(
      `SELECT a.id, a.level, a.reasons, a.mention_id::text AS mention_id, a.thread_id, a.recipient_user_id, a.recipient_role,
              COALESCE((SELECT array_agg(s.mention_id::text ORDER BY s.position) FROM sla_alerted_mention s WHERE s.alert_id = a.id), '{}') AS mentions
         FROM alert a WHERE a.workspace_id = $1 AND a.kind = 'sla_breach' ORDER BY a.created_at, a.level DESC`,
      [workspaceId],
    );
  }

  it('alerts 50 mentions breached at once for one assignee as one digest, worst first, and never again', async () => {
    const workspaceId = await createWorkspace(ds(), { language: 'en' }, 'Outage');
    const olga = await addUser(workspaceId, 'Olga');
    const backlog = await overdue(workspaceId, 47, 10, olga);
    const [critical] = await overdue(workspaceId, 1, 5, olga, { severity: 'critical' });
    const [urgent] = await overdue(workspaceId, 1, 5, olga, { priority: 5000 });
    const [oldest] = await overdue(workspaceId, 1, 20, olga);

    await checkSlaBreaches(ds());
    const [digest, ...others] = await digests(workspaceId);
    expect(others).toEqual([]);
    expect(digest).toMatchObject({ level: 'warning', recipient_user_id: olga, recipient_role: null, mention_id: null, thread_id: null });
    expect(digest.mentions).toHaveLength(50);
    expect(new Set(digest.mentions)).toEqual(new Set([...backlog, critical, urgent, oldest]));
    expect(digest.mentions.slice(0, 4)).toEqual([critical, urgent, oldest, backlog[0]]);
    expect(digest.reasons[0]).toBe('sla: 50 mentions past the first-response due time with no answer yet');
    expect(digest.reasons.slice(1, 6).map((reason) => /^sla: mention (\d+) was due/.exec(reason)?.[1])).toEqual(digest.mentions.slice(0, 5));
    expect(digest.reasons[6]).toBe('sla: and 45 more');

    expect((await checkSlaBreaches(ds())).length).toBe(0);
    expect(await digests(workspaceId)).toHaveLength(1);

    // A mention breaching later is a digest of its own, of one, naming it the way a per-mention alert did.
    const late = await seedMention(ds(), workspaceId, { text: 'And mine too', slaDueAt: new Date(Date.now() - MINUTE) });
    await ds().query(`UPDATE mention SET assignee_id = $2 WHERE id = $1`, [late.id, olga]);
    await checkSlaBreaches(ds());
    const second = (await digests(workspaceId))[1];
    expect(second).toMatchObject({ mention_id: late.id, thread_id: late.threadId, recipient_user_id: olga, mentions: [late.id] });
    expect(second.reasons[0]).toBe('sla: 1 mention past the first-response due time with no answer yet');
  });

  it('alerts the team for unassigned mentions, each assignee apart, then the leads after the grace period', async () => {
    const workspaceId = await createWorkspace(ds(), { alerts: { slaLeadGraceMinutes: 30 } }, 'Grace');
    const ivan = await addUser(workspaceId, 'Ivan');
    const anna = await addUser(workspaceId, 'Anna');
    const team = await overdue(workspaceId, 3, 10, null);
    const ivans = await overdue(workspaceId, 2, 10, ivan);
    const annas = await overdue(workspaceId, 1, 40, anna);

    await checkSlaBreaches(ds());
    const first = await digests(workspaceId);
    const byRecipient = (alerts: DigestAlert[]) => Object.fromEntries(alerts.map((alert) => [alert.recipient_role ?? alert.recipient_user_id ?? 'team', new Set(alert.mentions)]));
    expect(byRecipient(first)).toEqual({ team: new Set(team), [ivan]: new Set(ivans), [anna]: new Set(annas), lead: new Set(annas) });
    expect(first.find((alert) => alert.recipient_role === 'lead')).toMatchObject({ level: 'critical', mention_id: annas[0] });
    expect(first.find((alert) => alert.recipient_role === 'lead')!.reasons[0]).toBe('sla: 1 mention still unanswered 30 min after the first-response due time');

    // Twenty-five minutes on (moved due times stand in for the clock): the rest reach the leads, as one digest.
    await ds().query(`UPDATE mention SET sla_due_at = sla_due_at - interval '25 minutes' WHERE id = ANY($1::bigint[])`, [[...team, ...ivans]]);
    await checkSlaBreaches(ds());
    const added = (await digests(workspaceId)).slice(first.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ recipient_role: 'lead', recipient_user_id: null, level: 'critical', mention_id: null });
    expect(new Set(added[0].mentions)).toEqual(new Set([...team, ...ivans]));
    expect(await checkSlaBreaches(ds())).toEqual([]);
  });

  it('puts each mention in exactly one digest when two checks run at once', async () => {
    const workspaceId = await createWorkspace(ds(), { alerts: { slaLeadGraceMinutes: 0 } }, 'Race');
    const assignees = [await addUser(workspaceId, 'A'), await addUser(workspaceId, 'B'), null];
    const mentions: string[] = [];
    for (const assignee of assignees) mentions.push(...(await overdue(workspaceId, 40, 15, assignee)));
    for (let round = 0; round < 3; round += 1) {
      const more = await overdue(workspaceId, 20, 15, assignees[round]);
      mentions.push(...more);
      const raised = await Promise.all([checkSlaBreaches(ds()), checkSlaBreaches(ds())]);
      expect(new Set(raised.flat()).size).toBe(raised.flat().length);
    }
    const alerts = await digests(workspaceId);
    for (const stage of ['assignee', 'lead']) {
      const rows: { mention_id: string; n: number }[] = await ds().query(
        `SELECT s.mention_id::text AS mention_id, count(*)::int AS n FROM sla_alerted_mention s JOIN mention m ON m.id = s.mention_id
          WHERE m.workspace_id = $1 AND s.stage = $2 GROUP BY s.mention_id`,
        [workspaceId, stage],
      );
      expect(rows).toHaveLength(mentions.length);
      expect(rows.every((row) => row.n === 1)).toBe(true);
    }
    const named = alerts.flatMap((alert) => alert.mentions);
    expect(named).toHaveLength(mentions.length * 2);
    // Every alert written names mentions it won, and says how many.
    for (const alert of alerts) {
      expect(alert.mentions.length).toBeGreaterThan(0);
      expect(alert.reasons[0]).toMatch(new RegExp(`^sla: ${alert.mentions.length} mentions? `));
    }
  });

  it('carries per-mention alerts over in the migration, so nothing alerted before is alerted again', async () => {
    // A database of its own: taking the migration down drops every claim in it.
    const upgraded = await createTestDatabase();
    const main = database;
    database = upgraded;
    try {
      const workspaceId = await createWorkspace(ds(), {}, 'Upgrade');
      const [before, after] = await overdue(workspaceId, 2, 5, null);
      const migration = new SlaAlertDigest1764300000400();
      const runner = ds().createQueryRunner();
      try {
        await migration.down(runner);
        await ds().query(
          `INSERT INTO alert (workspace_id, kind, level, reasons, mention_id, dedupe_key, alerted_at) VALUES ($1, 'sla_breach', 'warning', '["sla: first response was due"]', $2, $3, now())`,
          [workspaceId, before, `sla:${before}:assignee`],
        );
        await migration.up(runner);
      } finally {
        await runner.release();
      }
      expect((await digests(workspaceId)).map((alert) => alert.mentions)).toEqual([[before]]);
      await checkSlaBreaches(ds());
      expect((await digests(workspaceId)).map((alert) => alert.mentions)).toEqual([[before], [after]]);
    } finally {
      database = main;
      await upgraded.drop();
    }
  });

  it('delivers a digest to Slack and the signed webhook: the count, the worst named, every id', async () => {
    const receiver = await startReceiver(() => ({ status: 200, body: 'ok' }));
    try {
      const workspaceId = await createWorkspace(ds(), { language: 'ru', appUrl: 'https://otklik.example/', timeZone: 'Europe/Moscow' }, 'Звезда');
      const olga = await addUser(workspaceId, 'Ольга');
      const ids = await overdue(workspaceId, 12, 10, olga);
      const cipher = new CredentialCipher(SECRET_KEY);
      const channel = async (kind: string, config: Record<string, string>) =>
        (await ds().query(`INSERT INTO notification_channel (workspace_id, kind, name, config_encrypted) VALUES ($1, $2, $2, $3) RETURNING id`, [workspaceId, kind, cipher.encrypt(config)]))[0].id as string;
      const slack = await channel('slack', { url: `${receiver.url}/slack` });
      const webhook = await channel('webhook', { url: `${receiver.url}/webhook`, secret: 'whsec-digest' });
      await checkSlaBreaches(ds());
      const [digest] = await digests(workspaceId);
      const delivery = new AlertDelivery(ds(), SECRET_KEY, loopbackOutbound);
      await delivery.deliver(digest.id, slack);
      await delivery.deliver(digest.id, webhook);

      const text: string = JSON.parse(receiver.requests.find((request) => request.path === '/slack')!.body).text;
      const lines = text.split('\n');
      expect(lines[0]).toBe('[Звезда] Просрочен ответ (SLA): 12 упоминаний — предупреждение');
      expect(lines[1]).toBe('Ответственный: Ольга');
      expect(lines[2]).toBe('12 упоминаний без ответа после срока; самые срочные:');
      expect(lines.slice(3, 8).map((line) => /^• #(\d+), срок \d\d:\d\d \d\d\.\d\d\.\d{4}, важность: высокая, приоритет 2000 — @/.exec(line)?.[1])).toEqual(digest.mentions.slice(0, 5));
      expect(lines[3]).toContain(`https://otklik.example/inbox/${digest.mentions[0]}`);
      expect(lines[8]).toBe('…и ещё 7');
      expect(text).not.toContain('sla: ');

      const payload = JSON.parse(receiver.requests.find((request) => request.path === '/webhook')!.body);
      expect(payload).toMatchObject({ kind: 'sla_breach', slaStage: 'assignee', mentionCount: 12, mentionId: null });
      expect(new Set(payload.mentionIds)).toEqual(new Set(ids));
      expect(payload.reasons[0]).toBe('sla: 12 mentions past the first-response due time with no answer yet');
    } finally {
      await receiver.close();
    }
  });
});
