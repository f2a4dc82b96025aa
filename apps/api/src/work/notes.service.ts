import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth';
import { InboxEventPublisher } from '../events/inbox-event.publisher';
import { notFound } from '../http/problem';
import { noteHandles } from './note-mentions';

export interface NoteView {
  id: string;
  mentionId: string;
  body: string;
  author: { id: string; displayName: string };
  mentionedUserIds: string[];
  createdAt: string;
}

interface NoteRow {
  id: string;
  mention_id: string;
  body: string;
  author_id: string;
  display_name: string;
  mentioned_user_ids: string[];
  created_at: Date;
}

function view(row: NoteRow): NoteView {
  return {
    id: row.id,
    mentionId: row.mention_id,
    body: row.body,
    author: { id: row.author_id, displayName: row.display_name },
    mentionedUserIds: row.mentioned_user_ids,
    createdAt: row.created_at.toISOString(),
  };
}

@Injectable()
export class NotesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: InboxEventPublisher,
  ) {}

  private async assertMention(workspaceId: string, mentionId: string): Promise<void> {
    const rows = await this.dataSource.query('SELECT 1 FROM mention WHERE id = $1 AND workspace_id = $2', [mentionId, workspaceId]);
    if (rows.length === 0) throw notFound('mention', mentionId);
  }

  async create(user: AuthUser, mentionId: string, body: string): Promise<NoteView> {
    await this.assertMention(user.workspaceId, mentionId);
    const handles = noteHandles(body);
    const mentioned: string[] =
      handles.length === 0
        ? []
        : (
            (await this.dataSource.query(
              `SELECT DISTINCT u.id FROM membership mb JOIN app_user u ON u.id = mb.user_id
                WHERE mb.workspace_id = $1 AND u.id <> $3
                  AND (lower(u.email) = ANY($2) OR lower(split_part(u.email, '@', 1)) = ANY($2) OR lower(replace(u.display_name, ' ', '')) = ANY($2))`,
              [user.workspaceId, handles, user.userId],
            )) as { id: string }[]
          ).map((row) => row.id);
    const [row] = (await this.dataSource.query(
      `WITH inserted AS (INSERT INTO note (workspace_id, mention_id, author_id, body, mentioned_user_ids) VALUES ($1, $2, $3, $4, $5::uuid[]) RETURNING *)
       SELECT i.id, i.mention_id::text, i.body, i.author_id, u.display_name, i.mentioned_user_ids, i.created_at FROM inserted i JOIN app_user u ON u.id = i.author_id`,
      [user.workspaceId, mentionId, user.userId, body, mentioned],
    )) as NoteRow[];
    await this.events.publish('mention.updated', user.workspaceId, [mentionId], user.userId, {
      kind: 'note',
      noteId: row!.id,
      notifyUserIds: mentioned,
    });
    return view(row!);
  }

  async list(user: AuthUser, mentionId: string): Promise<NoteView[]> {
    await this.assertMention(user.workspaceId, mentionId);
    const rows = (await this.dataSource.query(
      `SELECT n.id, n.mention_id::text, n.body, n.author_id, u.display_name, n.mentioned_user_ids, n.created_at
         FROM note n JOIN app_user u ON u.id = n.author_id WHERE n.mention_id = $1 AND n.workspace_id = $2 ORDER BY n.created_at, n.id`,
      [mentionId, user.workspaceId],
    )) as NoteRow[];
    return rows.map(view);
  }
}
