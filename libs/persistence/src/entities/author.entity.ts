import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('author')
@Index(['workspaceId', 'channel', 'externalId'], { unique: true })
export class AuthorEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') channel: string;
  @Column('text', { name: 'external_id' }) externalId: string;
  @Column('text', { nullable: true }) handle: string | null;
  @Column('int', { nullable: true }) followers: number | null;
  @Column('boolean', { nullable: true }) verified: boolean | null;
  @Column('timestamptz', { name: 'account_created_at', nullable: true }) accountCreatedAt: Date | null;
  @Column('text', { nullable: true }) kind: string | null;
}
