import type { EntityManager } from 'typeorm';
import type { MentionLabels } from '@otklik/domain';
import type { StoredMention } from '@otklik/persistence';

/** A stored mention waiting for labels, with what the database knows of its author and thread. */
export type PendingMention = StoredMention;

/**
 * What the classify stage asks of a classifier. `label` sees a batch in arrival order and may read context
 * (thread parents, the author's history) through the manager, inside the stage's transaction. A per-mention
 * Error dead-letters that mention alone.
 */
export interface MentionLabeler {
  readonly version: string | null;
  label(workspaceId: string, batch: PendingMention[], manager: EntityManager): Promise<(MentionLabels | null | Error)[]>;
}

export const MENTION_LABELER = Symbol('MENTION_LABELER');
