import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkspaceSettings } from '../workspace-settings';

/** The tenant: every other row belongs to one workspace and every query is scoped by it. */
@Entity('workspace')
export class WorkspaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('text') name: string;
  @Column('text', { unique: true }) slug: string;
  /** SLA targets, business hours, reply-policy and escalation settings (see workspace-settings.ts). */
  @Column('jsonb', { default: {} }) settings: Partial<WorkspaceSettings>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
