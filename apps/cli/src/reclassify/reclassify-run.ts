/**
 * `otklik reclassify` for one workspace: re-labels stored mentions with the current classifier, as the classify
 * stage would label them, and re-links them to incident and campaign rows.
 *
 * - Range: by default from the earliest mention labelled by another classifier version (or never labelled),
 *   with `all` from the first mention; `since` moves the start later. Mentions still waiting for the classify
 *   stage, and failed ones, are left to the pipeline.
 * - Every mention of the range is replayed in time order (published_at, id) through the labelling the classify
 *   stage uses (thread and author context from the database, libs/classifier labelBatch) and a fresh
 *   MentionClusterer, so labels and incident and campaign ids come out as the pipeline gives them. Labels are
 *   stored batch by batch, as the classify stage stores them (later mentions read them as context); a row is
 *   written only where something differs, so a run over unchanged labels writes nothing.
 * - Links to incident and campaign rows (and the inbox priority and lane the labels give) trail the labels by
 *   the clusterer's promotion horizon: a mention is linked once no later mention can still promote it into a
 *   cluster, so rows are not emptied and refilled on the way. Touched rows are recounted from their mentions;
 *   rows left empty are deleted unless people were told of them or worked on them, and a new cluster taking
 *   over the mentions of an incident people worked on is attached to it (libs/persistence cluster-links.ts).
 *   Alerts are never raised from here.
 * - One transaction per batch, under the advisory locks of the workspace's classify and route stages (the live
 *   pipeline waits, or is re-woken by the sweeper), with a checkpoint (both positions, clustering state,
 *   tallies) in the same transaction: a stopped run leaves each mention old- or new-labelled, never half, and
 *   the next run continues where it was.
 * - Finally the clustering state replaces the live one (classifier_state, next generation), so the classify
 *   stage continues from the re-labelled history.
 * A dry run does all of it and rolls every transaction back; its later batches therefore read the earlier
 * ones' labels as stored before the run (thread and author context), so its figures can differ slightly from a
 * real run's.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { CLASSIFIER_VERSION, classifyMention, labelBatch, MentionAnalyzer, MentionClusterer } from '@otklik/classifier';
import { laneOf, type MentionLabels, type Severity } from '@otklik/domain';
import {
  linkClusters,
  PIPELINE_LOCK_ORDER,
  pipelineLock,
  priorityOfRow,
  readLabellingContexts,
  recountClusters,
  relabelPromoted,
  removeEmptiedClusters,
  selectStoredMentions,
  storedLabelsOf,
  writeMentionLabels,
  writePromotedLabels,
  type ClusterLinks,
  type ClusterMember,
  type RoutingRow,
} from '@otklik/persistence';
import { labelsPrint, RelabelTally, type LabelValues, type StoredLabels, type TallyState } from './relabel-tally';

export interface WorkspaceRef {
  id: string;
  slug: string;
  name: string;
}

export interface RunOptions {
  all: boolean;
  since: Date | null;
  dryRun: boolean;
  batchSize: number;
  /** Asked after each batch: stop there (Ctrl-C); the checkpoint lets the next run continue. */
  shouldStop?: () => boolean;
}

export interface WorkspaceReport {
  workspace: WorkspaceRef;
  /**
   * `up-to-date`: no mention labelled by another version (default range); `empty`: nothing stored in range;
   * `stopped`: asked to stop before the end (the next run continues).
   */
  outcome: 'relabelled' | 'up-to-date' | 'empty' | 'stopped';
  resumed: boolean;
  /** Where the range started (null: the first mention). */
  from: Date | null;
  tally: TallyState;
}

interface Scope {
  all: boolean;
  since: string | null;
  from: string | null;
}

/** A position in (published_at, id) order: published_at exactly as stored (text), and the id. */
interface Cursor {
  at: string;
  id: string;
}

interface StoredState extends StoredLabels {
  id: string;
  published_at: Date;
}

