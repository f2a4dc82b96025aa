/**
 * The classify stage routes what it labels, on the real database: each mention is written once after ingest
 * (labels and routing in one statement, straight from 'ingested' to 'routed'), with the routing the route stage
 * gives the same labels; mentions left in 'classified' are routed too (in the same pass, or by the route stage,
 * woken); the stage waits for a route batch holding the workspace's route lock; a mention the labeler fails on is
 * dead-lettered. A trigger of this test's own database records every UPDATE of a mention row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { repoRoot } from '@otklik/config';
import { parseCorpusMention, type MentionInput } from '@otklik/domain';
import { ingestBatch, pipelineLock } from '@otklik/persistence';
import { ClassifierLabeler } from '../apps/worker/src/pipeline/classifier-labeler';
import { runClassifyStage } from '../apps/worker/src/pipeline/classify-stage';
import type { MentionLabeler } from '../apps/worker/src/pipeline/labeler';
import { runRouteStage } from '../apps/worker/src/pipeline/route-stage';
import { createWorkspace, noLabels, RecordingEventBus } from './escalation/escalation-fixtures';
import { createTestDatabase, type TestDatabase } from './support/test-env';

const TIMELINE = join(repoRoot(), 'data', 'demo', 'timeline.jsonl');

interface Write {
  external_id: string;
  old_stage: string;
  new_stage: string;
}

describe('classify stage: labels and routing in one write', () => {
  let db: TestDatabase;
  const ds = (): DataSource => db.dataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    await ds().query(`
      CREATE TABLE mention_write (seq bigserial PRIMARY KEY, mention_id bigint NOT NULL, old_stage text NOT NULL, new_stage text NOT NULL);
      CREATE FUNCTION record_mention_write() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO mention_write (mention_id, old_stage, new_stage) VALUES (NEW.id, OLD.stage, NEW.stage); RETURN NULL; END $$;
      CREATE TRIGGER record_mention_write AFTER UPDATE ON mention FOR EACH ROW EXECUTE FUNCTION record_mention_write();
    `);
  }, 60_000);

  afterAll(async () => {
    await db.drop();
  });

  const demoMentions = (): MentionInput[] =>
    readFileSync(TIMELINE, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => parseCorpusMention(JSON.parse(line)));

  async function ingest(workspaceId: string, mentions: MentionInput[]): Promise<void> {
    for (const brand of new Set(mentions.map((mention) => mention.brand).filter(Boolean)))
      await ds().query('INSERT INTO brand (workspace_id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [workspaceId, brand]);
    await ingestBatch(
      ds(),
      { workspaceId, sourceId: null, brandId: null },
      mentions.map((mention) => ({ ...mention, raw: null })),
      [],
    );
  }

  const writes = async (workspaceId: string): Promise<Write[]> =>
    ds().query(
      `SELECT m.external_id, w.old_stage, w.new_stage FROM mention_write w JOIN mention m ON m.id = w.mention_id WHERE m.workspace_id = $1 ORDER BY w.seq`,
      [workspaceId],
    );

  const stages = async (workspaceId: string): Promise<Record<string, number>> => {
    const rows: { stage: string; n: number }[] = await ds().query(
      'SELECT stage, count(*)::int AS n FROM mention WHERE workspace_id = $1 GROUP BY stage',
      [workspaceId],
    );
    return Object.fromEntries(rows.map((row) => [row.stage, row.n]));
  };

  const routing = async (workspaceId: string) =>
    ds().query(
      `SELECT external_id, priority, sla_due_at, status, incident_id, campaign_id, stage FROM mention WHERE workspace_id = $1 ORDER BY id`,
      [workspaceId],
    );

  const classify = (
    workspaceId: string,
    labeler: MentionLabeler,
    batchSize: number,
    events = new RecordingEventBus(),
    woken: string[] = [],
  ) => runClassifyStage(ds(), labeler, workspaceId, { batchSize, events, wakeRoute: async (id) => void woken.push(id) });

  it('writes each mention once after ingest, from ingested straight to routed, as the route stage would route it', async () => {
    const workspaceId = await createWorkspace(ds());
    const mentions = demoMentions();
    await ingest(workspaceId, mentions);
    const events = new RecordingEventBus();
    const woken: string[] = [];
    expect(await classify(workspaceId, new ClassifierLabeler(0), 40, events, woken)).toBe(mentions.length);

    expect(await stages(workspaceId)).toEqual({ routed: mentions.length });
    const all = await writes(workspaceId);
    const fromIngested = all.filter((write) => write.old_stage === 'ingested');
    expect(fromIngested.map((write) => write.new_stage)).toEqual(mentions.map(() => 'routed'));
    expect(new Set(fromIngested.map((write) => write.external_id)).size).toBe(mentions.length);
    // The only other writes: earlier mentions a later one promoted into a new cluster, sent back to routing and
    // routed in the promoting batch's transaction.
    const others = all.filter((write) => write.old_stage !== 'ingested');
    expect(others.length).toBeGreaterThan(0); // the demo timeline has such promotions
    for (const write of others) expect(['routed→classified', 'classified→routed']).toContain(`${write.old_stage}→${write.new_stage}`);
    expect(others.filter((write) => write.new_stage === 'classified').length).toBe(
      others.filter((write) => write.new_stage === 'routed').length,
    );
    // Inbox events name every mention; nothing is left for the route stage, so it is not woken.
    expect(new Set(events.events.flatMap((event) => event.ids)).size).toBe(mentions.length);
    expect(woken).toEqual([]);
    expect(await runRouteStage(ds(), new RecordingEventBus(), workspaceId, 40)).toBe(0);

    // The route stage gives the same mentions, labels as stored, the same routing.
    const routed = await routing(workspaceId);
    expect(routed.filter((row: { incident_id: string | null }) => row.incident_id).length).toBeGreaterThan(0);
    await ds().query(`UPDATE mention SET stage = 'classified', priority = 0, sla_due_at = NULL WHERE workspace_id = $1`, [workspaceId]);
    await runRouteStage(ds(), new RecordingEventBus(), workspaceId, 40);
    expect(await routing(workspaceId)).toEqual(routed);
  }, 120_000);

  it("routes mentions left in 'classified' with the batch, and wakes the route stage for what remains", async () => {
    const workspaceId = await createWorkspace(ds());
    const [first, second] = [demoMentions().slice(0, 20), demoMentions().slice(20, 23)];
    await ingest(workspaceId, first);
    await classify(workspaceId, noLabels, 50);
    // As an older version would leave them: labelled, waiting for the route stage.
    await ds().query(`UPDATE mention SET stage = 'classified', priority = 0 WHERE workspace_id = $1`, [workspaceId]);
    await ingest(workspaceId, second);
    const woken: string[] = [];
    await classify(workspaceId, noLabels, 5, new RecordingEventBus(), woken);
    // One batch: the 3 new mentions and the 5 oldest waiting ones; the other 15 are the route stage's.
    expect(await stages(workspaceId)).toEqual({ routed: 8, classified: 15 });
    expect(woken).toEqual([workspaceId]);
    expect(await runRouteStage(ds(), new RecordingEventBus(), workspaceId, 5)).toBe(15);
    const [unranked] = await ds().query(
      'SELECT count(*)::int AS n FROM mention WHERE workspace_id = $1 AND (priority = 0 OR sla_due_at IS NULL)',
      [workspaceId],
    );
    expect(unranked.n).toBe(0);
  }, 60_000);

  it("waits for a route batch holding the workspace's route lock, then routes", async () => {
    const workspaceId = await createWorkspace(ds());
    await ingest(workspaceId, demoMentions().slice(0, 10));
    const routeBatch = ds().createQueryRunner();
    await routeBatch.connect();
    await routeBatch.startTransaction();
    let finished = false;
    let running: Promise<number> | null = null;
    try {
      await routeBatch.query('SELECT pg_advisory_xact_lock(hashtext($1))', [pipelineLock('route', workspaceId)]);
      running = classify(workspaceId, noLabels, 50).finally(() => (finished = true));
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(finished).toBe(false);
      expect(await stages(workspaceId)).toEqual({ ingested: 10 });
    } finally {
      await routeBatch.commitTransaction();
      await routeBatch.release();
    }
    expect(await running).toBe(10);
    expect(await stages(workspaceId)).toEqual({ routed: 10 });
  }, 60_000);

  it('dead-letters a mention the labeler fails on and routes the rest', async () => {
    const workspaceId = await createWorkspace(ds());
    const mentions = demoMentions().slice(0, 6);
    await ingest(workspaceId, mentions);
    const failing: MentionLabeler = {
      version: null,
      label: async (_workspaceId, batch) =>
        batch.map((mention) => (mention.externalId === mentions[2].externalId ? new Error('unreadable') : null)),
    };
    expect(await classify(workspaceId, failing, 50)).toBe(6);
    expect(await stages(workspaceId)).toEqual({ routed: 5, failed: 1 });
    const dead = await ds().query(`SELECT stage, external_id, reason FROM dead_letter WHERE workspace_id = $1`, [workspaceId]);
    expect(dead).toEqual([{ stage: 'classify', external_id: mentions[2].externalId, reason: 'classify: unreadable' }]);
    const all = await writes(workspaceId);
    expect(all.map((write) => `${write.external_id} ${write.old_stage}→${write.new_stage}`).sort()).toEqual(
      mentions.map((mention, index) => `${mention.externalId} ingested→${index === 2 ? 'failed' : 'routed'}`).sort(),
    );
  }, 60_000);
});
