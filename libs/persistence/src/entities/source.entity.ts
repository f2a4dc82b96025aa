import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SourceHealth = 'ok' | 'failing' | 'paused';

/** One channel connection of a workspace: what to watch, how to authenticate, and where polling stands. */
@Entity('source')
@Index(['workspaceId'])
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('uuid', { name: 'brand_id', nullable: true }) brandId: string | null;
  @Column('text') channel: string;
  @Column('text') name: string;
  /** Platform options (community id, feed URL, speed of a replay...). */
  @Column('jsonb', { default: {} }) options: Record<string, unknown>;
  /** AES-256-GCM ciphertext of the credentials JSON; never returned by the API, never logged. */
  @Column('text', { name: 'credentials_encrypted', nullable: true }) credentialsEncrypted: string | null;
  @Column('text', { nullable: true }) cursor: string | null;
  @Column('boolean', { default: true }) enabled: boolean;
  @Column('int', { name: 'poll_interval_ms', default: 60_000 }) pollIntervalMs: number;
  @Column('text', { default: 'ok' }) health: SourceHealth;
  @Column('text', { name: 'last_error', nullable: true }) lastError: string | null;
  @Column('timestamptz', { name: 'last_poll_at', nullable: true }) lastPollAt: Date | null;
  @Column('timestamptz', { name: 'paused_until', nullable: true }) pausedUntil: Date | null;
  @Column('bigint', { name: 'mentions_ingested', default: 0 }) mentionsIngested: string;
  /** Search hits the brand filter dropped (name collisions, exclusions). */
  @Column('bigint', { name: 'mentions_off_topic', default: 0 }) mentionsOffTopic: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
