/**
 * Streaming JSONL input for the CLI: one line at a time (memory stays flat on long files), with the line
 * number kept so a bad line is reported as `line N: field: why` and skipped, never crashing the run.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { RecordError } from '@otklik/domain';

export type JsonlItem<T> = { line: number; value: T; error?: undefined } | { line: number; value?: undefined; error: string };

export async function* readJsonl<T>(source: string, parse: (value: unknown) => T): AsyncGenerator<JsonlItem<T>> {
  const input = source === '-' ? process.stdin : createReadStream(source, { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of lines) {
    line += 1;
    const text = raw.trim();
    if (text.length === 0) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      yield { line, error: `not valid JSON (${(error as Error).message})` };
      continue;
    }
    try {
      yield { line, value: parse(json) };
    } catch (error) {
      if (error instanceof RecordError) yield { line, error: error.message };
      else throw error;
    }
  }
}

/** Reports skipped lines on stderr and a progress line every `every` records for long files. */
export class RunReporter {
  private skipped = 0;
  private processed = 0;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly every = 10_000,
  ) {}

  badLine(line: number, reason: string): void {
    this.skipped += 1;
    process.stderr.write(`${this.label}: line ${line}: ${reason} (skipped)\n`);
  }

  record(): void {
    this.processed += 1;
    if (this.processed % this.every === 0) {
      const seconds = (Date.now() - this.started) / 1000;
      process.stderr.write(`${this.label}: ${this.processed} records, ${Math.round(this.processed / seconds)}/s\n`);
    }
  }

  finish(): number {
    if (this.skipped > 0 || this.processed >= this.every) {
      process.stderr.write(`${this.label}: ${this.processed} records written, ${this.skipped} bad lines skipped\n`);
    }
    return this.skipped;
  }
}

let pipeWatched = false;

/** `otklik classify … | head`: the reader went away; that is the end of the run, not an error. */
function watchClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** Writes to stdout respecting back-pressure, so piping into `head` or a slow consumer stays bounded. */
export async function writeLine(value: unknown): Promise<void> {
  watchClosedPipe();
  const ok = process.stdout.write(`${JSON.stringify(value)}\n`);
  if (!ok) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}
