import { readFile } from 'node:fs/promises';
import { parseCorpusThread } from '@otklik/domain';
import { EscalationSettingsError, replayThread, resolveEscalationSettings } from '@otklik/escalation';
import { readJsonl, RunReporter, writeLine } from '../io/jsonl';
import { UsageError, type CliCommand } from './command';

/**
 * `otklik replay THREADS.jsonl|-`: replays each recorded thread (corpus threads format) through the escalation
 * tracker on event time and prints one JSON line per alert. Bad lines are reported on stderr and skipped.
 */
export const replayCommand: CliCommand = {
  name: 'replay',
  usage: 'otklik replay THREADS.jsonl|- [--thresholds FILE.json]',
  summary: 'replay recorded threads through escalation detection; one JSON line per alert',
  async run(args) {
    let source: string | null = null;
    let thresholdsFile: string | null = null;
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i];
      if (arg === '--thresholds') {
        thresholdsFile = args[++i] ?? null;
        if (!thresholdsFile) throw new UsageError('--thresholds needs a JSON file');
      } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}`);
      else if (source === null) source = arg;
      else throw new UsageError(`unexpected argument ${arg}`);
    }
    if (source === null) throw new UsageError('give a threads JSONL file, or - for stdin');

    let settings = resolveEscalationSettings();
    if (thresholdsFile) {
      let json: unknown;
      try {
        json = JSON.parse(await readFile(thresholdsFile, 'utf8'));
      } catch (error) {
        throw new UsageError(`--thresholds ${thresholdsFile}: ${(error as Error).message}`);
      }
      try {
        settings = resolveEscalationSettings(json);
      } catch (error) {
        if (error instanceof EscalationSettingsError) throw new UsageError(`--thresholds ${thresholdsFile}: ${error.message}`);
        throw error;
      }
    }

    const reporter = new RunReporter('replay');
    for await (const item of readJsonl(source, parseCorpusThread)) {
      if (item.error !== undefined) {
        reporter.badLine(item.line, item.error);
        continue;
      }
      const thread = item.value;
      for (const alert of replayThread(thread.threadId, thread.posts, settings)) {
        await writeLine({ thread_id: alert.threadId, alerted_at: alert.alertedAt, level: alert.level, score: alert.score, reasons: alert.reasons });
        reporter.record();
      }
    }
    reporter.finish();
    return 0;
  },
};