/** What the run computed for a mention it has not linked yet (a dry run cannot read it back). */
interface Pending {
  at: number;
  labels: StoredLabels;
  /** What routing ranks by, as stored before the run: the priority and lane follow only a change of these. */
  routedBy: string;
}

/** The labels routing reads (priority, lane). */
function routedBy(labels: Pick<StoredLabels, 'severity' | 'cause' | 'intent' | 'critical_data'>): string {
  return JSON.stringify([labels.severity, labels.cause, labels.intent, labels.critical_data]);
}

/** What a batch carries to the next: positions, clustering state (JSON), tallies, computed labels not yet linked. */
interface RunState {
  read: Cursor | null;
  linked: Cursor | null;
  clusterer: string;
  tally: RelabelTally;
  pending: Map<string, Pending>;
}

interface CheckpointRow {
  classifier_version: string;
  scope: Scope;
  after_published_at: string;
  after_id: string;
  linked_published_at: string | null;
  linked_id: string | null;
  state: unknown;
  tally: TallyState;
  started_at: Date;
}

/** Deadlock and serialization failure: the batch is retried from the last committed state. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;
const PROGRESS_EVERY_MS = 2_000;
const STORED_LABELS = `m.intent, m.cause, m.severity, m.sentiment, m.pii, m.pii_spans, m.critical_data, m.confidence, m.explain,
  m.incident_key, m.campaign_key, m.classifier_version`;

class DryRunRollback extends Error {}

/** Labels as this run stores them (the batch write's own mapping), for its tally and dry-run print. */
function labelsOf(labels: MentionLabels): StoredLabels {
  return storedLabelsOf(labels, CLASSIFIER_VERSION);
}

/** What a promotion re-writes (personal and critical data and the version stay: writePromotedLabels). */
function promotedOver(base: StoredLabels, labels: MentionLabels): StoredLabels {
  const { intent, cause, severity, sentiment, confidence, explain, incident_key, campaign_key } = labelsOf(labels);
  return { ...base, intent, cause, severity, sentiment, confidence, explain, incident_key, campaign_key };
}

function tracked(labels: StoredLabels): LabelValues {
  return {
    intent: labels.intent,
    cause: labels.cause,
    severity: labels.severity,
    sentiment: labels.sentiment,
    incident: labels.incident_key,
    campaign: labels.campaign_key,
  };
}

