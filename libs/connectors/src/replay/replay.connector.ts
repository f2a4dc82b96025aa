/**
 * The demo source: plays a JSONL timeline (the corpus mentions format) as if it were a live channel, and a
 * sandbox outbound that records replies in a local JSONL file instead of posting anywhere (clearly marked as
 * demo). Time is rescaled: the timeline's first post appears when the source starts, and `speed` timeline
 * seconds pass per real second (speed 0 = everything at once, for tests and benchmarks).
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseCorpusMention, RecordError } from '@otklik/domain';
import type { Connector, FetchRequest, FetchResult, NormalisedMention, OutboundMessage, SentMessage } from '../connector';
import { ConnectorError } from '../connector-error';

interface ReplayCursor {
  /** Lines of the file already emitted. */
  line: number;
}

export interface ReplayOptions {
  file: string;
  speed: number;
  /** ISO time the replay started (set when the source is created). */
  startedAt: string;
  /** Where the sandbox outbound records replies. */
  outboxFile?: string;
}

function options(raw: Record<string, unknown>): ReplayOptions {
  if (typeof raw.file !== 'string' || raw.file.length === 0) throw new ConnectorError('bad_request', 'replay source: options.file must name a JSONL file');
  const speed = raw.speed === undefined ? 60 : Number(raw.speed);
  if (!Number.isFinite(speed) || speed < 0) throw new ConnectorError('bad_request', 'replay source: options.speed must be a number ≥ 0');
  const startedAt = typeof raw.startedAt === 'string' ? raw.startedAt : new Date(0).toISOString();
  return { file: raw.file, speed, startedAt, outboxFile: typeof raw.outboxFile === 'string' ? raw.outboxFile : undefined };
}

/** Timelines are read once per process and kept (a demo file is small; the 100k benchmark file is ~40 MB). */
const timelines = new Map<string, string[]>();

function linesOf(file: string): string[] {
  let lines = timelines.get(file);
  if (!lines) {
    try {
      lines = readFileSync(file, 'utf8').split('\n');
    } catch (error) {
      throw new ConnectorError('bad_request', `replay source: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    if (lines[lines.length - 1] === '') lines.pop();
    timelines.set(file, lines);
  }
  return lines;
}

export class ReplayConnector implements Connector {
  readonly channel = 'demo';
  readonly capabilities = { poll: true, push: false, publicReply: true, privateMessage: true, replyMaxLength: null };

  constructor(private readonly now: () => number = Date.now) {}

  async fetch(request: FetchRequest): Promise<FetchResult> {
    const opts = options(request.source.options);
    const lines = linesOf(opts.file);
    const cursor: ReplayCursor = request.cursor ? (JSON.parse(request.cursor) as ReplayCursor) : { line: 0 };
    const started = Date.parse(opts.startedAt);
    const elapsed = this.now() - started;
    const mentions: NormalisedMention[] = [];
    const rejected: FetchResult['rejected'] = [];
    let firstPublished: number | null = null;
    let line = cursor.line;
    while (line < lines.length && mentions.length + rejected.length < request.limit) {
      const text = lines[line];
      if (text.trim() === '') {
        line += 1;
        continue;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch (error) {
        rejected.push({ externalId: null, reason: `line ${line + 1}: not valid JSON (${(error as Error).message})`, raw: text.slice(0, 2_000) });
        line += 1;
        continue;
      }
      let mention;
      try {
        mention = parseCorpusMention(raw);
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        const id = typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;
        rejected.push({ externalId: id, reason: `line ${line + 1}: ${error.message}`, raw });
        line += 1;
        continue;
      }
      const published = Date.parse(mention.publishedAt);
      firstPublished ??= this.firstPublished(lines) ?? published;
      const offset = opts.speed === 0 ? 0 : (published - firstPublished) / opts.speed;
      if (offset > elapsed) break; // not due yet on the rescaled clock
      const { labels: _labels, rationale: _rationale, ...payload } = raw as Record<string, unknown>;
      mentions.push({
        ...mention,
        // The demo shows fresh posts: published_at moves onto the replay's clock.
        publishedAt: opts.speed === 0 ? mention.publishedAt : new Date(started + offset).toISOString(),
        raw: payload,
      });
      line += 1;
    }
    return { mentions, rejected, cursor: JSON.stringify({ line } satisfies ReplayCursor), hasMore: line < lines.length && mentions.length + rejected.length >= request.limit };
  }

  private firstPublished(lines: string[]): number | null {
    for (const text of lines) {
      try {
        const value = JSON.parse(text) as { published_at?: string };
        if (value.published_at) return Date.parse(value.published_at);
      } catch {
        // skip malformed lines; they are rejected where they stand
      }
    }
    return null;
  }

  async replyPublic(message: OutboundMessage): Promise<SentMessage> {
    return this.record(message);
  }

  async sendPrivate(message: OutboundMessage): Promise<SentMessage> {
    return this.record(message);
  }

  async findSent(message: OutboundMessage): Promise<SentMessage | null> {
    const file = this.outboxFile(message);
    let lines: string[];
    try {
      lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    } catch {
      return null;
    }
    for (const line of lines) {
      const entry = JSON.parse(line) as { idempotencyKey: string; platformId: string };
      if (entry.idempotencyKey === message.idempotencyKey) return { platformId: entry.platformId, url: null };
    }
    return null;
  }

  private outboxFile(message: OutboundMessage): string {
    const opts = options(message.source.options);
    return opts.outboxFile ?? `${opts.file}.sent.jsonl`;
  }

  private async record(message: OutboundMessage): Promise<SentMessage> {
    const earlier = await this.findSent(message);
    if (earlier) return earlier;
    const file = this.outboxFile(message);
    mkdirSync(dirname(file), { recursive: true });
    const platformId = `demo-sent-${message.idempotencyKey}`;
    appendFileSync(
      file,
      `${JSON.stringify({
        demo: true,
        note: 'DEMO sandbox: this reply was recorded locally, not posted to any network',
        idempotencyKey: message.idempotencyKey,
        platformId,
        visibility: message.visibility,
        inReplyTo: message.inReplyTo.externalId,
        to: message.inReplyTo.author.handle,
        body: message.body,
        at: new Date(this.now()).toISOString(),
      })}\n`,
    );
    return { platformId, url: null };
  }
}
