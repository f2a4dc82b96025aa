/**
 * The classify stage's labeler: libs/classifier with the context the database knows (GUIDE §2): the thread's
 * root and the direct parent with their labels, the thread's size, the author's earlier mentions left
 * unanswered, and the workspace's streaming incident/campaign clusterer.
 *
 * The clusterer is kept in memory per workspace and persisted (at most every `persistEveryMs`) to
 * classifier_state; a process that finds the stored state ahead of its own, or replaced by a re-labelling run
 * (`otklik reclassify` bumps its generation), reloads it, so several workers can take turns on a workspace.
 * The labelling itself (libs/classifier labelBatch over the context libs/persistence reads) is shared with
 * `otklik reclassify`. A mention that a later one promotes into a new incident or campaign is re-labelled
 * with that cluster and sent back to routing (the classify stage routes it with the batch, linking it to the
 * incident row).
 */
import type { EntityManager } from 'typeorm';
import { CLASSIFIER_VERSION, classifyMention, labelBatch, MentionAnalyzer, MentionClusterer } from '@otklik/classifier';
import type { MentionLabels } from '@otklik/domain';
import { readLabellingContexts, relabelPromoted, writePromotedLabels } from '@otklik/persistence';
import type { MentionLabeler, PendingMention } from './labeler';

interface CachedClusterer {
  clusterer: MentionClusterer;
  lastId: number;
  persistedAt: number;
  /** classifier_state.generation it was loaded at: another generation was written by a re-labelling run. */
  generation: number;
}

export class ClassifierLabeler implements MentionLabeler {
  readonly version = CLASSIFIER_VERSION;
  private readonly analyzer = new MentionAnalyzer();
  private readonly clusterers = new Map<string, CachedClusterer>();

  constructor(private readonly persistEveryMs = 2_000) {}

  async label(workspaceId: string, batch: PendingMention[], manager: EntityManager): Promise<(MentionLabels | Error)[]> {
    const cached = await this.clustererFor(workspaceId, manager);
    const contexts = await readLabellingContexts(manager, workspaceId, batch);
    const { results, promotedEarlier } = labelBatch(batch, contexts, cached.clusterer, this.analyzer);
    if (promotedEarlier.length > 0) {
      // Earlier mentions promoted into a new cluster: re-label them and send them back to routing ('classified').
      const relabels = await relabelPromoted(manager, workspaceId, promotedEarlier, (mention, context) =>
        classifyMention(mention, context, this.analyzer),
      );
      await writePromotedLabels(manager, relabels, { requeue: true });
    }
    cached.lastId = Math.max(cached.lastId, ...batch.map((mention) => Number(mention.id)));
    if (Date.now() - cached.persistedAt >= this.persistEveryMs) await this.persist(workspaceId, cached, manager);
    return results;
  }

  private async clustererFor(workspaceId: string, manager: EntityManager): Promise<CachedClusterer> {
    const cached = this.clusterers.get(workspaceId);
    const [stored] = await manager.query(
      'SELECT last_mention_id::bigint AS last_id, classifier_version, generation FROM classifier_state WHERE workspace_id = $1',
      [workspaceId],
    );
    const storedLast = stored && stored.classifier_version === CLASSIFIER_VERSION ? Number(stored.last_id) : -1;
    const generation: number = stored?.generation ?? 0;
    if (cached && cached.lastId >= storedLast && cached.generation === generation) return cached;
    let clusterer = new MentionClusterer();
    if (storedLast >= 0) {
      const [row] = await manager.query('SELECT state FROM classifier_state WHERE workspace_id = $1', [workspaceId]);
      try {
        clusterer = MentionClusterer.fromJSON(row.state);
      } catch {
        clusterer = new MentionClusterer(); // an unreadable state costs clustering memory, never a mention
      }
    }
    const fresh = { clusterer, lastId: Math.max(storedLast, 0), persistedAt: Date.now(), generation };
    this.clusterers.set(workspaceId, fresh);
    return fresh;
  }

  private async persist(workspaceId: string, cached: CachedClusterer, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO classifier_state (workspace_id, classifier_version, last_mention_id, state, updated_at) VALUES ($1, $2, $3, $4::jsonb, now())
       ON CONFLICT (workspace_id) DO UPDATE SET classifier_version = EXCLUDED.classifier_version, last_mention_id = EXCLUDED.last_mention_id,
         state = EXCLUDED.state, updated_at = now()`,
      [workspaceId, CLASSIFIER_VERSION, cached.lastId, JSON.stringify(cached.clusterer.toJSON())],
    );
    cached.persistedAt = Date.now();
  }
}
