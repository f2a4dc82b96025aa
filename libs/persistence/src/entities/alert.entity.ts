import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const ALERT_KINDS = ['escalation', 'incident', 'campaign', 'sla_breach', 'source_failing'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

@Entity('alert')
@Index(['workspaceId', 'alertedAt'])
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') kind: AlertKind;
  @Column('text') level: string;
  @Column('double precision', { nullable: true }) score: number | null;
  @Column('jsonb', { default: [] }) reasons: string[];
  @Column('uuid', { name: 'thread_id', nullable: true }) threadId: string | null;
  @Column('uuid', { name: 'incident_id', nullable: true }) incidentId: string | null;
  @Column('uuid', { name: 'campaign_id', nullable: true }) campaignId: string | null;
  @Column('uuid', { name: 'source_id', nullable: true }) sourceId: string | null;
  /** Same key → same alert: raising it twice is a no-op. */
  @Column('text', { name: 'dedupe_key', unique: true }) dedupeKey: string;
  @Column('timestamptz', { name: 'alerted_at' }) alertedAt: Date;
  @Column('uuid', { name: 'acknowledged_by', nullable: true }) acknowledgedBy: string | null;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  /** Wall-clock time the row was written (alerted_at is event time). */
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  /** Set once deliveries to the matching notification channels are enqueued; null rows are re-dispatched. */
  @Column('timestamptz', { name: 'dispatched_at', nullable: true }) dispatchedAt: Date | null;
  /** The mention that raised it (the decisive post of an escalation; an SLA digest's mention when it names just one). */
  @Column('bigint', { name: 'mention_id', nullable: true }) mentionId: string | null;
  /** Who it is for, when it is for someone: the assignee of an overdue mention... */
  @Column('uuid', { name: 'recipient_user_id', nullable: true }) recipientUserId: string | null;
  /** ...or a role (the leads, after the grace period). */
  @Column('text', { name: 'recipient_role', nullable: true }) recipientRole: string | null;
}

export const SLA_STAGES = ['assignee', 'lead'] as const;
export type SlaStage = (typeof SLA_STAGES)[number];

/**
 * A mention alerted for an SLA stage, and the digest alert that named it: the primary key makes it once per
 * mention and stage. The foreign key to the alert is deferred (the check claims first, then writes the alert).
 */
@Entity('sla_alerted_mention')
@Index(['alertId', 'position'])
export class SlaAlertedMentionEntity {
  @PrimaryColumn('bigint', { name: 'mention_id' }) mentionId: string;
  @PrimaryColumn('text') stage: SlaStage;
  @Column('uuid', { name: 'alert_id' }) alertId: string;
  /** Place in the digest, worst first (severity, priority, longest overdue); gaps are possible, order holds. */
  @Column('int') position: number;
}

@Entity('notification_channel')
@Index(['workspaceId'])
export class NotificationChannelEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  /** slack | mattermost | telegram | email | webhook */
  @Column('text') kind: string;
  @Column('text') name: string;
  /** AES-256-GCM ciphertext of the channel's settings (webhook URL, bot token, SMTP password...). */
  @Column('text', { name: 'config_encrypted' }) configEncrypted: string;
  /** Which alert kinds and minimum level go here. */
  @Column('jsonb', { default: {} }) routes: { kinds?: string[]; minLevel?: string };
  @Column('boolean', { default: true }) enabled: boolean;
}
