/**
 * RFC 9457 problem details: every error the API returns has this shape, so clients handle one format.
 * `errors` names each bad field and why; other extension members carry what the client needs to act
 * (who holds a claim, which rules blocked a reply).
 */
import { HttpException, HttpStatus } from '@nestjs/common';

export interface FieldError {
  field: string;
  reason: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

export function problemType(code: string): string {
  return `urn:otklik:problem:${code}`;
}

export function titleFor(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server error' : 'Request error');
}

/** Thrown by services and guards; the filter writes its body verbatim as application/problem+json. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    code: string,
    detail: string,
    extensions: { errors?: FieldError[]; title?: string; headers?: Record<string, string>; [key: string]: unknown } = {},
  ) {
    const { title, headers, ...rest } = extensions;
    super({ type: problemType(code), title: title ?? titleFor(status), status, detail, ...rest } satisfies ProblemDetails, status);
    this.headers = headers ?? {};
  }

  readonly headers: Record<string, string>;

  get problem(): ProblemDetails {
    return this.getResponse() as ProblemDetails;
  }
}

export function notFound(what: string, id: string): ProblemException {
  return new ProblemException(HttpStatus.NOT_FOUND, 'not-found', `${what} ${id} was not found`);
}

export function badRequest(field: string, reason: string): ProblemException {
  return new ProblemException(HttpStatus.BAD_REQUEST, 'validation', `${field}: ${reason}`, { errors: [{ field, reason }] });
}

export function conflict(code: string, detail: string, extensions: Record<string, unknown> = {}): ProblemException {
  return new ProblemException(HttpStatus.CONFLICT, code, detail, extensions);
}

export function forbidden(detail: string): ProblemException {
  return new ProblemException(HttpStatus.FORBIDDEN, 'forbidden', detail);
}

export function unauthorized(detail: string): ProblemException {
  return new ProblemException(HttpStatus.UNAUTHORIZED, 'unauthorized', detail, { headers: { 'WWW-Authenticate': 'Bearer' } });
}
