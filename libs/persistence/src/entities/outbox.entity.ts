import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Durable hand-offs to the queues that are not mentions (replies to send, notifications): written in the
 * same transaction as the change that causes them, dispatched after commit, re-dispatched by the sweeper
 * while `done_at` is null. (Mentions carry their own outbox state in `mention.stage`.)
 */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('uuid', { name: 'workspace_id', nullable: true }) workspaceId: string | null;
  @Column('text') queue: string;
  @Column('text', { name: 'job_name' }) jobName: string;
  @Column('jsonb') payload: unknown;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
  @Column('timestamptz', { name: 'dispatched_at', nullable: true }) dispatchedAt: Date | null;
  @Column('timestamptz', { name: 'done_at', nullable: true }) doneAt: Date | null;
}

/** Records that could not enter the pipeline or kept failing in it, with the reason; visible to admins. */
@Entity('dead_letter')
@Index(['workspaceId', 'createdAt'])
export class DeadLetterEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id: string;
  @Column('uuid', { name: 'workspace_id', nullable: true }) workspaceId: string | null;
  @Column('uuid', { name: 'source_id', nullable: true }) sourceId: string | null;
  @Column('text') stage: string;
  @Column('text', { name: 'external_id', nullable: true }) externalId: string | null;
  @Column('text') reason: string;
  @Column('jsonb', { nullable: true }) payload: unknown;
  @Column('timestamptz', { name: 'created_at', default: () => 'now()' }) createdAt: Date;
}
