import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** One failure affecting many people, handled as one thing (GUIDE §5). */
@Entity('incident')
@Index(['workspaceId', 'clusterKey'], { unique: true })
export class IncidentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  /** The classifier's cluster id that opened it (null when opened by hand). */
  @Column('text', { name: 'cluster_key', nullable: true }) clusterKey: string | null;
  @Column('text') title: string;
  @Column('text', { default: 'investigating' }) status: IncidentStatus;
  @Column('text', { default: 'single' }) scope: string;
  @Column('text', { array: true, default: '{}' }) places: string[];
  @Column('int', { name: 'affected_count', default: 0 }) affectedCount: number;
  @Column('boolean', { name: 'critical_data', default: false }) criticalData: boolean;
  @Column('timestamptz', { nullable: true }) eta: Date | null;
  @Column('timestamptz', { name: 'first_seen_at', nullable: true }) firstSeenAt: Date | null;
  @Column('timestamptz', { name: 'last_seen_at', nullable: true }) lastSeenAt: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Set when merged into another incident: new mentions of this cluster attach to that one. */
  @Column('uuid', { name: 'merged_into_id', nullable: true }) mergedIntoId: string | null;
  @Column('int', { name: 'mention_count', default: 0 }) mentionCount: number;
  /** The real number when engineering or support know it (affected_count is distinct public authors). */
  @Column('int', { name: 'known_affected', nullable: true }) knownAffected: number | null;
  @Column('double precision', { name: 'velocity_per_hour', default: 0 }) velocityPerHour: number;
  @Column('text', { name: 'velocity_trend', default: 'steady' }) velocityTrend: string;
  @Column('text', { name: 'scope_confidence', nullable: true }) scopeConfidence: string | null;
  @Column('jsonb', { name: 'scope_explanation', default: [] }) scopeExplanation: string[];
  /** PR set the scope by hand: the monitor no longer overwrites it. */
  @Column('boolean', { name: 'scope_manual', default: false }) scopeManual: boolean;
  /** What happened, as PR words it for statements: {ru, en}. */
  @Column('jsonb', { nullable: true }) summary: { ru?: string; en?: string } | null;
  @Column('jsonb', { nullable: true }) workaround: { ru?: string; en?: string } | null;
  @Column('uuid', { name: 'opened_by', nullable: true }) openedBy: string | null;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
  /** When the monitor last recomputed scope, affected and velocity from the mentions. */
  @Column('timestamptz', { name: 'refreshed_at', nullable: true }) refreshedAt: Date | null;
}

/** Coordinated inauthentic posts (black PR) grouped by the classifier. */
@Entity('campaign')
@Index(['workspaceId', 'clusterKey'], { unique: true })
export class CampaignEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text', { name: 'cluster_key' }) clusterKey: string;
  @Column('text', { default: 'active' }) status: string;
  @Column('int', { name: 'post_count', default: 0 }) postCount: number;
  @Column('timestamptz', { name: 'first_seen_at', nullable: true }) firstSeenAt: Date | null;
  @Column('timestamptz', { name: 'last_seen_at', nullable: true }) lastSeenAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
