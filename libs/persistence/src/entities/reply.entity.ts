import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ReplyStatus = 'pending_approval' | 'queued' | 'sent' | 'failed';

@Entity('reply')
@Index(['mentionId'])
export class ReplyEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('bigint', { name: 'mention_id' }) mentionId: string;
  @Column('uuid', { name: 'case_id', nullable: true }) caseId: string | null;
  @Column('uuid', { name: 'author_id', nullable: true }) authorId: string | null;
  @Column('text') visibility: 'public' | 'private';
  @Column('text') body: string;
  @Column('text') status: ReplyStatus;
  @Column('text', { name: 'failure_reason', nullable: true }) failureReason: string | null;
  /** The reply-policy verdict at send time: rule ids, levels and spans. */
  @Column('jsonb', { default: [] }) violations: unknown[];
  @Column('text', { array: true, default: '{}' }) acknowledged: string[];
  @Column('text', { name: 'override_reason', nullable: true }) overrideReason: string | null;
  @Column('uuid', { name: 'approver_id', nullable: true }) approverId: string | null;
  @Column('timestamptz', { name: 'approved_at', nullable: true }) approvedAt: Date | null;
  /** Unique: a retried send never posts twice. */
  @Column('text', { name: 'idempotency_key', unique: true }) idempotencyKey: string;
  @Column('text', { name: 'platform_id', nullable: true }) platformId: string | null;
  @Column('timestamptz', { name: 'sent_at', nullable: true }) sentAt: Date | null;
  @Column('text', { name: 'platform_url', nullable: true }) platformUrl: string | null;
  /** Send attempts started (the send queue's own count: survives a lost job). */
  @Column('int', { default: 0 }) attempts: number;
  @Column('timestamptz', { name: 'attempted_at', nullable: true }) attemptedAt: Date | null;
  /** An attempt may have posted (timed out, or the process died mid-call): the next one looks before posting. */
  @Column('boolean', { name: 'outcome_unknown', default: false }) outcomeUnknown: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
