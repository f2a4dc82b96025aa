import { checkReply, parseCorpusReply, type CorpusReply, type Locale, type ReplyCheck } from '@otklik/reply-policy';
import { readJsonl, RunReporter, writeLine } from '../io/jsonl';
import { UsageError, type CliCommand } from './command';

/** One output line: the verdict, the rule ids that fired, and where in the draft each one objects. */
export interface CheckRepliesLine {
  id: string;
  verdict: ReplyCheck['verdict'];
  violations: string[];
  spans: { rule: string; start: number; end: number }[];
}

export function checkCorpusReply(record: CorpusReply, locale: Locale | null): CheckRepliesLine {
  const result = checkReply({
    mention: { text: record.mentionText, lang: record.lang, piiKinds: record.mentionPii },
    draft: record.draft,
    visibility: record.visibility,
    locale: locale ?? record.lang,
  });
  return {
    id: record.id,
    verdict: result.verdict,
    violations: result.violations.map((violation) => violation.rule),
    spans: result.violations.flatMap((violation) => violation.spans.map((span) => ({ rule: violation.rule, start: span.start, end: span.end }))),
  };
}

export const checkRepliesCommand: CliCommand = {
  name: 'check-replies',
  usage: 'otklik check-replies FILE.jsonl|- [--locale ru|en]',
  summary: 'check draft replies (corpus replies.jsonl format) against the reply policy: one verdict line per draft',
  async run(args) {
    let source: string | null = null;
    let locale: Locale | null = null;
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i];
      if (arg === '--locale') {
        const value = args[++i];
        if (value !== 'ru' && value !== 'en') throw new UsageError('--locale must be ru or en');
        locale = value;
      } else if (arg.startsWith('--')) {
        throw new UsageError(`unknown option ${arg}`);
      } else if (source === null) {
        source = arg;
      } else {
        throw new UsageError(`unexpected argument ${arg}`);
      }
    }
    if (source === null) throw new UsageError('missing FILE.jsonl (or - for stdin)');
    const reporter = new RunReporter('check-replies');
    // Gold verdicts in the input are not read: this command judges drafts, `otklik eval` scores it.
    for await (const item of readJsonl(source, (value) => parseCorpusReply(value, { readGold: false }))) {
      if (item.error !== undefined) {
        reporter.badLine(item.line, item.error);
        continue;
      }
      await writeLine(checkCorpusReply(item.value, locale));
      reporter.record();
    }
    reporter.finish();
    return 0;
  },
};
