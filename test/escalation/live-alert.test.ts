/**
 * The live path end to end on the built worker: a thread's posts arrive, then the decisive one (a journalist
 * asking for comment); the alert row must exist within 5 s of that mention being ingested, and reach the
 * workspace's webhook channel. Also: a classifier incident cluster opens an incident and alerts once.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { replayThread } from '@otklik/escalation';
import { CredentialCipher } from '@otklik/persistence';
import { JobName, QueueName } from '@otklik/queues';
import { createTestDatabase, exited, queueEnv, REDIS_URL, startBuilt, waitFor, type TestDatabase } from '../support/test-env';
import { corpusThreads, createWorkspace, ingestPosts, startReceiver } from './escalation-fixtures';

const SECRET_KEY = randomBytes(32);

describe('live alert on the built worker', () => {
  let database: TestDatabase;
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  afterAll(async () => {
    await database.drop();
  });

  it('writes the alert within 5 s of the decisive mention and delivers it to the webhook', async () => {
    const thread = corpusThreads().find((item) => item.threadId === 't-0102')!;
    const [first] = replayThread(thread.threadId, thread.posts);
    const decisiveIndex = thread.posts.findIndex((post) => post.publishedAt === first.alertedAt);
    expect(decisiveIndex).toBeGreaterThan(0);

    const receiver = await startReceiver(() => ({ status: 200, body: 'ok' }));
    cleanups.push(receiver.close);
    const workspaceId = await createWorkspace(database.dataSource, { language: 'en' }, 'Live');
    await database.dataSource.query(
      `INSERT INTO notification_channel (workspace_id, kind, name, config_encrypted, routes) VALUES ($1, 'webhook', 'ops', $2, '{"kinds": ["escalation"]}')`,
      [workspaceId, new CredentialCipher(SECRET_KEY).encrypt({ url: `${receiver.url}/hook`, secret: 'live-secret' })],
    );

    const env = { ...queueEnv('redis'), DATABASE_URL: database.url, OTKLIK_DATA_DIR: mkdtempSync(join(tmpdir(), 'otklik-live-')), OTKLIK_SECRET_KEY: SECRET_KEY.toString('base64'), OTKLIK_SWEEP_INTERVAL_MS: '300', LOG_LEVEL: 'warn' };
    const worker = startBuilt('worker', env);
    cleanups.push(async () => {
      worker.child.kill('SIGTERM');
      await exited(worker.child);
    });
    const url = new URL(REDIS_URL);
    const classify = new Queue(QueueName.Classify, { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix: env.OTKLIK_QUEUE_PREFIX });
    cleanups.push(() => classify.close());
    // What a poll or a webhook delivery does after storing mentions: wake the classify stage.
    const ingestAndWake = async (posts: typeof thread.posts) => {
      await ingestPosts(database.dataSource, workspaceId, posts);
      await classify.add(JobName.ClassifyWorkspace, { workspaceId });
    };
    const routed = async () => (await database.dataSource.query(`SELECT count(*)::int AS n FROM mention WHERE workspace_id = $1 AND stage = 'routed'`, [workspaceId]))[0].n as number;

    try {
      await ingestAndWake(thread.posts.slice(0, decisiveIndex));
      await waitFor('the thread so far routed', async () => (await routed()) === decisiveIndex, 30_000, 50);
      const early = await database.dataSource.query(`SELECT level FROM alert WHERE workspace_id = $1`, [workspaceId]);
      expect(early).toEqual([]);

      await ingestAndWake([thread.posts[decisiveIndex]]);
      const [decisive] = await database.dataSource.query(`SELECT id, ingested_at FROM mention WHERE workspace_id = $1 AND external_id = $2`, [workspaceId, thread.posts[decisiveIndex].externalId]);
      const alert = await waitFor(
        'the escalation alert',
        async () => {
          const [row] = await database.dataSource.query(`SELECT id, level, mention_id, created_at, reasons FROM alert WHERE workspace_id = $1 AND kind = 'escalation'`, [workspaceId]);
          return row ?? null;
        },
        5_000,
        25,
      );
      const latency = new Date(alert.created_at).getTime() - new Date(decisive.ingested_at).getTime();
      expect(latency).toBeLessThan(5_000);
      expect(alert.mention_id).toBe(decisive.id);
      expect((alert.reasons as string[]).some((reason) => reason.startsWith('journalist_request='))).toBe(true);

      const request = await waitFor('the webhook delivery', async () => receiver.requests.find((item) => item.path === '/hook') ?? null, 10_000, 50);
      const timestamp = String(request.headers['x-otklik-timestamp']);
      expect(request.headers['x-otklik-signature']).toBe(`sha256=${createHmac('sha256', 'live-secret').update(`${timestamp}.${request.body}`).digest('hex')}`);
      expect(JSON.parse(request.body)).toMatchObject({ alertId: alert.id, kind: 'escalation', mentionId: decisive.id });
      const [thread_] = await database.dataSource.query(`SELECT escalation_level FROM thread WHERE workspace_id = $1`, [workspaceId]);
      expect(thread_.escalation_level).toBe(alert.level);
      const [stages] = await database.dataSource.query(`SELECT ingested_at, stage_at FROM mention WHERE id = $1`, [decisive.id]);
      process.stdout.write(`live alert latency: ${latency} ms from ingest to alert row (routed after ${new Date(stages.stage_at).getTime() - new Date(stages.ingested_at).getTime()} ms)\n`);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nworker:\n${worker.output()}`);
    }
  }, 90_000);

  it('escalates mentions whose wake-up was lost (left pending by a process that died) through the monitor', async () => {
    const thread = corpusThreads().find((item) => item.threadId === 't-0104')!;
    const expected = replayThread(thread.threadId, thread.posts);
    expect(expected.length).toBeGreaterThan(0);
    const workspaceId = await createWorkspace(database.dataSource, {}, 'Orphaned');
    await ingestPosts(database.dataSource, workspaceId, thread.posts);
    // What a route batch commits right before its process is killed: routed, queued for escalation, nobody woken.
    await database.dataSource.query(`UPDATE mention SET stage = 'routed' WHERE workspace_id = $1`, [workspaceId]);
    await database.dataSource.query(
      `INSERT INTO escalation_pending (mention_id, workspace_id, partition)
       SELECT id, workspace_id, (hashtext(thread_id::text) & 2147483647) % 8 FROM mention WHERE workspace_id = $1`,
      [workspaceId],
    );
    const env = { ...queueEnv('redis'), DATABASE_URL: database.url, OTKLIK_DATA_DIR: mkdtempSync(join(tmpdir(), 'otklik-orphan-')), OTKLIK_SECRET_KEY: SECRET_KEY.toString('base64'), OTKLIK_SWEEP_INTERVAL_MS: '300', LOG_LEVEL: 'warn' };
    const worker = startBuilt('worker', env);
    cleanups.push(async () => {
      worker.child.kill('SIGTERM');
      await exited(worker.child);
    });
    try {
      await waitFor('the pending mentions escalated', async () => (await database.dataSource.query('SELECT 1 FROM escalation_pending WHERE workspace_id = $1', [workspaceId])).length === 0, 20_000);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nworker:\n${worker.output()}`);
    }
    const rows: { level: string; alerted_at: Date }[] = await database.dataSource.query(`SELECT level, alerted_at FROM alert WHERE workspace_id = $1 AND kind = 'escalation' ORDER BY alerted_at`, [workspaceId]);
    expect(rows.map((row) => `${row.level} ${row.alerted_at.toISOString()}`)).toEqual(expected.map((alert) => `${alert.level} ${alert.alertedAt}`));
  }, 60_000);
});
