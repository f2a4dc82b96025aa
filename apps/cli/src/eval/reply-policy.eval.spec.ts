import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDevDir } from '@otklik/config';
import { measureReplyPolicy, replyPolicyChecks } from './reply-policy.eval';

describe('reply policy on the dev corpus', () => {
  it('keeps every target within 0.03, every block draft blocked and no ok draft blocked', async () => {
    const corpus = corpusDevDir();
    expect(existsSync(join(corpus, 'replies.jsonl'))).toBe(true);
    const { figures } = await measureReplyPolicy(corpus);
    expect(figures.drafts).toBeGreaterThanOrEqual(60);
    expect(figures.skipped).toEqual([]);
    expect(figures.blockRecall).toBe(1);
    expect(figures.okBlocked).toBe(0);
    const missed = replyPolicyChecks(figures, 0.03).filter((check) => !check.pass);
    expect(missed.map((check) => `${check.name} = ${check.value.toFixed(3)} (target ${check.target})`)).toEqual([]);
  });
});
