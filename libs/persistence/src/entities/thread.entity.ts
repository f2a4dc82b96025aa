import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('thread')
@Index(['workspaceId', 'channel', 'externalId'], { unique: true })
export class ThreadEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') channel: string;
  /** The platform id of the thread's root post. */
  @Column('text', { name: 'external_id' }) externalId: string;
  @Column('int', { name: 'mention_count', default: 0 }) mentionCount: number;
  @Column('timestamptz', { name: 'last_activity_at', nullable: true }) lastActivityAt: Date | null;
  /** Windowed metrics and the escalation state (libs/escalation), on event time. */
  @Column('jsonb', { name: 'escalation_state', nullable: true }) escalationState: unknown;
  @Column('text', { name: 'escalation_level', nullable: true }) escalationLevel: string | null;
}
