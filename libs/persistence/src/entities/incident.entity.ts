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
