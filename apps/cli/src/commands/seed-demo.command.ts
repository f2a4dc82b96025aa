import { join } from 'node:path';
import { repoRoot } from '@otklik/config';
import { runMigrations, seedDemo } from '@otklik/persistence';
import { UsageError, type CliCommand } from './command';
import { withDatabase } from './database-session';

export const seedDemoCommand: CliCommand = {
  name: 'seed-demo',
  usage: 'otklik seed-demo [--speed N]',
  summary: 'create the demo workspace, its admin and the demo replay source (idempotent)',
  async run(args) {
    let speed = 60;
    for (let i = 0; i < args.length; i += 1) {
      if (args[i] === '--speed') {
        speed = Number(args[++i]);
        if (!Number.isFinite(speed) || speed < 0) throw new UsageError('--speed must be a number ≥ 0 (timeline seconds per real second; 0 = all at once)');
      } else throw new UsageError(`unknown argument ${args[i]}`);
    }
    const result = await withDatabase(async (dataSource, runtime) => {
      await runMigrations(dataSource);
      return seedDemo(dataSource, {
        timelineFile: join(repoRoot(), 'data', 'demo', 'timeline.jsonl'),
        outboxFile: join(runtime.config.dataDir, 'demo-sent-replies.jsonl'),
        speed,
        pollIntervalMs: 2_000,
      });
    });
    process.stdout.write(`demo workspace ${result.workspaceId}\n`);
    if (result.adminPassword) process.stdout.write(`admin: ${result.adminEmail} / ${result.adminPassword} (shown once)\n`);
    else process.stdout.write(`admin: ${result.adminEmail} (already existed; password unchanged)\n`);
    return 0;
  },
};
