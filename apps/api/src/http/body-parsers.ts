/**
 * How the API reads request bodies (registered in main.ts, before any route):
 * - JSON (`application/json`) up to 1 MiB: objects and arrays only, an empty body read as `{}`, a
 *   `__proto__` key dropped; anything unreadable is a 400 problem naming `body`;
 * - forms (`application/x-www-form-urlencoded`) up to 100 KiB;
 * - any other content type, or none, up to 1 MiB: read but not parsed, so `body` stays undefined and a DTO
 *   names its missing fields (400) instead of the request failing as an unsupported media type.
 * These are the rules (and limits) the API had on Express's body-parser, so clients see no difference.
 * Every body's bytes are also kept as `request.rawBody` (`rawBody: true` in main.ts): push deliveries are
 * verified over the bytes as sent (webhooks controller).
 */
import { HttpStatus } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { ProblemException } from './problem';

export const JSON_BODY_LIMIT = 1024 * 1024;
export const FORM_BODY_LIMIT = 100 * 1024;
/** Bodies of other content types (webhook deliveries sent as text, for instance). */
export const OTHER_BODY_LIMIT = 1024 * 1024;

/** The limit the parser of this Content-Type applies (for the 413 problem's detail). */
export function bodyLimitFor(contentType: string | undefined): number {
  const type = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase();
  if (type === 'application/json') return JSON_BODY_LIMIT;
  if (type === 'application/x-www-form-urlencoded') return FORM_BODY_LIMIT;
  return OTHER_BODY_LIMIT;
}

export function malformedBody(reason: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'malformed-body', `the request body is not valid JSON: ${reason}`, {
    errors: [{ field: 'body', reason: 'not valid JSON' }],
  });
}

/** The first byte that is not JSON whitespace, or -1. */
function firstSignificantByte(body: Buffer): number {
  for (const byte of body) if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return byte;
  return -1;
}

type Done = (error: Error | null, body?: unknown) => void;

export function registerBodyParsers(app: NestFastifyApplication): void {
  // Fastify's own parser (secure-json-parse: `__proto__` keys removed, `constructor.prototype` refused).
  const parseJson = app.getHttpAdapter().getInstance().getDefaultJsonParser('remove', 'error');
  app.useBodyParser('application/json', { bodyLimit: JSON_BODY_LIMIT }, (request: FastifyRequest, body: Buffer, done: Done) => {
    if (body.length === 0) {
      done(null, {});
      return;
    }
    const first = firstSignificantByte(body);
    // '{' or '[': a bare string or number is no request body this API takes.
    if (first !== 0x7b && first !== 0x5b) {
      done(malformedBody('a JSON body must be an object or an array'));
      return;
    }
    const text = body.toString('utf8');
    parseJson(request, text, (error, parsed) => {
      if (!error) {
        done(null, parsed);
        return;
      }
      // Fastify's error does not say what is wrong; JSON.parse does (it parses what Fastify refused
      // only for its prototype keys).
      let reason = 'it contains a forbidden prototype property';
      try {
        JSON.parse(text);
      } catch (syntax) {
        reason = (syntax as Error).message;
      }
      done(malformedBody(reason));
    });
  });
  // Without a parser argument: Nest's own form parser.
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: FORM_BODY_LIMIT });
  // Fastify parses text/plain by default: taken over, so text bodies are left unparsed like the rest.
  app.useBodyParser(['text/plain', '*'], { bodyLimit: OTHER_BODY_LIMIT }, (_request: FastifyRequest, _body: Buffer, done: Done) =>
    done(null, undefined),
  );
}
