/**
 * Escalation section of `otklik eval`: replays `<corpus>/threads.jsonl` and checks that every expected alert
 * fires no later than its alert_due_by and that no control thread alerts at any level.
 */
import { join } from 'node:path';
import { parseCorpusThread } from '@otklik/domain';
import { replayThread, resolveEscalationSettings, type EscalationSettings } from '@otklik/escalation';
import { readJsonl } from '../io/jsonl';
import { atLeast, atMost, type EvalSection } from './eval-section';

export interface ThreadOutcome {
  threadId: string;
  expected: boolean;
  dueBy: string | null;
  firstAlertAt: string | null;
  firstLevel: string | null;
  /** Minutes between the first alert and alert_due_by (positive = early); null without both. */
  leadMinutes: number | null;
  ok: boolean;
  reasons: string[];
}

export async function replayCorpusThreads(file: string, settings: EscalationSettings = resolveEscalationSettings()): Promise<{ outcomes: ThreadOutcome[]; badLines: string[] }> {
  const outcomes: ThreadOutcome[] = [];
  const badLines: string[] = [];
  for await (const item of readJsonl(file, parseCorpusThread)) {
    if (item.error !== undefined) {
      badLines.push(`line ${item.line}: ${item.error}`);
      continue;
    }
    const thread = item.value;
    const first = replayThread(thread.threadId, thread.posts, settings)[0] ?? null;
    const expected = thread.expectedAlert === true;
    const lead = first && thread.alertDueBy ? (Date.parse(thread.alertDueBy) - Date.parse(first.alertedAt)) / 60_000 : null;
    const ok = expected ? first !== null && (thread.alertDueBy === null || (lead !== null && lead >= 0)) : first === null;
    outcomes.push({
      threadId: thread.threadId,
      expected,
      dueBy: thread.alertDueBy,
      firstAlertAt: first?.alertedAt ?? null,
      firstLevel: first?.level ?? null,
      leadMinutes: lead === null ? null : Math.round(lead * 10) / 10,
      ok,
      reasons: first?.reasons ?? [],
    });
  }
  return { outcomes, badLines };
}

export async function evaluateEscalation(corpusDir: string): Promise<EvalSection> {
  const { outcomes, badLines } = await replayCorpusThreads(join(corpusDir, 'threads.jsonl'));
  const expected = outcomes.filter((outcome) => outcome.expected);
  const met = expected.filter((outcome) => outcome.ok).length;
  const falseAlerts = outcomes.filter((outcome) => !outcome.expected && outcome.firstAlertAt !== null).length;
  const lines = [
    `${'thread'.padEnd(12)}${'expected'.padEnd(10)}${'first alert'.padEnd(26)}${'level'.padEnd(10)}${'due by'.padEnd(26)}${'lead min'.padEnd(10)}result`,
    ...outcomes.map(
      (outcome) =>
        `${outcome.threadId.padEnd(12)}${String(outcome.expected).padEnd(10)}${(outcome.firstAlertAt ?? '-').padEnd(26)}${(outcome.firstLevel ?? '-').padEnd(10)}` +
        `${(outcome.dueBy ?? '-').padEnd(26)}${(outcome.leadMinutes === null ? '-' : String(outcome.leadMinutes)).padEnd(10)}${outcome.ok ? 'ok' : outcome.expected ? (outcome.firstAlertAt ? 'LATE' : 'MISSED') : 'FALSE ALERT'}`,
    ),
    `expected alerts on time: ${met}/${expected.length}; false alerts on controls: ${falseAlerts}/${outcomes.length - expected.length}`,
    ...badLines.map((line) => `skipped ${line}`),
  ];
  const firing = outcomes.filter((outcome) => outcome.firstAlertAt !== null);
  for (const outcome of firing) lines.push(`  ${outcome.threadId} first alert reasons: ${outcome.reasons.slice(0, 4).join('; ')}`);
  return {
    title: 'Escalation (threads.jsonl replayed on event time)',
    lines,
    checks: [
      atLeast('expected alerts fired by alert_due_by (share)', expected.length === 0 ? 1 : met / expected.length, 1),
      atMost('control threads that alerted', falseAlerts, 0),
    ],
  };
}
