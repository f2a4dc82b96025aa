import type { EntityManager } from 'typeorm';

/** What a route batch moved on: its mentions and the incident and campaign rows it touched. */
export interface RoutedBatch {
  mentionIds: string[];
  incidentIds: string[];
  campaignIds: string[];
}

/**
 * A step routing runs inside its batch transaction (the classify stage's, or the route stage's), after the
 * mentions are routed. It may return work for after the commit (events, enqueues), which must never undo or
 * repeat the batch if it fails.
 */
export interface RouteFollowUp {
  onRouted(manager: EntityManager, workspaceId: string, batch: RoutedBatch): Promise<(() => Promise<void>) | null>;
}