async function storedStates(manager: Pick<EntityManager, 'query'>, ids: string[]): Promise<Map<string, StoredState>> {
  if (ids.length === 0) return new Map();
  const rows: StoredState[] = await manager.query(
    `SELECT m.id::text AS id, m.published_at, ${STORED_LABELS} FROM mention m WHERE m.id = ANY($1::bigint[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Stores the members' new links; a routed mention whose labels that routing reads changed (`rerouted`) also
 * gets the priority they give and, if nobody triaged it yet (status new), the lane (black PR: do not engage).
 * A status people set is never changed, and the SLA clock already running is not moved.
 */
async function relinkMentions(
  manager: Pick<EntityManager, 'query'>,
  members: (ClusterMember & RoutingRow & { rerouted: boolean })[],
  links: ClusterLinks,
): Promise<void> {
  if (members.length === 0) return;
  const priority = "CASE WHEN m.stage = 'routed' AND v.rerouted THEN v.priority ELSE m.priority END";
  const status = "CASE WHEN m.stage = 'routed' AND v.rerouted AND m.status = 'new' THEN v.lane ELSE m.status END";
  await manager.query(
    `UPDATE mention m SET incident_id = v.incident_id, campaign_id = v.campaign_id, priority = ${priority}, status = ${status}
       FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::boolean[]) AS v(id, incident_id, campaign_id, priority, lane, rerouted)
      WHERE m.id = v.id AND (m.incident_id, m.campaign_id, m.priority, m.status) IS DISTINCT FROM (v.incident_id, v.campaign_id, ${priority}, ${status})`,
    [
      members.map((member) => member.id),
      members.map((member) => links.incidentOf.get(member.id) ?? null),
      members.map((member) => links.campaignOf.get(member.id) ?? null),
      members.map(priorityOfRow),
      members.map((member) => laneOf(member.cause)),
      members.map((member) => member.rerouted),
    ],
  );
}

/** Runs `work` in a transaction, rolled back when `rollback` (a dry run) but with its result kept. */
async function inTransaction<T>(dataSource: DataSource, rollback: boolean, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!rollback) return dataSource.transaction(work);
  let result: { value: T } | null = null;
  try {
    await dataSource.transaction(async (manager) => {
      result = { value: await work(manager) };
      throw new DryRunRollback('dry run');
    });
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return (result as { value: T } | null)!.value;
}

const present = <T>(values: Iterable<T | null | undefined>) =>
  [...values].filter((value): value is T => value !== null && value !== undefined);

export class WorkspaceReclassifier {
  private readonly analyzer = new MentionAnalyzer();
  private readonly horizonMs = new MentionClusterer().promotionHorizonMs;
  private readonly scope: Omit<Scope, 'from'>;
  private lastProgress = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly workspace: WorkspaceRef,
    private readonly options: RunOptions,
    private readonly progress: (line: string) => void,
  ) {
    this.scope = { all: options.all, since: options.since?.toISOString() ?? null };
  }

  async run(): Promise<WorkspaceReport> {
    const workspaceId = this.workspace.id;
    const [checkpoint]: CheckpointRow[] = await this.dataSource.query(
      `SELECT classifier_version, scope, after_published_at::text AS after_published_at, after_id::text AS after_id,
              linked_published_at::text AS linked_published_at, linked_id::text AS linked_id, state, tally, started_at
         FROM reclassify_checkpoint WHERE workspace_id = $1`,
      [workspaceId],
    );
    let from: string | null;
    let run: RunState;
    let startedAt = new Date();
    const resumable =
      checkpoint &&
      checkpoint.classifier_version === CLASSIFIER_VERSION &&
      checkpoint.scope.all === this.scope.all &&
      checkpoint.scope.since === this.scope.since;
    if (resumable) {
      from = checkpoint.scope.from;
      run = {
        read: { at: checkpoint.after_published_at, id: checkpoint.after_id },
        linked:
          checkpoint.linked_published_at && checkpoint.linked_id ? { at: checkpoint.linked_published_at, id: checkpoint.linked_id } : null,
        clusterer: JSON.stringify(checkpoint.state),
        tally: new RelabelTally(this.horizonMs, checkpoint.tally),
        pending: new Map(),
      };
      startedAt = checkpoint.started_at;
      this.progress(
        `${this.workspace.slug}: continuing the run started ${startedAt.toISOString()}, after the mention published ${run.read!.at} (id ${run.read!.id})`,
      );
    } else {
      if (checkpoint)
        this.progress(
          `${this.workspace.slug}: a stopped run with other options or classifier ${checkpoint.classifier_version} is discarded; starting over`,
        );
      from = this.options.all ? this.scope.since : await this.firstOutdated();
      if (!this.options.all && from === null) {
        if (checkpoint && !this.options.dryRun)
          await this.dataSource.query('DELETE FROM reclassify_checkpoint WHERE workspace_id = $1', [workspaceId]);
        return {
          workspace: this.workspace,
          outcome: 'up-to-date',
          resumed: false,
          from: null,
          tally: new RelabelTally(this.horizonMs).summary(),
        };
      }
      run = {
        read: null,
        linked: null,
        clusterer: JSON.stringify(new MentionClusterer().toJSON()),
        tally: new RelabelTally(this.horizonMs),
        pending: new Map(),
      };
    }
    this.progress(
      `${this.workspace.slug}: re-labelling mentions published ${from ? `from ${from}` : 'from the first one'} with classifier ${CLASSIFIER_VERSION}${this.options.dryRun ? ' (dry run)' : ''}`,
    );
    const scope: Scope = { ...this.scope, from };
    const report = (outcome: WorkspaceReport['outcome']): WorkspaceReport => ({
      workspace: this.workspace,
      outcome,
      resumed: Boolean(resumable),
      from: from ? new Date(from) : null,
      tally: run.tally.summary(),
    });
    for (;;) {
      const step = await this.batchWithRetries(scope, run, startedAt);
      run = step.run;
      if (step.done) return report(run.tally.summary().read === 0 ? 'empty' : 'relabelled');
      this.report(run);
      if (this.options.shouldStop?.()) return report('stopped');
    }
  }

  private report(run: RunState): void {
    if (Date.now() - this.lastProgress < PROGRESS_EVERY_MS) return;
    this.lastProgress = Date.now();
    const { read, relabelled } = run.tally.summary();
    this.progress(`${this.workspace.slug}: ${read} mentions read, ${relabelled} re-labelled, up to ${run.read?.at ?? 'the start'}`);
  }

  /** The earliest mention (published_at, as stored) labelled by another classifier version, or null. */
  private async firstOutdated(): Promise<string | null> {
    const [row]: { first: string | null }[] = await this.dataSource.query(
      `SELECT min(published_at)::text AS first FROM mention
        WHERE workspace_id = $1 AND stage IN ('classified', 'routed') AND classifier_version IS DISTINCT FROM $2 AND published_at >= COALESCE($3::timestamptz, '-infinity')`,
      [this.workspace.id, CLASSIFIER_VERSION, this.scope.since],
    );
    return row?.first ?? null;
  }

  private async batchWithRetries(scope: Scope, committed: RunState, startedAt: Date): Promise<{ done: boolean; run: RunState }> {
    for (let attempt = 1; ; attempt += 1) {
      // Each attempt works on a copy of the last committed state.
      const run: RunState = {
        ...committed,
        tally: committed.tally.clone(),
        pending: new Map([...committed.pending].map(([id, pending]) => [id, { ...pending, labels: { ...pending.labels } }])),
      };
      try {
        const done = await inTransaction(this.dataSource, this.options.dryRun, (manager) => this.batch(manager, scope, run, startedAt));
        return { done, run };
      } catch (error) {
        const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
        if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
        this.progress(
          `${this.workspace.slug}: the batch after ${committed.read?.at ?? 'the start'} ran into a concurrent change (${code}); retrying`,
        );
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }

  /** One batch in one transaction; updates `run`; true when the range is done. */
  private async batch(manager: EntityManager, scope: Scope, run: RunState, startedAt: Date): Promise<boolean> {
    const workspaceId = this.workspace.id;
    // The live stages' own locks, in their order (classify, then route): no batch of theirs runs meanwhile.
    for (const stage of PIPELINE_LOCK_ORDER)
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [pipelineLock(stage, workspaceId)]);
    const clusterer = MentionClusterer.fromJSON(JSON.parse(run.clusterer));
    const keys = await this.keysAfter(manager, run.read ?? this.start(scope), this.options.batchSize);
    const last = keys[keys.length - 1];
    if (last) {
      await this.label(manager, keys, clusterer, run);
      run.read = { at: last.published_at, id: last.id };
      run.clusterer = JSON.stringify(clusterer.toJSON());
    }
    // Link what no later mention can promote any more (the clusterer's clock is the latest time read); at the
    // end, everything read.
    await this.link(manager, scope, run, last ? last.at_ms - this.horizonMs : Infinity);
    if (last) run.tally.forget(last.at_ms);
    if (!last) {
      await this.finish(manager, clusterer, run.tally);
      return true;
    }
    await manager.query(
      `INSERT INTO reclassify_checkpoint (workspace_id, classifier_version, scope, after_published_at, after_id, linked_published_at, linked_id, state, tally, started_at, updated_at)
       VALUES ($1, $2, $3::jsonb, $4::timestamptz, $5, $6::timestamptz, $7, $8::jsonb, $9::jsonb, $10, now())
       ON CONFLICT (workspace_id) DO UPDATE SET classifier_version = EXCLUDED.classifier_version, scope = EXCLUDED.scope,
         after_published_at = EXCLUDED.after_published_at, after_id = EXCLUDED.after_id, linked_published_at = EXCLUDED.linked_published_at,
         linked_id = EXCLUDED.linked_id, state = EXCLUDED.state, tally = EXCLUDED.tally, started_at = EXCLUDED.started_at, updated_at = now()`,
      [
        workspaceId,
        CLASSIFIER_VERSION,
        JSON.stringify(scope),
        run.read!.at,
        run.read!.id,
        run.linked?.at ?? null,
        run.linked?.id ?? null,
        run.clusterer,
        JSON.stringify(run.tally.toJSON()),
        startedAt,
      ],
    );
    return false;
  }

  /** Labels the batch as the classify stage would, storing the labels (and a promotion's, for earlier mentions). */
  private async label(manager: EntityManager, keys: { id: string }[], clusterer: MentionClusterer, run: RunState): Promise<void> {
    const workspaceId = this.workspace.id;
    const ids = keys.map((key) => key.id);
    const before = await storedStates(manager, ids);
    // Under the stages' locks nothing moves these rows; only a deleted workspace takes them away.
    const batch = (await selectStoredMentions(manager, 'm.id = ANY($1::bigint[]) ORDER BY m.published_at, m.id', [ids])).filter((mention) =>
      before.has(mention.id),
    );
    for (const mention of batch) {
      const stored = before.get(mention.id)!;
      run.tally.read(mention.id, Date.parse(mention.publishedAt), tracked(stored), labelsPrint(stored));
    }
    const contexts = await readLabellingContexts(manager, workspaceId, batch);
    const { results, promotedEarlier } = labelBatch(batch, contexts, clusterer, this.analyzer);
    const labelled: { id: string; labels: MentionLabels }[] = [];
    results.forEach((result, index) => {
      const mention = batch[index];
      if (!(result instanceof Error)) {
        labelled.push({ id: mention.id, labels: result });
        return;
      }
      run.tally.failed();
      this.progress(
        `${this.workspace.slug}: mention ${mention.id} (${mention.channel} ${mention.externalId}) cannot be classified, left as it was: ${result.message}`,
      );
    });
    await writeMentionLabels(manager, CLASSIFIER_VERSION, labelled);
    for (const { id, labels } of labelled) {
      const now = labelsOf(labels);
      run.pending.set(id, { at: before.get(id)!.published_at.getTime(), labels: now, routedBy: routedBy(before.get(id)!) });
      run.tally.labelled(id, tracked(now), labelsPrint(now));
    }
    if (promotedEarlier.length === 0) return;
    // Earlier mentions a mention of this batch promoted into a new cluster: re-labelled where stored.
    const relabels = await relabelPromoted(manager, workspaceId, promotedEarlier, (mention, context) =>
      classifyMention(mention, context, this.analyzer),
    );
    const promotedBefore = await storedStates(
      manager,
      relabels.map((relabel) => relabel.id),
    );
    await writePromotedLabels(manager, relabels, { requeue: false });
    for (const relabel of relabels) {
      const stored = promotedBefore.get(relabel.id)!;
      const earlier = run.pending.get(relabel.id);
      const now = promotedOver(earlier?.labels ?? stored, relabel.labels);
      run.tally.remember(relabel.id, stored.published_at.getTime(), tracked(stored), labelsPrint(stored));
      run.tally.labelled(relabel.id, tracked(now), labelsPrint(now));
      run.pending.set(relabel.id, { at: stored.published_at.getTime(), labels: now, routedBy: earlier?.routedBy ?? routedBy(stored) });
    }
  }

  /**
   * Links the mentions read and not linked yet that were published before `until` to their incident and
   * campaign rows, with their priority and lane, then recounts and settles the rows touched.
   */
  private async link(manager: EntityManager, scope: Scope, run: RunState, until: number): Promise<void> {
    if (!run.read) return;
    const window = await this.keysAfter(
      manager,
      run.linked ?? this.start(scope),
      null,
      run.read,
      until === Infinity ? null : new Date(until),
    );
    if (window.length === 0) return;
    const keys = window.map((key) => key.id);
    const rows: (StoredLabels &
      RoutingRow & { id: string; published_at: Date; text: string; incident_id: string | null; campaign_id: string | null })[] =
      await manager.query(
        `SELECT m.id::text AS id, m.published_at, m.text, m.incident_id, m.campaign_id, m.is_private, a.followers, a.verified, a.kind, ${STORED_LABELS}
           FROM mention m JOIN author a ON a.id = m.author_id
          WHERE m.id = ANY($1::bigint[]) ORDER BY m.published_at, m.id`,
        [keys],
      );
    const members = rows.map((row) => {
      const pending = run.pending.get(row.id);
      // Stored labels (this run's, or what the live stage wrote since); a dry run rolled its writes back, so it
      // links by what it computed.
      const labels = (this.options.dryRun ? pending?.labels : undefined) ?? row;
      return {
        ...row,
        // Not known after a resumed run's checkpoint: ranked again from the labels it has.
        rerouted: pending === undefined || pending.routedBy !== routedBy(labels),
        severity: labels.severity as Severity | null,
        cause: labels.cause,
        intent: labels.intent,
        critical_data: labels.critical_data,
        incident_key: labels.incident_key,
        campaign_key: labels.campaign_key,
      };
    });
    const links = await linkClusters(manager, this.workspace.id, members, { handOver: true });
    await relinkMentions(manager, members, links);
    await this.settleClusters(manager, members, links, run.tally);
    for (const id of keys) run.pending.delete(id);
    const last = window[window.length - 1];
    run.linked = { at: last.published_at, id: last.id };
  }

  private start(scope: Scope): Cursor {
    return { at: scope.from ?? '-infinity', id: '0' };
  }

  /**
   * Ids after `after` in (published_at, id) order, at most `limit`, up to `upTo` (inclusive) and published before
   * `before`: routed mentions by their index, plus the few in transit to routing.
   */
  private async keysAfter(
    manager: EntityManager,
    after: Cursor,
    limit: number | null,
    upTo: Cursor | null = null,
    before: Date | null = null,
  ): Promise<{ id: string; published_at: string; at_ms: number }[]> {
    const bounds = `published_at >= $2::timestamptz AND (published_at, id) > ($2::timestamptz, $3::bigint)
      AND ($5::timestamptz IS NULL OR (published_at, id) <= ($5::timestamptz, $6::bigint)) AND ($7::timestamptz IS NULL OR published_at < $7::timestamptz)`;
    return manager.query(
      `SELECT k.id::text AS id, k.published_at::text AS published_at, (extract(epoch FROM k.published_at) * 1000)::float8 AS at_ms FROM (
         (SELECT id, published_at FROM mention WHERE workspace_id = $1 AND stage = 'routed' AND ${bounds} ORDER BY published_at, id LIMIT $4)
         UNION ALL
         (SELECT id, published_at FROM mention WHERE workspace_id = $1 AND stage = 'classified' AND ${bounds})
       ) k ORDER BY k.published_at, k.id LIMIT $4`,
      [this.workspace.id, after.at, after.id, limit, upTo?.at ?? null, upTo?.id ?? null, before?.toISOString() ?? null],
    );
  }

  /** Recounts every incident and campaign row the links touched, removes the emptied ones nobody knew of, and tallies. */
  private async settleClusters(manager: EntityManager, members: ClusterMember[], links: ClusterLinks, tally: RelabelTally): Promise<void> {
    const incidents = new Set(present([...members.map((member) => member.incident_id), ...links.incidentOf.values()]));
    const campaigns = new Set(present([...members.map((member) => member.campaign_id), ...links.campaignOf.values()]));
    const rows: { id: string; ref: string }[] = await manager.query(
      `SELECT id, COALESCE(cluster_key, id::text) AS ref FROM incident WHERE id = ANY($1::uuid[])
       UNION ALL SELECT id, cluster_key FROM campaign WHERE id = ANY($2::uuid[])`,
      [[...incidents], [...campaigns]],
    );
    const refs = new Map(rows.map((row) => [row.id, row.ref]));
    const ref = (id: string) => refs.get(id) ?? id;
    const recounted = await recountClusters(manager, incidents, campaigns);
    const emptied = await removeEmptiedClusters(manager, incidents, campaigns);
    for (const [key, incidentId] of links.handedOver) {
      await manager.query(
        `INSERT INTO audit_log (workspace_id, actor_id, action, target_type, target_id, details) VALUES ($1, NULL, 'incident.cluster_attached', 'incident', $2, $3::jsonb)`,
        [
          this.workspace.id,
          incidentId,
          JSON.stringify({ clusterKey: key, by: 'otklik reclassify', classifierVersion: CLASSIFIER_VERSION }),
        ],
      );
    }
    tally.incident(
      'created',
      [...links.createdIncidents.keys()].filter((key) => !links.handedOver.has(key)),
    );
    tally.incident('attached', links.handedOver.keys());
    tally.incident('updated', recounted.incidents.map(ref));
    tally.incident('deleted', emptied.deletedIncidents.map(ref));
    tally.incident('kept', emptied.keptIncidents.map(ref));
    tally.campaign('created', links.createdCampaigns.keys());
    tally.campaign('updated', recounted.campaigns.map(ref));
    tally.campaign('deleted', emptied.deletedCampaigns.map(ref));
    tally.campaign('kept', emptied.keptCampaigns.map(ref));
  }

  /** The range is done: the replayed clustering state becomes the live one, the checkpoint goes, the audit log says so. */
  private async finish(manager: EntityManager, clusterer: MentionClusterer, tally: RelabelTally): Promise<void> {
    const workspaceId = this.workspace.id;
    await manager.query('DELETE FROM reclassify_checkpoint WHERE workspace_id = $1', [workspaceId]);
    const summary = tally.summary();
    if (summary.read === 0) return; // nothing replayed: the live state knows more than an empty one
    const [last]: { id: string | null }[] = await manager.query(
      `SELECT max(id)::text AS id FROM mention WHERE workspace_id = $1 AND stage <> 'ingested'`,
      [workspaceId],
    );
    await manager.query(
      `INSERT INTO classifier_state (workspace_id, classifier_version, last_mention_id, state, generation, updated_at) VALUES ($1, $2, $3, $4::jsonb, 1, now())
       ON CONFLICT (workspace_id) DO UPDATE SET classifier_version = EXCLUDED.classifier_version, last_mention_id = EXCLUDED.last_mention_id,
         state = EXCLUDED.state, generation = classifier_state.generation + 1, updated_at = now()`,
      [workspaceId, CLASSIFIER_VERSION, last?.id ?? '0', JSON.stringify(clusterer.toJSON())],
    );
    const details = {
      classifierVersion: CLASSIFIER_VERSION,
      all: this.scope.all,
      since: this.scope.since,
      read: summary.read,
      relabelled: summary.relabelled,
      failed: summary.failed,
      changed: summary.changed,
    };
    await manager.query(
      `INSERT INTO audit_log (workspace_id, actor_id, action, target_type, target_id, details) VALUES ($1, NULL, 'mentions.reclassified', 'workspace', $2, $3::jsonb)`,
      [workspaceId, workspaceId, JSON.stringify(details)],
    );
  }
}
