import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './command';
import { checkRepliesCommand } from './check-replies.command';

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  let err = '';
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    const code = await checkRepliesCommand.run(args);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('otklik check-replies', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-check-replies-'));
  const file = join(dir, 'replies.jsonl');
  const good = {
    id: 'a-1',
    lang: 'en',
    to_mention_text: 'Ordered a blue kettle, got a red one. Third time this happens with you!',
    to_mention_pii: [],
    visibility: 'public',
    draft: 'Hi! Getting the wrong colour three times is frustrating, sorry. Please DM us the order number and we will swap it.',
    verdict: 'block',
    violations: ['pii_echo'],
  };
  const echo = {
    id: 'a-2',
    lang: 'ru',
    to_mention_text: 'Перезвоните мне: +7 916 111-22-33!',
    to_mention_pii: ['phone'],
    visibility: 'public',
    draft: 'Перезвоним на +7 916 111-22-33.',
  };
  writeFileSync(
    file,
    [JSON.stringify(good), '{not json', JSON.stringify({ ...echo, id: 'a-3', visibility: 'secret' }), '', JSON.stringify(echo)].join('\n'),
  );

  it('writes one verdict line per draft, ignoring gold labels, with rule spans', async () => {
    const { code, out, err } = await run([file]);
    expect(code).toBe(0);
    const lines = out.map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(['a-1', 'a-2']);
    expect(lines[0]).toEqual({ id: 'a-1', verdict: 'ok', violations: [], spans: [] });
    expect(lines[1].verdict).toBe('block');
    expect(lines[1].violations).toContain('pii_echo');
    const span = lines[1].spans.find((candidate: { rule: string }) => candidate.rule === 'pii_echo');
    expect(echo.draft.slice(span.start, span.end)).toBe('+7 916 111-22-33');
    expect(err).toContain('line 2: not valid JSON');
    expect(err).toContain('line 3: visibility: must be "public" or "private" (skipped)');
  });

  it('rejects bad usage', async () => {
    await expect(checkRepliesCommand.run([])).rejects.toThrow(UsageError);
    await expect(checkRepliesCommand.run([file, '--locale', 'de'])).rejects.toThrow(UsageError);
    await expect(checkRepliesCommand.run([file, 'other.jsonl'])).rejects.toThrow(UsageError);
  });
});
