/**
 * A held-out probe set (testing/heldout-replies.jsonl, SCHEMA.md replies format): 123 drafts written for this
 * policy, not from the dev corpus, half Russian, half English, invented brands in other sectors (bank, telecom,
 * airline, food delivery, marketplace, game studio, streaming, fitness, retail). Each was labelled from GUIDE §3–§4
 * before the checker was run on it. The checker is called as `otklik check-replies` calls it (mention text,
 * language and known PII kinds; no classifier labels), so the policy's own reading of the mention is tested too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReply } from './check-reply';
import { parseCorpusReply, type CorpusReply } from './corpus-reply.record';

const records: CorpusReply[] = readFileSync(join(__dirname, 'testing', 'heldout-replies.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim().length > 0)
  .map((line) => parseCorpusReply(JSON.parse(line)));

const verdictOf = (record: CorpusReply) =>
  checkReply({
    mention: { text: record.mentionText, lang: record.lang, piiKinds: record.mentionPii },
    draft: record.draft,
    visibility: record.visibility,
  }).verdict;

describe('held-out reply probes', () => {
  it('is the whole set, half in each language', () => {
    expect(records.length).toBeGreaterThanOrEqual(120);
    const ru = records.filter((record) => record.lang === 'ru').length;
    expect(Math.abs(ru - (records.length - ru))).toBeLessThanOrEqual(2);
  });

  it('blocks every draft labelled block', () => {
    const missed = records.filter((record) => record.gold?.verdict === 'block' && verdictOf(record) !== 'block').map((record) => record.id);
    expect(missed).toEqual([]);
  });

  it('blocks no draft labelled ok or warn', () => {
    const falseBlocks = records.filter((record) => record.gold?.verdict !== 'block' && verdictOf(record) === 'block').map((record) => record.id);
    expect(falseBlocks).toEqual([]);
  });

  it('agrees with the labelled verdict on at least 95% of the drafts', () => {
    const agree = records.filter((record) => verdictOf(record) === record.gold?.verdict).length;
    expect(agree / records.length).toBeGreaterThanOrEqual(0.95);
  });
});
