import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An internal note: never sent out; naming a colleague notifies them. */
@Entity('note')
@Index(['mentionId'])
export class NoteEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('bigint', { name: 'mention_id' }) mentionId: string;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('text') body: string;
  @Column('uuid', { name: 'mentioned_user_ids', array: true, default: '{}' }) mentionedUserIds: string[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
