import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** "Resolve privately": a public mention linked to the private conversation where it is resolved. */
@Entity('case')
@Index(['workspaceId', 'status'])
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('bigint', { name: 'mention_id' }) mentionId: string;
  /** The channel of the private conversation (a DM on the same platform, or email/phone when DMs are closed). */
  @Column('text', { name: 'private_channel' }) privateChannel: string;
  @Column('text', { name: 'private_ref', nullable: true }) privateRef: string | null;
  @Column('text', { default: 'open' }) status: string;
  @Column('uuid', { name: 'opened_by', nullable: true }) openedBy: string | null;
  @Column('timestamptz', { name: 'ack_due_at', nullable: true }) ackDueAt: Date | null;
  @Column('timestamptz', { name: 'resolution_due_at', nullable: true }) resolutionDueAt: Date | null;
  @Column('timestamptz', { name: 'acknowledged_at', nullable: true }) acknowledgedAt: Date | null;
  @Column('timestamptz', { name: 'customer_confirmed_at', nullable: true }) customerConfirmedAt: Date | null;
  @Column('timestamptz', { name: 'resolved_at', nullable: true }) resolvedAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
