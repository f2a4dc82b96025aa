/**
 * `otklik reclassify` on the real database: the demo timeline goes through the real ingest, classify and route
 * code; then the stored labels are made stale (an old classifier version, wrong labels, stray incident and
 * campaign rows, wrong counts, an incident people worked on under an old cluster key) and re-labelling must
 * bring back exactly what the classify stage gives, with right rows and counts, idempotently, resumably, and
 * without racing the live classify stage.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { repoRoot } from '@otklik/config';
import { CLASSIFIER_VERSION, MentionClusterer } from '@otklik/classifier';
import { parseCorpusMention } from '@otklik/domain';
import { ingestBatch } from '@otklik/persistence';
import { ClassifierLabeler } from '../apps/worker/src/pipeline/classifier-labeler';
import { runClassifyStage } from '../apps/worker/src/pipeline/classify-stage';
import { runRouteStage } from '../apps/worker/src/pipeline/route-stage';
import { main } from '../apps/cli/src/main';
import { WorkspaceReclassifier, type RunOptions, type WorkspaceRef } from '../apps/cli/src/reclassify/reclassify-run';
import { RecordingEventBus } from './escalation/escalation-fixtures';
import { createTestDatabase, uniqueName, type TestDatabase } from './support/test-env';

const BATCH = 40;
const TIMELINE = join(repoRoot(), 'data', 'demo', 'timeline.jsonl');

const LABEL_COLUMNS = `m.external_id, m.intent, m.cause, m.severity, m.sentiment, m.pii, m.pii_spans, m.critical_data, m.confidence, m.explain,
  m.incident_key, m.campaign_key, m.classifier_version`;

describe('otklik reclassify', () => {
  let db: TestDatabase;
  let workspace: WorkspaceRef;
  /** What the classify stage gave every mention, by external id. */
  let pipelineLabels: Map<string, Record<string, unknown>>;
  /** The route stage's priority and status of every mention, by external id. */
  let pipelineRouting: Map<string, { priority: number; status: string }>;
  let labeler: ClassifierLabeler;
  const ds = (): DataSource => db.dataSource;
  const progress: string[] = [];

  /** The live classify stage (which routes what it labels) on whatever is ingested. */
  const classifyLive = () =>
    runClassifyStage(ds(), labeler, workspace.id, { batchSize: BATCH, events: new RecordingEventBus(), wakeRoute: async () => undefined });

  const reclassify = (options: Partial<RunOptions> = {}) =>
    new WorkspaceReclassifier(ds(), workspace, { all: false, since: null, dryRun: false, batchSize: BATCH, ...options }, (line) =>
      progress.push(line),
    ).run();

  const routingNow = async (): Promise<Map<string, { priority: number; status: string }>> => {
    const rows: { external_id: string; priority: number; status: string }[] = await ds().query(
      'SELECT external_id, priority, status FROM mention WHERE workspace_id = $1',
      [workspace.id],
    );
    return new Map(rows.map((row) => [row.external_id, { priority: row.priority, status: row.status }]));
  };

  const labelsNow = async (): Promise<Map<string, Record<string, unknown>>> => {
    const rows: Record<string, unknown>[] = await ds().query(
      `SELECT ${LABEL_COLUMNS} FROM mention m WHERE m.workspace_id = $1 ORDER BY m.id`,
      [workspace.id],
    );
    return new Map(rows.map((row) => [row.external_id as string, row]));
  };

  /** Every row reclassify may touch, whole, for "nothing changed" comparisons. */
  const snapshot = async () => ({
    mentions: await ds().query(`SELECT * FROM mention WHERE workspace_id = $1 ORDER BY id`, [workspace.id]),
    incidents: await ds().query(`SELECT * FROM incident WHERE workspace_id = $1 ORDER BY id`, [workspace.id]),
    campaigns: await ds().query(`SELECT * FROM campaign WHERE workspace_id = $1 ORDER BY id`, [workspace.id]),
    state: await ds().query(`SELECT * FROM classifier_state WHERE workspace_id = $1`, [workspace.id]),
    checkpoints: await ds().query(`SELECT * FROM reclassify_checkpoint WHERE workspace_id = $1`, [workspace.id]),
  });

  /**
   * Incident and campaign figures must be what their linked mentions say (affected people too, unless only the
   * route stage has run: its figure is provisional until the incident monitor's first refresh).
   */
  async function expectCountsFromMentions(options: { affected: boolean } = { affected: true }): Promise<void> {
    const incidents: { id: string; mention_count: number; affected_count: number; n: number; people: number }[] = await ds().query(
      `SELECT i.id, i.mention_count, i.affected_count, count(m.id)::int AS n,
              count(DISTINCT m.author_id) FILTER (WHERE a.kind IS DISTINCT FROM 'brand' AND a.kind IS DISTINCT FROM 'media')::int AS people
         FROM incident i LEFT JOIN mention m ON m.incident_id = i.id LEFT JOIN author a ON a.id = m.author_id
        WHERE i.workspace_id = $1 GROUP BY i.id`,
      [workspace.id],
    );
    for (const row of incidents) {
      expect({ id: row.id, mentions: row.mention_count, affected: options.affected ? row.affected_count : null }).toEqual({
        id: row.id,
        mentions: row.n,
        affected: options.affected ? row.people : null,
      });
    }
    const campaigns: { id: string; post_count: number; n: number }[] = await ds().query(
      `SELECT c.id, c.post_count, count(m.id)::int AS n FROM campaign c LEFT JOIN mention m ON m.campaign_id = c.id WHERE c.workspace_id = $1 GROUP BY c.id`,
      [workspace.id],
    );
    for (const row of campaigns) expect({ id: row.id, posts: row.post_count }).toEqual({ id: row.id, posts: row.n });
    // Every mention with a cluster key is linked to that key's row (or the incident it was merged into).
    const unlinked = await ds().query(
      `SELECT m.external_id FROM mention m
         LEFT JOIN incident i ON i.workspace_id = m.workspace_id AND i.cluster_key = m.incident_key
         LEFT JOIN campaign c ON c.workspace_id = m.workspace_id AND c.cluster_key = m.campaign_key
        WHERE m.workspace_id = $1 AND (m.incident_id IS DISTINCT FROM COALESCE(i.merged_into_id, i.id) OR m.campaign_id IS DISTINCT FROM c.id)
          AND NOT EXISTS (SELECT 1 FROM incident h WHERE h.id = m.incident_id AND h.cluster_key IS NULL)`,
      [workspace.id],
    );
    expect(unlinked).toEqual([]);
  }

  /** Makes the stored labels stale as an old classifier would have left them. */
  async function makeStale(where = 'true'): Promise<number> {
    const [, count] = await ds().query(
      `UPDATE mention SET classifier_version = '0.9.0', intent = 'praise', cause = NULL, severity = 'low', sentiment = 'positive', pii = '{}', pii_spans = '[]',
              critical_data = false, confidence = '{}', explain = '{}', incident_key = NULL, campaign_key = NULL
        WHERE workspace_id = $1 AND (${where})`,
      [workspace.id],
    );
    return count;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    const [row] = await ds().query(`INSERT INTO workspace (name, slug) VALUES ('Reclassify', $1) RETURNING id, slug, name`, [
      uniqueName('ws'),
    ]);
    workspace = row;
    const mentions = readFileSync(TIMELINE, 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => parseCorpusMention(JSON.parse(line)));
    for (const brand of new Set(mentions.map((mention) => mention.brand)))
      await ds().query('INSERT INTO brand (workspace_id, name) VALUES ($1, $2)', [workspace.id, brand]);
    await ingestBatch(
      ds(),
      { workspaceId: workspace.id, sourceId: null, brandId: null },
      mentions.map((mention) => ({ ...mention, raw: null })),
      [],
    );
    // The live pipeline: the classify stage's labeler (state persisted after every batch), routing in the same
    // transaction; the route stage then finds nothing left.
    labeler = new ClassifierLabeler(0);
    await classifyLive();
    await runRouteStage(ds(), new RecordingEventBus(), workspace.id, BATCH);
    pipelineLabels = await labelsNow();
    pipelineRouting = await routingNow();
  }, 120_000);

  afterAll(async () => {
    await db.drop();
  });

  it('starts from a pipeline that found incidents and campaigns in the demo timeline', async () => {
    expect(pipelineLabels.size).toBe(215);
    const keys = [...pipelineLabels.values()];
    expect(keys.filter((row) => row.incident_key).length).toBeGreaterThanOrEqual(3);
    expect(keys.filter((row) => row.campaign_key).length).toBeGreaterThanOrEqual(3);
    await expectCountsFromMentions({ affected: false });
    expect(await reclassify()).toMatchObject({ outcome: 'up-to-date' });
  });

  it('re-labels stale mentions exactly as the classify stage does, and fixes incident and campaign rows', async () => {
    // The outage incident as people know it: worked on (status, ETA) under the cluster key an older classifier gave it.
    const outageKey = [...pipelineLabels.values()].find((row) => row.incident_key)!.incident_key as string;
    const [outage] = await ds().query('SELECT id FROM incident WHERE workspace_id = $1 AND cluster_key = $2', [workspace.id, outageKey]);
    await ds().query(
      `UPDATE incident SET cluster_key = 'inc-older-classifier', status = 'identified', eta = '2026-11-03T10:00:00Z' WHERE id = $1`,
      [outage.id],
    );
    // Rows of clusters the old classifier saw and the current one does not; nobody was told of them.
    const [strayIncident] = await ds().query(
      `INSERT INTO incident (workspace_id, cluster_key, title, mention_count, affected_count) VALUES ($1, 'inc-stray', 'stray', 2, 2) RETURNING id`,
      [workspace.id],
    );
    const [strayCampaign] = await ds().query(
      `INSERT INTO campaign (workspace_id, cluster_key, post_count) VALUES ($1, 'camp-stray', 1) RETURNING id`,
      [workspace.id],
    );
    await ds().query(
      `UPDATE mention SET incident_id = $2 WHERE id IN (SELECT id FROM mention WHERE workspace_id = $1 AND incident_id IS NULL AND campaign_id IS NULL ORDER BY id LIMIT 2)`,
      [workspace.id, strayIncident.id],
    );
    await ds().query(
      `UPDATE mention SET campaign_id = $2 WHERE id IN (SELECT id FROM mention WHERE workspace_id = $1 AND incident_id IS NULL AND campaign_id IS NULL ORDER BY id DESC LIMIT 1)`,
      [workspace.id, strayCampaign.id],
    );
    // An incident people worked on whose only mention is no incident now, and one opened by hand with a mention in it.
    const [workedOn] = await ds().query(
      `INSERT INTO incident (workspace_id, cluster_key, title, status, mention_count) VALUES ($1, 'inc-worked-on', 'worked on', 'monitoring', 1) RETURNING id`,
      [workspace.id],
    );
    const [byHand] = await ds().query(
      `INSERT INTO incident (workspace_id, title, mention_count, affected_count) VALUES ($1, 'opened by hand', 1, 1) RETURNING id`,
      [workspace.id],
    );
    const unlinkedMention = `(SELECT id FROM mention WHERE workspace_id = $1 AND incident_id IS NULL AND campaign_id IS NULL ORDER BY id LIMIT 1)`;
    await ds().query(`UPDATE mention SET incident_id = $2 WHERE id = ${unlinkedMention}`, [workspace.id, workedOn.id]);
    await ds().query(`UPDATE mention SET incident_id = $2 WHERE id = ${unlinkedMention}`, [workspace.id, byHand.id]);
    await ds().query(`UPDATE campaign SET post_count = 999 WHERE workspace_id = $1 AND cluster_key <> 'camp-stray'`, [workspace.id]);
    await ds().query(
      `UPDATE incident SET mention_count = 999, affected_count = 0 WHERE workspace_id = $1 AND cluster_key NOT IN ('inc-stray', 'inc-worked-on')`,
      [workspace.id],
    );
    // An old classifier that ranked everything alike and saw no black PR; one of those posts was triaged since.
    const blackPr = [...pipelineLabels.values()].filter((row) => row.cause === 'black_pr').map((row) => row.external_id as string);
    expect(blackPr.length).toBeGreaterThanOrEqual(2);
    expect(blackPr.every((externalId) => pipelineRouting.get(externalId)!.status === 'do_not_engage')).toBe(true);
    await ds().query(
      `UPDATE mention SET priority = 1000, status = CASE WHEN status = 'do_not_engage' THEN 'new' ELSE status END WHERE workspace_id = $1`,
      [workspace.id],
    );
    await ds().query(`UPDATE mention SET status = 'open' WHERE workspace_id = $1 AND external_id = $2`, [workspace.id, blackPr[0]]);
    expect(await makeStale()).toBe(215);
    // The outage's mentions carry the older key; the rest of the stale state is as makeStale left it.
    await ds().query(`UPDATE mention SET incident_key = 'inc-older-classifier' WHERE incident_id = $1`, [outage.id]);
    const outageMembers = (await ds().query('SELECT count(*)::int AS n FROM mention WHERE incident_id = $1', [outage.id]))[0].n;
    expect(outageMembers).toBeGreaterThanOrEqual(3);

    const report = await reclassify();
    expect(report).toMatchObject({ outcome: 'relabelled', resumed: false });
    expect(report.tally).toMatchObject({ read: 215, relabelled: 215, failed: 0 });
    expect(report.tally.changed.intent).toBeGreaterThan(0);
    expect(report.tally.changed.incident).toBeGreaterThanOrEqual(outageMembers);
    expect(report.tally.incidents.deleted).toEqual(['inc-stray']);
    expect(report.tally.incidents.kept).toEqual(['inc-worked-on']);
    expect(report.tally.campaigns.deleted).toEqual(['camp-stray']);
    expect(report.tally.incidents.attached).toEqual([outageKey]);

    // Labels, confidences, explanations and version: exactly what the classify stage gave.
    const now = await labelsNow();
    for (const [externalId, labels] of pipelineLabels) expect(now.get(externalId)).toEqual(labels);
    expect([...now.values()].every((row) => row.classifier_version === CLASSIFIER_VERSION)).toBe(true);

    // Ranked by the new labels again where those routing reads changed (others keep the rank they had);
    // untriaged black PR back in the do-not-engage lane, the triaged one left as is.
    const routing = await routingNow();
    const rankedAlike = (row: Record<string, unknown>) =>
      row.intent === 'praise' && row.cause === null && row.severity === 'low' && row.critical_data === false;
    expect([...pipelineLabels.values()].filter((row) => !rankedAlike(row)).length).toBeGreaterThan(100);
    for (const [externalId, { priority }] of pipelineRouting) {
      const expected = rankedAlike(pipelineLabels.get(externalId)!) ? 1000 : priority;
      expect({ externalId, priority: routing.get(externalId)!.priority }).toEqual({ externalId, priority: expected });
    }
    expect(routing.get(blackPr[0])!.status).toBe('open');
    for (const externalId of blackPr.slice(1)) expect(routing.get(externalId)!.status).toBe('do_not_engage');

    // The incident people worked on keeps its mentions, status and ETA; the new key points at it.
    const [kept] = await ds().query('SELECT status, eta, mention_count, merged_into_id FROM incident WHERE id = $1', [outage.id]);
    expect(kept).toMatchObject({ status: 'identified', mention_count: outageMembers, merged_into_id: null });
    expect(kept.eta.toISOString()).toBe('2026-11-03T10:00:00.000Z');
    const [attached] = await ds().query('SELECT merged_into_id FROM incident WHERE workspace_id = $1 AND cluster_key = $2', [
      workspace.id,
      outageKey,
    ]);
    expect(attached.merged_into_id).toBe(outage.id);
    const history = await ds().query(`SELECT action, actor_id, details FROM audit_log WHERE target_type = 'incident' AND target_id = $1`, [
      outage.id,
    ]);
    expect(history).toEqual([
      { action: 'incident.cluster_attached', actor_id: null, details: expect.objectContaining({ clusterKey: outageKey }) },
    ]);

    expect(await ds().query('SELECT id FROM incident WHERE id = $1', [strayIncident.id])).toEqual([]);
    expect(await ds().query('SELECT status, mention_count FROM incident WHERE id = $1', [workedOn.id])).toEqual([
      { status: 'monitoring', mention_count: 0 },
    ]);
    expect(await ds().query('SELECT mention_count FROM incident WHERE id = $1', [byHand.id])).toEqual([{ mention_count: 1 }]);
    expect(await ds().query('SELECT count(*)::int AS n FROM mention WHERE incident_id = $1', [byHand.id])).toEqual([{ n: 1 }]);
    expect(await ds().query('SELECT id FROM campaign WHERE id = $1', [strayCampaign.id])).toEqual([]);
    await expectCountsFromMentions();

    // The replayed clustering state is the live one now, one generation on; no checkpoint is left.
    const [state] = await ds().query(
      'SELECT classifier_version, generation, last_mention_id::text AS last FROM classifier_state WHERE workspace_id = $1',
      [workspace.id],
    );
    const [max] = await ds().query('SELECT max(id)::text AS id FROM mention WHERE workspace_id = $1', [workspace.id]);
    expect(state).toEqual({ classifier_version: CLASSIFIER_VERSION, generation: 1, last: max.id });
    expect(await ds().query('SELECT 1 FROM reclassify_checkpoint WHERE workspace_id = $1', [workspace.id])).toEqual([]);
  });

  it('changes nothing when run again over everything', async () => {
    const before = await snapshot();
    const report = await reclassify({ all: true });
    expect(report.tally).toMatchObject({
      read: 215,
      relabelled: 0,
      failed: 0,
      changed: { intent: 0, cause: 0, severity: 0, sentiment: 0, incident: 0, campaign: 0 },
    });
    expect(report.tally.incidents).toEqual({ created: [], updated: [], attached: [], deleted: [], kept: [] });
    expect(report.tally.campaigns).toEqual({ created: [], updated: [], deleted: [], kept: [] });
    const after = await snapshot();
    expect(after.mentions).toEqual(before.mentions);
    expect(after.incidents).toEqual(before.incidents);
    expect(after.campaigns).toEqual(before.campaigns);
  });

  it('writes nothing in a dry run, and reports what it would change', async () => {
    // The earliest mentions: the default range starts at the first stale one, and a replay from the very first
    // mention gives exactly the pipeline's labels (a replay started mid-stream re-forms the clusters open then).
    const stale = await makeStale(`external_id IN ('demo-0001', 'demo-0002', 'demo-0003')`);
    const before = await snapshot();
    const report = await reclassify({ dryRun: true });
    expect(report.outcome).toBe('relabelled');
    expect(report.tally.relabelled).toBe(stale);
    expect(await snapshot()).toEqual(before);
    expect(await reclassify()).toMatchObject({ tally: { relabelled: stale } });
    const now = await labelsNow();
    for (const [externalId, labels] of pipelineLabels) expect(now.get(externalId)).toEqual(labels);
  });

  it('stops after a batch when asked and continues where it was, with the same result', async () => {
    await makeStale();
    await ds().query('UPDATE incident SET mention_count = 0 WHERE workspace_id = $1', [workspace.id]);
    let batches = 0;
    const stopped = await reclassify({ shouldStop: () => ++batches >= 2 });
    expect(stopped.outcome).toBe('stopped');
    expect(stopped.tally.read).toBe(2 * BATCH);
    // Each mention is either still stale or re-labelled in full: never half-written. (A re-labelled one may still
    // be promoted into a cluster by a later batch, as in the live pipeline, so it is not compared with the end.)
    const now = await labelsNow();
    let relabelled = 0;
    for (const row of now.values()) {
      if (row.classifier_version === CLASSIFIER_VERSION) {
        relabelled += 1;
        expect(Object.keys(row.confidence as object).length).toBeGreaterThan(0);
        expect(Object.keys(row.explain as object).length).toBeGreaterThan(0);
        expect(row.severity).not.toBeNull();
      } else {
        expect(row).toMatchObject({
          classifier_version: '0.9.0',
          intent: 'praise',
          severity: 'low',
          confidence: {},
          explain: {},
          incident_key: null,
          campaign_key: null,
        });
      }
    }
    expect(relabelled).toBe(2 * BATCH);
    const [checkpoint] = await ds().query('SELECT after_id::text AS after_id FROM reclassify_checkpoint WHERE workspace_id = $1', [
      workspace.id,
    ]);
    expect(checkpoint.after_id).toBeDefined();

    const resumed = await reclassify();
    expect(resumed).toMatchObject({ outcome: 'relabelled', resumed: true });
    expect(resumed.tally.read).toBe(215);
    const after = await labelsNow();
    for (const [externalId, labels] of pipelineLabels) expect(after.get(externalId)).toEqual(labels);
    await expectCountsFromMentions();
    expect(progress.some((line) => line.includes('continuing the run started'))).toBe(true);
  });

  it('waits for a classify batch in progress, and the live classify stage then continues from the replayed state', async () => {
    await makeStale(`external_id IN ('demo-0001')`);
    const blocker = ds().createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`classify:${workspace.id}`]);
    let finished = false;
    const running = reclassify().then((report) => ((finished = true), report));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(finished).toBe(false);
    expect((await labelsNow()).get('demo-0001')!.classifier_version).toBe('0.9.0');
    await blocker.commitTransaction();
    await blocker.release();
    expect((await running).tally.relabelled).toBe(1);

    // The labeler kept its clusterer in memory; the new generation makes it load the replayed one.
    const loads = jest.spyOn(MentionClusterer, 'fromJSON');
    const mention = parseCorpusMention(JSON.parse(readFileSync(TIMELINE, 'utf8').split('\n')[0]));
    const arrive = (id: string) =>
      ingestBatch(
        ds(),
        { workspaceId: workspace.id, sourceId: null, brandId: null },
        [{ ...mention, externalId: id, threadExternalId: id, author: { ...mention.author, id: `x:${id}` }, raw: null }],
        [],
      );
    try {
      await arrive('late-arrival-1');
      await classifyLive();
      expect(loads).toHaveBeenCalledTimes(1);
      loads.mockClear();
      await arrive('late-arrival-2');
      await classifyLive();
      expect(loads).not.toHaveBeenCalled();
    } finally {
      loads.mockRestore();
      await ds().query(`DELETE FROM mention WHERE workspace_id = $1 AND external_id LIKE 'late-arrival-%'`, [workspace.id]);
    }
  });

  describe('the command', () => {
    let out: string[];
    let err: string[];
    const environment = { ...process.env };

    beforeEach(() => {
      out = [];
      err = [];
      process.env.DATABASE_URL = db.url;
      process.env.OTKLIK_DATA_DIR = mkdtempSync(join(tmpdir(), 'otklik-reclassify-'));
      jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
      jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
    });

    afterEach(() => {
      jest.restoreAllMocks();
      process.env = { ...environment };
    });

    it('prints a summary per workspace', async () => {
      await makeStale(`external_id IN ('demo-0001')`);
      // The batch size of the pipeline run: batch boundaries are part of the context (what was stored before).
      await expect(main(['reclassify', '--workspace', workspace.slug, '--batch', String(BATCH)])).resolves.toBe(0);
      const summary = out.join('');
      expect(summary).toContain(`workspace ${workspace.slug} (Reclassify, ${workspace.id}): `);
      expect(summary).toMatch(/1 re-labelled with classifier /);
      expect(summary).toMatch(/changed: intent \d+, cause \d+, severity \d+, sentiment \d+, incident \d+, campaign \d+/);
      expect(summary).toMatch(/incidents: \d+ created, \d+ updated/);
      expect(err.join('')).toContain('otklik reclassify: ');
    });

    it('refuses an unknown workspace and a bad --since in one line', async () => {
      await expect(main(['reclassify', '--workspace', 'no-such-workspace'])).resolves.toBe(2);
      expect(err.join('')).toContain('otklik reclassify: --workspace: no workspace with id or slug "no-such-workspace"');
      err.length = 0;
      await expect(main(['reclassify', '--since', 'last week'])).resolves.toBe(2);
      expect(err.join('')).toContain('--since: "last week" is not an ISO 8601 time');
    });
  });
});
