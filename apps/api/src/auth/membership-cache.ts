import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@otklik/persistence';

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * The caller's current role, read from `membership` rather than trusted from the token, so a removed member
 * or a changed role takes effect within seconds instead of at token expiry. Cached briefly per process
 * (every request would otherwise pay a query); `forget` makes this process's own changes immediate.
 */
@Injectable()
export class MembershipCache {
  private readonly entries = new Map<string, { role: Role | null; at: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async roleOf(userId: string, workspaceId: string): Promise<Role | null> {
    const key = `${userId}:${workspaceId}`;
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.role;
    const rows: { role: Role }[] = await this.dataSource.query('SELECT role FROM membership WHERE user_id = $1 AND workspace_id = $2', [
      userId,
      workspaceId,
    ]);
    const role = rows[0]?.role ?? null;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { role, at: Date.now() });
    return role;
  }

  forget(userId: string, workspaceId?: string): void {
    for (const key of this.entries.keys())
      if (key.startsWith(`${userId}:`) && (!workspaceId || key.endsWith(`:${workspaceId}`))) this.entries.delete(key);
  }
}
