import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('brand')
@Index(['workspaceId', 'name'], { unique: true })
export class BrandEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'workspace_id' }) workspaceId: string;
  @Column('text') name: string;
  /** Transliterations, misspellings, handles: what the brand is called in the wild. */
  @Column('text', { array: true, default: '{}' }) aliases: string[];
  /** Words that mark a name collision (off-topic). */
  @Column('text', { array: true, default: '{}' }) exclusions: string[];
}
