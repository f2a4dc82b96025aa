import { corpusDevDir } from '@otklik/config';
import { join } from 'node:path';
import { evaluateEscalation, replayCorpusThreads } from './escalation.eval';

describe('escalation eval on the dev corpus', () => {
  it('fires every expected alert by its alert_due_by and never on a control', async () => {
    const { outcomes, badLines } = await replayCorpusThreads(join(corpusDevDir(), 'threads.jsonl'));
    expect(badLines).toEqual([]);
    expect(outcomes.length).toBeGreaterThan(0);
    const late = outcomes.filter((outcome) => outcome.expected && !outcome.ok).map((outcome) => `${outcome.threadId} first alert ${outcome.firstAlertAt} due ${outcome.dueBy}`);
    const falseAlerts = outcomes.filter((outcome) => !outcome.expected && outcome.firstAlertAt !== null).map((outcome) => `${outcome.threadId}: ${outcome.reasons.join('; ')}`);
    expect(late).toEqual([]);
    expect(falseAlerts).toEqual([]);
  });

  it('reports both checks as passing', async () => {
    const section = await evaluateEscalation(corpusDevDir());
    expect(section.checks.map((check) => [check.name, check.pass])).toEqual([
      ['expected alerts fired by alert_due_by (share)', true],
      ['control threads that alerted', true],
    ]);
  });
});
