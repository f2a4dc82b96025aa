/**
 * `otklik classify FILE.jsonl|-`: labels a stream of mentions (corpus format, gold labels ignored) and writes
 * one JSON line per mention. Output follows input order, delayed by the clustering window so incident and
 * campaign ids are final when written; memory stays bounded by that window.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import type * as Classifier from '@otklik/classifier';
import type * as Domain from '@otklik/domain';
import type { MentionLabels } from '@otklik/domain';
import type * as Jsonl from '../io/jsonl';
import { UsageError, type CliCommand } from './command';

/** The output record of one mention (snake_case like the corpus format). */
export interface ClassifyOutput {
  id: string;
  intent: MentionLabels['intent'];
  cause: MentionLabels['cause'];
  severity: MentionLabels['severity'];
  sentiment: MentionLabels['sentiment'];
  pii: MentionLabels['pii'];
  pii_spans: MentionLabels['piiSpans'];
  critical_data: boolean;
  incident: string | null;
  campaign: string | null;
  confidence: Record<string, number>;
  /** Per label, its reasons as English sentences (the classifier stores them language-neutral). */
  explain: Record<string, string[]>;
}

function snakeKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`), value]));
}

/** Explanations in English, the language of the command's output; the classifier is required on first use (see run). */
function inEnglish(explain: MentionLabels['explain']): Record<string, string[]> {
  const { renderExplanations } = require('@otklik/classifier') as typeof Classifier;
  return renderExplanations(explain, 'en');
}

export function toClassifyOutput(id: string, labels: MentionLabels): ClassifyOutput {
  return {
    id,
    intent: labels.intent,
    cause: labels.cause,
    severity: labels.severity,
    sentiment: labels.sentiment,
    pii: labels.pii,
    pii_spans: labels.piiSpans,
    critical_data: labels.criticalData,
    incident: labels.incident,
    campaign: labels.campaign,
    confidence: snakeKeys(labels.confidence),
    explain: snakeKeys(inEnglish(labels.explain)),
  };
}

/** Why a path cannot be read, in one line, or null when it can. */
async function unreadable(path: string): Promise<string | null> {
  try {
    await access(path, constants.R_OK);
    if (!(await stat(path)).isFile()) return `${path} is not a file`;
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return `${path}: no such file`;
    if (code === 'EACCES') return `${path}: permission denied`;
    return `${path}: ${(error as Error).message}`;
  }
}

export const classifyCommand: CliCommand = {
  name: 'classify',
  usage: 'otklik classify FILE.jsonl | -',
  summary: 'label mentions (intent, cause, severity, sentiment, personal data, incidents, campaigns) as JSON lines',
  async run(args) {
    if (args.length !== 1 || args[0].length === 0) throw new UsageError('expected exactly one input: a mentions JSONL file, or - for stdin');
    if (args[0].startsWith('-') && args[0] !== '-') throw new UsageError(`unknown option ${args[0]}`);
    const source = args[0];
    if (source !== '-') {
      const problem = await unreadable(source);
      if (problem) {
        process.stderr.write(`otklik classify: cannot open ${problem}\n`);
        return 1;
      }
    }
    // Loaded here, not at start-up: other commands should not pay for compiling the classifier's lexicons.
    const { parseCorpusMention } = require('@otklik/domain') as typeof Domain;
    const { StreamingClassifier } = require('@otklik/classifier') as typeof Classifier;
    const { readJsonl, RunReporter, writeLine } = require('../io/jsonl') as typeof Jsonl;
    const reporter = new RunReporter('otklik classify');
    const classifier = new StreamingClassifier();
    for await (const item of readJsonl(source, parseCorpusMention)) {
      if (item.error !== undefined) {
        reporter.badLine(item.line, item.error);
        continue;
      }
      let ready;
      try {
        ready = classifier.push(item.value);
      } catch (error) {
        // A defect in one mention's analysis must not stop the run: report it like a bad line.
        reporter.badLine(item.line, `cannot classify: ${(error as Error).message}`);
        continue;
      }
      reporter.record();
      for (const done of ready) await writeLine(toClassifyOutput(done.mention.externalId, done.labels));
    }
    for (const done of classifier.flush()) await writeLine(toClassifyOutput(done.mention.externalId, done.labels));
    reporter.finish();
    return 0;
  },
};
