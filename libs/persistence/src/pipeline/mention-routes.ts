/**
 * Routing as stored on mention rows (priority, SLA due time, the inbox lane, incident and campaign links, stage
 * 'routed'): alone, for mentions labelled earlier (the route stage), or together with their labels in one
 * statement (the classify stage routes the batch it labels: one write per mention after ingest).
 */
import type { EntityManager } from 'typeorm';
import { updateMentionBatch, type BatchPart } from './mention-batch-update';
import { labelsPart, type LabelledMention } from './mention-labels';

/** Where routing puts a mention. */
export interface MentionRoute {
  id: string;
  priority: number;
  slaDueAt: Date;
  /** The status a new mention takes ('new', or 'do_not_engage' for black PR); a status people set stays. */
  lane: string;
  incidentId: string | null;
  campaignId: string | null;
}

/** The routing columns of a batch UPDATE, for `routes` in order; the mentions move on to 'routed'. */
export function routesPart(routes: MentionRoute[]): BatchPart {
  return {
    inputs: [
      { name: 'priority', type: 'int', values: routes.map((route) => route.priority) },
      { name: 'due', type: 'timestamptz', values: routes.map((route) => route.slaDueAt) },
      { name: 'lane', type: 'text', values: routes.map((route) => route.lane) },
      { name: 'incident_id', type: 'uuid', values: routes.map((route) => route.incidentId) },
      { name: 'campaign_id', type: 'uuid', values: routes.map((route) => route.campaignId) },
    ],
    sets: [
      ['priority', 'v.priority'],
      ['sla_due_at', 'v.due'],
      ['status', "CASE WHEN m.status = 'new' THEN v.lane ELSE m.status END"],
      ['incident_id', 'v.incident_id'],
      ['campaign_id', 'v.campaign_id'],
      ['stage', "'routed'"],
      ['stage_at', 'now()'],
    ],
  };
}

/** Stores the routes of mentions whose labels are already stored. */
export async function writeMentionRoutes(manager: Pick<EntityManager, 'query'>, routes: MentionRoute[]): Promise<void> {
  await updateMentionBatch(
    manager,
    routes.map((route) => route.id),
    [routesPart(routes)],
  );
}

/** Stores labels and routes of the same mentions in one statement. */
export async function writeLabelledRoutes(
  manager: Pick<EntityManager, 'query'>,
  version: string | null,
  rows: (LabelledMention & MentionRoute)[],
): Promise<void> {
  await updateMentionBatch(
    manager,
    rows.map((row) => row.id),
    [labelsPart(version, rows), routesPart(rows)],
  );
}
