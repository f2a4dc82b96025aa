/**
 * `otklik reclassify`: re-labels stored mentions with the classifier this build carries (run it after an
 * upgrade that changed CLASSIFIER_VERSION) and re-links incidents and campaigns; see reclassify/reclassify-run.ts.
 */
import type { DataSource } from 'typeorm';
import type * as Classifier from '@otklik/classifier';
import { UsageError, type CliCommand } from './command';
import { withDatabase } from './database-session';
import { parseReclassifyArgs, RECLASSIFY_USAGE } from '../reclassify/reclassify-options';
import type * as Run from '../reclassify/reclassify-run';
import type * as Summary from '../reclassify/reclassify-summary';

async function workspacesOf(dataSource: DataSource, wanted: string | null): Promise<Run.WorkspaceRef[]> {
  const rows: Run.WorkspaceRef[] = await dataSource.query(
    `SELECT id, slug, name FROM workspace WHERE $1::text IS NULL OR id::text = lower($1) OR slug = $1 ORDER BY created_at, slug`,
    [wanted],
  );
  if (wanted !== null && rows.length === 0) throw new UsageError(`--workspace: no workspace with id or slug "${wanted}"`);
  return rows;
}

export const reclassifyCommand: CliCommand = {
  name: 'reclassify',
  usage: RECLASSIFY_USAGE,
  summary: 're-label stored mentions with the current classifier (after an upgrade) and re-link incidents and campaigns',
  async run(args) {
    const options = parseReclassifyArgs(args);
    return withDatabase(async (dataSource, runtime) => {
      if (await dataSource.showMigrations()) throw new Error('the database schema is behind this version: run `otklik migrate` first');
      const workspaces = await workspacesOf(dataSource, options.workspace);
      // Loaded here, not at start-up: other commands should not pay for compiling the classifier's lexicons.
      const { CLASSIFIER_VERSION } = require('@otklik/classifier') as typeof Classifier;
      const { WorkspaceReclassifier } = require('../reclassify/reclassify-run') as typeof Run;
      const { formatSummary } = require('../reclassify/reclassify-summary') as typeof Summary;
      const batchSize = options.batch ?? runtime.config.batchSize;
      const progress = (line: string) => process.stderr.write(`otklik reclassify: ${line}\n`);
      // Ctrl-C (or a TERM from a supervisor) stops after the batch in progress; the next run continues from there.
      let stopping = false;
      const stop = () => {
        if (!stopping) progress('stopping after the current batch (run the command again to continue)');
        stopping = true;
      };
      process.on('SIGINT', stop).on('SIGTERM', stop);
      try {
        if (workspaces.length === 0) process.stdout.write('no workspaces\n');
        for (const workspace of workspaces) {
          if (stopping) break;
          const runOptions = { all: options.all, since: options.since, dryRun: options.dryRun, batchSize, shouldStop: () => stopping };
          const report = await new WorkspaceReclassifier(dataSource, workspace, runOptions, progress).run();
          process.stdout.write(formatSummary(report, CLASSIFIER_VERSION, options.dryRun));
        }
      } finally {
        process.off('SIGINT', stop).off('SIGTERM', stop);
      }
      return stopping ? 130 : 0;
    });
  },
};
