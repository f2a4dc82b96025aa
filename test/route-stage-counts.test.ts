/**
 * The route stage's incident and campaign figures on the real database: a mention routed again (as a promoted
 * mention is, after the classify stage re-labels it) is counted once, a mention that changes cluster leaves the
 * old row's count, a merged incident's key attaches to the incident it was merged into, and a mention people
 * attached to a hand-opened incident stays there.
 */
import type { DataSource } from 'typeorm';
import type { MentionInput } from '@otklik/domain';
import { runRouteStage } from '../apps/worker/src/pipeline/route-stage';
import { createWorkspace, ingestPosts, RecordingEventBus } from './escalation/escalation-fixtures';
import { createTestDatabase, type TestDatabase } from './support/test-env';

function post(externalId: string, minute: number, text = 'The app is down again, cannot log in'): MentionInput {
  return {
    externalId,
    channel: 'x',
    lang: 'en',
    publishedAt: new Date(Date.parse('2026-03-02T10:00:00Z') + minute * 60_000).toISOString(),
    isPrivate: false,
    author: {
      id: `x:${externalId}`,
      handle: externalId,
      followers: 100,
      accountCreatedAt: '2019-01-01T00:00:00Z',
      verified: false,
      kind: 'person',
    },
    threadExternalId: externalId,
    inReplyTo: null,
    brand: null,
    text,
  };
}

describe('route stage: incident and campaign counts', () => {
  let db: TestDatabase;
  let workspaceId: string;
  const ds = (): DataSource => db.dataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    workspaceId = await createWorkspace(ds());
    await ingestPosts(
      ds(),
      workspaceId,
      ['m1', 'm2', 'm3', 'm4'].map((id, index) => ({ ...post(id, index), raw: null, reposts: null, likes: null })),
    );
  }, 60_000);

  afterAll(async () => {
    await db.drop();
  });

  /** Gives the mentions classifier keys and sends them (back) to the route stage, then routes. */
  async function route(keys: Record<string, { incident?: string | null; campaign?: string | null }>): Promise<void> {
    for (const [externalId, key] of Object.entries(keys)) {
      await ds().query(
        `UPDATE mention SET incident_key = $3, campaign_key = $4, intent = 'problem', severity = 'high', cause = 'product_defect', sentiment = 'negative',
                stage = 'classified' WHERE workspace_id = $1 AND external_id = $2`,
        [workspaceId, externalId, key.incident ?? null, key.campaign ?? null],
      );
    }
    await runRouteStage(ds(), new RecordingEventBus(), workspaceId, 100);
  }

  const incident = async (key: string) =>
    (
      await ds().query(
        'SELECT id, mention_count, affected_count, merged_into_id FROM incident WHERE workspace_id = $1 AND cluster_key = $2',
        [workspaceId, key],
      )
    )[0];
  const campaign = async (key: string) =>
    (await ds().query('SELECT id, post_count FROM campaign WHERE workspace_id = $1 AND cluster_key = $2', [workspaceId, key]))[0];
  const linkOf = async (externalId: string) =>
    (
      await ds().query('SELECT incident_id, campaign_id FROM mention WHERE workspace_id = $1 AND external_id = $2', [
        workspaceId,
        externalId,
      ])
    )[0];

  it('counts a mention routed again once', async () => {
    await route({ m1: { incident: 'inc-a' }, m2: { incident: 'inc-a' }, m3: { incident: 'inc-a', campaign: 'camp-x' } });
    expect(await incident('inc-a')).toMatchObject({ mention_count: 3, affected_count: 3 });
    expect((await campaign('camp-x')).post_count).toBe(1);

    // Promoted mentions go back to 'classified' with the same keys: routing them again must not count them again.
    await route({ m1: { incident: 'inc-a' }, m2: { incident: 'inc-a' }, m3: { incident: 'inc-a', campaign: 'camp-x' } });
    expect(await incident('inc-a')).toMatchObject({ mention_count: 3, affected_count: 3 });
    expect((await campaign('camp-x')).post_count).toBe(1);
  });

  it('moves the count with a mention that changes cluster', async () => {
    await route({ m3: { incident: 'inc-b', campaign: null } });
    expect((await incident('inc-a')).mention_count).toBe(2);
    expect((await incident('inc-b')).mention_count).toBe(1);
    expect((await campaign('camp-x')).post_count).toBe(0);
    expect(await linkOf('m3')).toEqual({ incident_id: (await incident('inc-b')).id, campaign_id: null });
  });

  it("attaches a merged incident's key to the incident it was merged into", async () => {
    const [a, b] = [await incident('inc-a'), await incident('inc-b')];
    // As the API's merge does: b's mentions move to a, b points at a.
    await ds().query('UPDATE mention SET incident_id = $1 WHERE incident_id = $2', [a.id, b.id]);
    await ds().query('UPDATE incident SET merged_into_id = $1, mention_count = 0 WHERE id = $2', [a.id, b.id]);
    await ds().query('UPDATE incident SET mention_count = (SELECT count(*) FROM mention WHERE incident_id = $1) WHERE id = $1', [a.id]);
    await route({ m4: { incident: 'inc-b' }, m3: { incident: 'inc-b' } });
    expect(await linkOf('m4')).toMatchObject({ incident_id: a.id });
    expect(await linkOf('m3')).toMatchObject({ incident_id: a.id });
    expect(await incident('inc-a')).toMatchObject({ mention_count: 4 });
    expect(await incident('inc-b')).toMatchObject({ mention_count: 0, merged_into_id: a.id });
  });

  it('keeps a mention people attached to a hand-opened incident there', async () => {
    const [manual] = await ds().query(
      `INSERT INTO incident (workspace_id, title, mention_count) VALUES ($1, 'opened by hand', 1) RETURNING id`,
      [workspaceId],
    );
    await ds().query('UPDATE mention SET incident_id = $1 WHERE workspace_id = $2 AND external_id = $3', [manual.id, workspaceId, 'm1']);
    await ds().query('UPDATE incident SET mention_count = mention_count - 1 WHERE workspace_id = $1 AND cluster_key = $2', [
      workspaceId,
      'inc-a',
    ]);
    await route({ m1: { incident: 'inc-a' } });
    expect(await linkOf('m1')).toMatchObject({ incident_id: manual.id });
    expect((await ds().query('SELECT mention_count FROM incident WHERE id = $1', [manual.id]))[0].mention_count).toBe(1);
    expect((await incident('inc-a')).mention_count).toBe(3);
  });
});
