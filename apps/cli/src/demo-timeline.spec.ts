import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@otklik/config';
import { LANGS, parseCorpusMention, type MentionInput } from '@otklik/domain';

// The channels of ../shared/corpus/SCHEMA.md: the replay source must only play what a real connector could deliver.
const SCHEMA_CHANNELS = ['vk', 'telegram', 'x', 'mastodon', 'reddit', 'youtube', 'appstore', 'review_site', 'news'];

interface Loaded {
  raw: Record<string, unknown>[];
  mentions: MentionInput[];
  errors: string[];
}

function loadTimeline(): Loaded {
  const text = readFileSync(join(repoRoot(), 'data', 'demo', 'timeline.jsonl'), 'utf8');
  const loaded: Loaded = { raw: [], mentions: [], errors: [] };
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      const record = JSON.parse(line) as Record<string, unknown>;
      loaded.mentions.push(parseCorpusMention(record));
      loaded.raw.push(record);
    } catch (error) {
      loaded.errors.push(`line ${index + 1}: ${(error as Error).message}`);
    }
  });
  return loaded;
}

describe('demo timeline (data/demo/timeline.jsonl)', () => {
  const { raw, mentions, errors } = loadTimeline();

  it('parses every line as a corpus mention', () => {
    expect(errors).toEqual([]);
    expect(mentions.length).toBeGreaterThanOrEqual(150);
  });

  it('has unique ids and is sorted by published_at', () => {
    const ids = mentions.map((mention) => mention.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    const unsorted = mentions.filter((mention, index) => index > 0 && mention.publishedAt < mentions[index - 1].publishedAt);
    expect(unsorted.map((mention) => mention.externalId)).toEqual([]);
  });

  it('answers only earlier mentions of the same thread', () => {
    const seen = new Map<string, MentionInput>();
    const broken: string[] = [];
    let replies = 0;
    for (const mention of mentions) {
      if (mention.inReplyTo !== null) {
        replies += 1;
        const parent = seen.get(mention.inReplyTo);
        if (!parent) broken.push(`${mention.externalId}: ${mention.inReplyTo} is not earlier in the file`);
        else if (parent.threadExternalId !== mention.threadExternalId) broken.push(`${mention.externalId}: parent is in thread ${parent.threadExternalId}`);
      }
      seen.set(mention.externalId, mention);
    }
    expect(broken).toEqual([]);
    expect(replies).toBeGreaterThan(0);
  });

  it('mixes Russian and English, at least five brands and only schema channels', () => {
    const langs = new Map<string, number>();
    for (const mention of mentions) langs.set(mention.lang ?? '(none)', (langs.get(mention.lang ?? '(none)') ?? 0) + 1);
    expect([...langs.keys()].sort()).toEqual([...LANGS].sort());
    for (const lang of LANGS) expect(langs.get(lang)! / mentions.length).toBeGreaterThan(0.35);
    expect(new Set(mentions.map((mention) => mention.brand)).size).toBeGreaterThanOrEqual(5);
    expect(mentions.filter((mention) => !SCHEMA_CHANNELS.includes(mention.channel)).map((mention) => mention.externalId)).toEqual([]);
  });

  it('keeps author ids channel-prefixed and carries no gold labels', () => {
    expect(mentions.filter((mention) => !mention.author.id.startsWith(`${mention.channel}:`)).map((mention) => mention.externalId)).toEqual([]);
    expect(raw.filter((record) => 'labels' in record || 'rationale' in record).map((record) => record.id)).toEqual([]);
  });

  it('is what scripts/generate-demo-timeline.js writes', () => {
    const script = join(repoRoot(), 'scripts', 'generate-demo-timeline.js');
    // --check exits non-zero (execFileSync throws) when the committed file drifted from the script.
    expect(() => execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' })).not.toThrow();
  });
});
