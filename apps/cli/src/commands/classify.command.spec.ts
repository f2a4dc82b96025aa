import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyCommand, toClassifyOutput, type ClassifyOutput } from './classify.command';
import { UsageError } from './command';

function record(id: string, text: string, minutes: number, extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    id,
    channel: 'vk',
    lang: 'ru',
    published_at: new Date(Date.parse('2026-03-02T10:00:00Z') + minutes * 60_000).toISOString(),
    is_private: false,
    author: { id: `vk:${id}`, followers: 300, account_created_at: '2015-01-01T00:00:00Z', verified: false, kind: 'person' },
    thread: { id: `t-${id}`, in_reply_to: null },
    brand: 'Mayak Bank',
    text,
    labels: { intent: 'praise' },
    ...extra,
  });
}

describe('otklik classify', () => {
  let dir: string;
  let out: string[];
  let err: string[];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'otklik-classify-'));
    out = [];
    err = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  });

  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one JSON line per mention, skipping bad lines with their line number and reason', async () => {
    const file = join(dir, 'mentions.jsonl');
    writeFileSync(
      file,
      [
        record('a', 'Маяк Банк, приложение не работает с утра, позвоните мне +7 912 345-67-89', 0),
        '{not json',
        record('b', 'Спасибо Маяк Банку, карту перевыпустили за один день!', 5),
        record('c', 'hello', 6, { published_at: 'yesterday' }),
        '',
        record('d', 'Маяк Банк, подскажите, можно ли открыть вклад онлайн?', 9),
      ].join('\n'),
    );
    await expect(classifyCommand.run([file])).resolves.toBe(0);
    const lines: ClassifyOutput[] = out.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(['a', 'b', 'd']);
    expect(lines[0]).toMatchObject({ intent: 'problem', cause: 'product_defect', pii: ['phone'], critical_data: false, incident: null, campaign: null });
    expect(lines[0].pii_spans).toEqual([{ kind: 'phone', start: expect.any(Number), end: expect.any(Number) }]);
    expect(lines[1].intent).toBe('praise');
    expect(lines[2].intent).toBe('question');
    expect(Object.keys(lines[0].confidence)).toEqual(expect.arrayContaining(['intent', 'cause', 'severity', 'sentiment', 'critical_data']));
    expect(lines[0].explain.intent.length).toBeGreaterThan(0);
    const messages = err.join('');
    expect(messages).toMatch(/line 2: not valid JSON/);
    expect(messages).toMatch(/line 4: published_at: is not an ISO 8601 time/);
    expect(messages).toMatch(/2 bad lines skipped/);
  });

  it('exits 1 with one clear line when the file cannot be opened', async () => {
    await expect(classifyCommand.run([join(dir, 'missing.jsonl')])).resolves.toBe(1);
    expect(err.join('')).toMatch(/^otklik classify: cannot open .*missing\.jsonl: no such file\n$/);
    await expect(classifyCommand.run([dir])).resolves.toBe(1);
  });

  it('rejects wrong usage (exit 2 through the dispatcher)', async () => {
    await expect(classifyCommand.run([])).rejects.toThrow(UsageError);
    await expect(classifyCommand.run(['a.jsonl', 'b.jsonl'])).rejects.toThrow(UsageError);
    await expect(classifyCommand.run(['--fast'])).rejects.toThrow(UsageError);
  });

  it('maps labels to the snake_case output record', () => {
    const output = toClassifyOutput('m-1', {
      intent: 'problem', cause: null, severity: 'low', sentiment: 'neutral', pii: [], piiSpans: [], criticalData: true, incident: 'inc-m-0', campaign: null,
      confidence: { criticalData: 0.7 }, explain: { criticalData: [{ key: 'critical_data.affected', phrases: ['x'] }] },
    });
    expect(output).toMatchObject({ id: 'm-1', critical_data: true, incident: 'inc-m-0', confidence: { critical_data: 0.7 } });
    // Explanations are stored language-neutral and printed as English sentences, as the command always did.
    expect(output.explain).toEqual({ critical_data: ['data or access affected: "x"'] });
  });
});
