import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../auth/audit.service';
import { ProblemException } from '../http/problem';
import { mergeSettings, triageSettings, validateSettingsUpdate, type TriageSettings } from './triage-settings';

const TTL_MS = 5_000;

/** Workspace settings with a short per-process cache (read on every detail and reply; written rarely). */
@Injectable()
export class SettingsService {
  private readonly cache = new Map<string, { settings: TriageSettings; at: number }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(workspaceId: string): Promise<TriageSettings> {
    const hit = this.cache.get(workspaceId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.settings;
    const [row] = (await this.dataSource.query('SELECT settings FROM workspace WHERE id = $1', [workspaceId])) as {
      settings: Record<string, unknown>;
    }[];
    const settings = triageSettings(row?.settings);
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(workspaceId, { settings, at: Date.now() });
    return settings;
  }

  async update(workspaceId: string, actorId: string, update: unknown): Promise<TriageSettings> {
    const errors = validateSettingsUpdate(update);
    if (errors.length > 0) {
      throw new ProblemException(400, 'validation', errors.map((error) => `${error.field}: ${error.reason}`).join('; '), { errors });
    }
    const body = update as Record<string, unknown>;
    const settings = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query('SELECT settings FROM workspace WHERE id = $1 FOR UPDATE', [workspaceId])) as {
        settings: Record<string, unknown>;
      }[];
      const next = mergeSettings(row?.settings ?? {}, body);
      await manager.query('UPDATE workspace SET settings = $2::jsonb WHERE id = $1', [workspaceId, JSON.stringify(next)]);
      await this.audit.record(
        workspaceId,
        actorId,
        'settings.updated',
        { type: 'workspace', id: workspaceId },
        { changed: Object.keys(body), before: pick(row?.settings ?? {}, Object.keys(body)), after: body },
        manager,
      );
      return triageSettings(next);
    });
    this.cache.set(workspaceId, { settings, at: Date.now() });
    return settings;
  }
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => key in source).map((key) => [key, source[key]]));
}
