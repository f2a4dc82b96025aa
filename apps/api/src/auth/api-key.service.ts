/**
 * Integration keys: `otk_<prefix>_<secret>`. Only the SHA-256 is stored (the key has 192 random bits, so a
 * fast hash is enough); the prefix is kept for display. A key acts as the user who created it, with the
 * key's own role, in the key's workspace.
 */
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Role } from '@otklik/persistence';
import { queryRows } from '../http/sql-rows';
import type { AuthUser } from './auth-user';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): { key: string; prefix: string } {
  const prefix = randomBytes(6).toString('base64url').replace(/[-_]/g, 'x').slice(0, 8);
  return { key: `otk_${prefix}_${randomBytes(24).toString('base64url')}`, prefix: `otk_${prefix}` };
}

export interface ApiKeyView {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

function view(row: ApiKeyRow): ApiKeyView {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    prefix: row.prefix,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}

@Injectable()
export class ApiKeyService {
  constructor(private readonly dataSource: DataSource) {}

  async authenticate(key: string): Promise<AuthUser | null> {
    if (!/^otk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{32}$/.test(key)) return null;
    const rows: {
      id: string;
      workspace_id: string;
      role: Role;
      created_by: string;
      email: string;
      display_name: string;
      locale: string;
      stale: boolean;
    }[] = await this.dataSource.query(
      `SELECT k.id, k.workspace_id, k.role, k.created_by, u.email, u.display_name, u.locale,
                (k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute') AS stale
           FROM api_key k JOIN app_user u ON u.id = k.created_by
          WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [hashApiKey(key)],
    );
    const row = rows[0];
    if (!row) return null;
    // last_used_at is informational: written at most once a minute per key, off the request's path.
    if (row.stale) void this.dataSource.query('UPDATE api_key SET last_used_at = now() WHERE id = $1', [row.id]).catch(() => undefined);
    return {
      userId: row.created_by,
      workspaceId: row.workspace_id,
      role: row.role,
      email: row.email,
      displayName: `${row.display_name} (API key)`,
      locale: row.locale,
      apiKeyId: row.id,
    };
  }

  async create(workspaceId: string, createdBy: string, name: string, role: Role): Promise<{ key: string; apiKey: ApiKeyView }> {
    const { key, prefix } = generateApiKey();
    const [row] = (await this.dataSource.query(
      `INSERT INTO api_key (workspace_id, name, role, key_hash, prefix, created_by) VALUES ($1, $2, $3, $4, $5, $6)
       RETURNING id, name, role, prefix, created_by, created_at, last_used_at, revoked_at`,
      [workspaceId, name, role, hashApiKey(key), prefix, createdBy],
    )) as ApiKeyRow[];
    return { key, apiKey: view(row!) };
  }

  async list(workspaceId: string): Promise<ApiKeyView[]> {
    const rows = (await this.dataSource.query(
      `SELECT id, name, role, prefix, created_by, created_at, last_used_at, revoked_at FROM api_key WHERE workspace_id = $1 ORDER BY created_at DESC, id`,
      [workspaceId],
    )) as ApiKeyRow[];
    return rows.map(view);
  }

  /** Null when no such key in this workspace; revoking twice keeps the first revocation time. */
  async revoke(workspaceId: string, id: string): Promise<ApiKeyView | null> {
    const list = await queryRows<ApiKeyRow>(
      this.dataSource,
      `UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE workspace_id = $1 AND id = $2
       RETURNING id, name, role, prefix, created_by, created_at, last_used_at, revoked_at`,
      [workspaceId, id],
    );
    return list[0] ? view(list[0]) : null;
  }
}
