/** Reads the recorded payloads under `libs/connectors/test-fixtures/<platform>/` (test support only). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES_DIR = join(__dirname, '..', '..', 'test-fixtures');

export function fixtureBytes(platform: string, file: string): Buffer {
  return readFileSync(join(FIXTURES_DIR, platform, file));
}

export function fixtureJson<T = unknown>(platform: string, file: string): T {
  return JSON.parse(fixtureBytes(platform, file).toString('utf8')) as T;
}

/** One interaction of a `*.cassette.json` / `*.httptest.json` recording (see test-fixtures/SOURCES.md). */
export interface CassetteInteraction {
  request: { method: string; uri: string; body?: unknown };
  response: { status: number; message?: string; headers: Record<string, string>; body: unknown };
}

export function cassette(platform: string, file: string): CassetteInteraction[] {
  return fixtureJson<CassetteInteraction[]>(platform, file);
}
