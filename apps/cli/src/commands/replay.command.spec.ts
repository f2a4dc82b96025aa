import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpusDevDir } from '@otklik/config';
import { UsageError } from './command';
import { replayCommand } from './replay.command';

function captureOutput(): { stdout: string[]; stderr: string[]; restore: () => void } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const out = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
  const err = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
  return { stdout, stderr, restore: () => (out.mockRestore(), err.mockRestore()) };
}

const devLines = readFileSync(join(corpusDevDir(), 'threads.jsonl'), 'utf8').trim().split('\n');
const lineOf = (threadId: string) => devLines.find((line) => JSON.parse(line).thread_id === threadId)!;

describe('otklik replay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-replay-'));

  it('prints one JSON line per alert and reports bad lines with their number and field', async () => {
    const file = join(dir, 'threads.jsonl');
    const badThread = JSON.stringify({ thread_id: 't-bad', channel: 'x', posts: [{ id: 'p1', published_at: 'yesterday', author: { id: 'a' }, text: 'hi' }] });
    writeFileSync(file, [lineOf('t-0102'), '{not json', badThread, lineOf('t-0105')].join('\n'));
    const io = captureOutput();
    let code: number;
    try {
      code = await replayCommand.run([file]);
    } finally {
      io.restore();
    }
    expect(code).toBe(0);
    const alerts = io.stdout.join('').trim().split('\n').map((line) => JSON.parse(line));
    expect(alerts.length).toBeGreaterThan(0);
    expect(new Set(alerts.map((alert) => alert.thread_id))).toEqual(new Set(['t-0102']));
    expect(Object.keys(alerts[0]).sort()).toEqual(['alerted_at', 'level', 'reasons', 'score', 'thread_id']);
    expect(alerts[0].alerted_at <= '2026-01-20T11:52:00.000Z').toBe(true);
    expect(alerts[0].reasons.some((reason: string) => reason.startsWith('journalist_request='))).toBe(true);
    const errors = io.stderr.join('');
    expect(errors).toMatch(/line 2: not valid JSON/);
    expect(errors).toMatch(/line 3: posts\[0\]\.published_at: is not an ISO 8601 time/);
  });

  it('applies --thresholds overrides: raising every level above 100 silences the alerts', async () => {
    const file = join(dir, 'one.jsonl');
    writeFileSync(file, lineOf('t-0102'));
    const thresholds = join(dir, 'thresholds.json');
    writeFileSync(thresholds, JSON.stringify({ levels: { watch: 101, warning: 102, critical: 103 } }));
    const io = captureOutput();
    try {
      expect(await replayCommand.run([file, '--thresholds', thresholds])).toBe(0);
    } finally {
      io.restore();
    }
    expect(io.stdout.join('')).toBe('');
  });

  it('rejects a thresholds file with an unknown field, naming it', async () => {
    const thresholds = join(dir, 'bad-thresholds.json');
    writeFileSync(thresholds, JSON.stringify({ weights: { vibes: 3 } }));
    await expect(replayCommand.run([join(dir, 'one.jsonl'), '--thresholds', thresholds])).rejects.toThrow(/weights\.vibes: is not a known setting/);
    await expect(replayCommand.run([])).rejects.toBeInstanceOf(UsageError);
  });
});
