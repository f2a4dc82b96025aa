import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface AuditTarget {
  type: string;
  id: string;
}

/**
 * The audit trail (logins, replies, overrides, approvals, assignments, settings). Pass the transaction's
 * manager when the audited change is transactional, so the record and the change commit together.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    workspaceId: string | null,
    actorId: string | null,
    action: string,
    target: AuditTarget | null,
    details: Record<string, unknown> = {},
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (workspace_id, actor_id, action, target_type, target_id, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
      [workspaceId, actorId, action, target?.type ?? null, target?.id ?? null, JSON.stringify(details)],
    );
  }
}
