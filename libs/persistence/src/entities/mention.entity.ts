import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PiiSpan, StoredExplanations } from '@otklik/domain';

/** Where a mention stands in the pipeline; rows not yet `routed` are the durable outbox the sweeper watches. */
export const PIPELINE_STAGES = ['ingested', 'classified', 'routed', 'failed'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const MENTION_STATUSES = ['new', 'open', 'pending', 'resolved', 'spam', 'do_not_engage'] as const;
export type MentionStatus = (typeof MENTION_STATUSES)[number];

/**
 * One public post or private message about a brand. Unique per (workspace, channel, external_id): the
 * natural key makes every stage idempotent. Indexes live in the migration (partial and composite ones).
 */
@Entity('mention')
export class MentionEntity {
  /** Insertion order, which is each source's arrival order. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('uuid', { name: 'source_id', nullable: true }) sourceId: string | null;
  @Column('uuid', { name: 'brand_id', nullable: true }) brandId: string | null;
  @Column('text') channel: string;
  @Column('text', { name: 'external_id' }) externalId: string;
  @Column('uuid', { name: 'thread_id' }) threadId: string;
  @Column('text', { name: 'in_reply_to', nullable: true }) inReplyTo: string | null;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('text', { nullable: true }) lang: string | null;
  @Column('text') text: string;
  @Column('text', { nullable: true }) url: string | null;
  @Column('boolean', { name: 'is_private', default: false }) isPrivate: boolean;
  @Column('int', { nullable: true }) reposts: number | null;
  @Column('int', { nullable: true }) likes: number | null;
  @Column('timestamptz', { name: 'published_at' }) publishedAt: Date;
  @Column('timestamptz', { name: 'ingested_at', default: () => 'now()' }) ingestedAt: Date;
  /** The platform's payload as received. */
  @Column('jsonb', { nullable: true }) raw: unknown;
  /** `owned`: from the brand's own space (community, inbox, app page); `search`: found by a search; null: not said. */
  @Column('text', { nullable: true }) origin: 'search' | 'owned' | null;

  // Labels (null until the classifier has run; never invented).
  @Column('text', { nullable: true }) intent: string | null;
  @Column('text', { nullable: true }) cause: string | null;
  @Column('text', { nullable: true }) severity: string | null;
  @Column('text', { nullable: true }) sentiment: string | null;
  @Column('text', { array: true, nullable: true }) pii: string[] | null;
  @Column('jsonb', { name: 'pii_spans', nullable: true }) piiSpans: PiiSpan[] | null;
  @Column('boolean', { name: 'critical_data', nullable: true }) criticalData: boolean | null;
  @Column('jsonb', { nullable: true }) confidence: Record<string, number> | null;
  @Column('jsonb', { nullable: true }) explain: StoredExplanations | null;
  @Column('text', { name: 'classifier_version', nullable: true }) classifierVersion: string | null;
  @Column('text', { name: 'incident_key', nullable: true }) incidentKey: string | null;
  @Column('text', { name: 'campaign_key', nullable: true }) campaignKey: string | null;
  @Column('uuid', { name: 'incident_id', nullable: true }) incidentId: string | null;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId: string | null;

  // Pipeline.
  @Column('text', { default: 'ingested' }) stage: PipelineStage;
  @Column('timestamptz', { name: 'stage_at', default: () => 'now()' }) stageAt: Date;
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason: string | null;

  // Triage.
  @Column('text', { default: 'new' }) status: MentionStatus;
  @Column('int', { default: 0 }) priority: number;
  @Column('timestamptz', { name: 'sla_due_at', nullable: true }) slaDueAt: Date | null;
  @Column('uuid', { name: 'assignee_id', nullable: true }) assigneeId: string | null;
  @Column('uuid', { name: 'claimed_by', nullable: true }) claimedBy: string | null;
  @Column('timestamptz', { name: 'claimed_at', nullable: true }) claimedAt: Date | null;
  @Column('timestamptz', { name: 'claim_expires_at', nullable: true }) claimExpiresAt: Date | null;
  @Column('timestamptz', { name: 'snoozed_until', nullable: true }) snoozedUntil: Date | null;
  @Column('timestamptz', { name: 'first_response_at', nullable: true }) firstResponseAt: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
}
