import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['agent', 'lead', 'pr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-cased; unique across the installation. */
  @Column('text', { unique: true }) email: string;
  @Column('text', { name: 'display_name' }) displayName: string;
  /** scrypt: `scrypt$N$r$p$salt$hash` (base64). */
  @Column('text', { name: 'password_hash' }) passwordHash: string;
  @Column('text', { default: 'ru' }) locale: string;
  @Column('int', { name: 'failed_logins', default: 0 }) failedLogins: number;
  @Column('timestamptz', { name: 'locked_until', nullable: true }) lockedUntil: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A user's role in one workspace (one user may work in several). */
@Entity('membership')
@Index(['workspaceId'])
export class MembershipEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId: string;
  @PrimaryColumn('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') role: Role;
}
