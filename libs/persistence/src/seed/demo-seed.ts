/**
 * The demo workspace a newcomer meets on `npm start`: an admin login (printed once, when created), the
 * brands of the demo timeline, and a replay source that plays it so the inbox fills within a minute.
 * Idempotent: a second start finds everything in place and changes nothing.
 */
import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { generatePassword, hashPassword } from '../secrets/password-hash';

export interface DemoSeedOptions {
  timelineFile: string;
  /** Where the sandbox outbound records demo replies. */
  outboxFile: string;
  /** Timeline seconds per real second. */
  speed: number;
  pollIntervalMs: number;
  adminEmail?: string;
}

export interface DemoSeedResult {
  workspaceId: string;
  adminEmail: string;
  /** Only when the admin was created now (it is never stored in clear). */
  adminPassword: string | null;
  sourceCreated: boolean;
}

export async function seedDemo(dataSource: DataSource, options: DemoSeedOptions): Promise<DemoSeedResult> {
  const brands = new Set<string>();
  for (const line of readFileSync(options.timelineFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const brand = (JSON.parse(line) as { brand?: unknown }).brand;
    if (typeof brand === 'string' && brand) brands.add(brand);
  }
  const adminEmail = (options.adminEmail ?? 'admin@otklik.local').toLowerCase();
  return dataSource.transaction(async (manager) => {
    const [workspace] = await manager.query(
      `INSERT INTO workspace (name, slug) VALUES ('Demo', 'demo') ON CONFLICT (slug) DO UPDATE SET name = workspace.name RETURNING id`,
    );
    const workspaceId: string = workspace.id;
    for (const name of brands) {
      await manager.query(`INSERT INTO brand (workspace_id, name) VALUES ($1, $2) ON CONFLICT (workspace_id, name) DO NOTHING`, [workspaceId, name]);
    }
    let adminPassword: string | null = null;
    const existing = await manager.query('SELECT id FROM app_user WHERE email = $1', [adminEmail]);
    let adminId: string;
    if (existing.length > 0) {
      adminId = existing[0].id;
    } else {
      adminPassword = generatePassword();
      const [user] = await manager.query(`INSERT INTO app_user (email, display_name, password_hash, locale) VALUES ($1, 'Demo admin', $2, 'ru') RETURNING id`, [
        adminEmail,
        await hashPassword(adminPassword),
      ]);
      adminId = user.id;
    }
    await manager.query(`INSERT INTO membership (user_id, workspace_id, role) VALUES ($1, $2, 'admin') ON CONFLICT DO NOTHING`, [adminId, workspaceId]);
    const sources = await manager.query(`SELECT id FROM source WHERE workspace_id = $1 AND channel = 'demo'`, [workspaceId]);
    let sourceCreated = false;
    if (sources.length === 0) {
      await manager.query(
        `INSERT INTO source (workspace_id, channel, name, options, poll_interval_ms) VALUES ($1, 'demo', 'Demo replay (sandbox: replies are recorded locally, not posted)', $2::jsonb, $3)`,
        [
          workspaceId,
          JSON.stringify({ file: options.timelineFile, speed: options.speed, startedAt: new Date().toISOString(), outboxFile: options.outboxFile }),
          options.pollIntervalMs,
        ],
      );
      sourceCreated = true;
    }
    await manager.query(`INSERT INTO audit_log (workspace_id, actor_id, action, details) VALUES ($1, NULL, 'demo.seeded', $2::jsonb)`, [
      workspaceId,
      JSON.stringify({ brands: [...brands], sourceCreated }),
    ]);
    return { workspaceId, adminEmail, adminPassword, sourceCreated };
  });
}
