import { UsageError } from '../commands/command';
import { parseReclassifyArgs } from './reclassify-options';

describe('otklik reclassify arguments', () => {
  it('defaults to every workspace, out-of-date mentions only, the configured batch size', () => {
    expect(parseReclassifyArgs([])).toEqual({ workspace: null, all: false, since: null, dryRun: false, batch: null });
  });

  it('reads every option', () => {
    expect(parseReclassifyArgs(['--workspace', 'demo', '--all', '--since', '2026-11-01T08:00:00Z', '--dry-run', '--batch', '200'])).toEqual(
      {
        workspace: 'demo',
        all: true,
        since: new Date('2026-11-01T08:00:00Z'),
        dryRun: true,
        batch: 200,
      },
    );
    expect(parseReclassifyArgs(['--since', '2026-11-01']).since).toEqual(new Date('2026-11-01T00:00:00Z'));
  });

  it.each([
    [['--since', 'last week'], '--since: "last week" is not an ISO 8601 time'],
    [['--since', '2026-13-45'], '--since: "2026-13-45" is not an ISO 8601 time'],
    [['--since'], '--since: missing value'],
    [['--workspace', '--all'], '--workspace: missing value'],
    [['--workspace', ' '], '--workspace: empty'],
    [['--batch', '0'], '--batch: "0" is not a whole number from 1 to 10000'],
    [['--batch', '2.5'], '--batch: "2.5" is not a whole number from 1 to 10000'],
    [['--batch', '20000'], '--batch: "20000" is not a whole number from 1 to 10000'],
    [['--all', '--all'], '--all: given twice'],
    [['--force'], 'unknown option --force'],
    [['demo'], 'unexpected argument demo'],
  ])('refuses %j in one line naming the option', (args, message) => {
    expect(() => parseReclassifyArgs(args)).toThrow(UsageError);
    expect(() => parseReclassifyArgs(args)).toThrow(message);
  });
});
