/** The arguments of `otklik reclassify`, checked before anything touches the database. */
import { UsageError } from '../commands/command';

export interface ReclassifyOptions {
  /** Workspace id or slug; null: every workspace. */
  workspace: string | null;
  /** Re-label every mention in range, not only those labelled by another classifier version. */
  all: boolean;
  /** Only mentions published at or after this time. */
  since: Date | null;
  dryRun: boolean;
  /** Mentions per batch (one transaction each); null: the configured pipeline batch size. */
  batch: number | null;
}

export const RECLASSIFY_USAGE = 'otklik reclassify [--workspace ID|SLUG] [--all] [--since ISO-TIME] [--dry-run] [--batch N]';

const MAX_BATCH = 10_000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function valueOf(args: string[], index: number, option: string, what: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${option}: missing value (${what})`);
  return value;
}

export function parseReclassifyArgs(args: string[]): ReclassifyOptions {
  const options: ReclassifyOptions = { workspace: null, all: false, since: null, dryRun: false, batch: null };
  const seen = new Set<string>();
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index];
    if (seen.has(arg)) throw new UsageError(`${arg}: given twice`);
    seen.add(arg);
    switch (arg) {
      case '--workspace': {
        const value = valueOf(args, index++, arg, 'a workspace id or slug');
        if (value.trim() === '') throw new UsageError('--workspace: empty');
        options.workspace = value.trim();
        break;
      }
      case '--all':
        options.all = true;
        break;
      case '--dry-run':
        options.dryRun = true;
        break;
      case '--since': {
        const value = valueOf(args, index++, arg, 'an ISO 8601 time such as 2026-11-01 or 2026-11-01T08:00:00Z');
        const time = Date.parse(value);
        if (!ISO_TIME.test(value) || Number.isNaN(time))
          throw new UsageError(`--since: "${value}" is not an ISO 8601 time (e.g. 2026-11-01 or 2026-11-01T08:00:00Z)`);
        options.since = new Date(time);
        break;
      }
      case '--batch': {
        const value = valueOf(args, index++, arg, `mentions per batch, 1 to ${MAX_BATCH}`);
        const size = Number(value);
        if (!/^\d+$/.test(value) || size < 1 || size > MAX_BATCH)
          throw new UsageError(`--batch: "${value}" is not a whole number from 1 to ${MAX_BATCH}`);
        options.batch = size;
        break;
      }
      default:
        throw new UsageError(arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument ${arg}`);
    }
  }
  return options;
}
