import { runMigrations } from '@otklik/persistence';
import { UsageError, type CliCommand } from './command';
import { withDatabase } from './database-session';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'otklik migrate',
  summary: 'apply pending database migrations (DATABASE_URL, or the embedded database)',
  async run(args) {
    if (args.length > 0) throw new UsageError(`unexpected argument ${args[0]}`);
    const applied = await withDatabase((dataSource) => runMigrations(dataSource));
    process.stdout.write(applied.length > 0 ? `applied: ${applied.join(', ')}\n` : 'the schema is up to date\n');
    return 0;
  },
};
