/**
 * One exception filter for the whole API: Nest's HTTP exceptions, our ProblemExceptions and anything
 * unexpected all leave as application/problem+json. Unexpected errors are logged and their message is not
 * leaked to the client.
 */
import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemType, titleFor, type ProblemDetails } from './problem';

/** Errors thrown by body-parser (JSON syntax, size) carry an HTTP status and a machine type. */
interface BodyParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
  limit?: number;
}

export function problemFromError(error: unknown): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    let detail = error.message;
    if (typeof response === 'object' && response !== null) {
      const message = (response as { message?: unknown }).message;
      if (Array.isArray(message)) detail = message.join('; ');
      else if (typeof message === 'string') detail = message;
    } else if (typeof response === 'string') {
      detail = response;
    }
    const code =
      status === HttpStatus.NOT_FOUND
        ? 'not-found'
        : status === HttpStatus.UNAUTHORIZED
          ? 'unauthorized'
          : status === HttpStatus.FORBIDDEN
            ? 'forbidden'
            : `http-${status}`;
    return { type: problemType(code), title: titleFor(status), status, detail };
  }
  const parser = error as BodyParserError;
  const status = parser?.status ?? parser?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500 && parser.type) {
    if (parser.type === 'entity.too.large') {
      return {
        type: problemType('payload-too-large'),
        title: titleFor(413),
        status: 413,
        detail: `the request body exceeds the limit of ${parser.limit ?? 'the configured'} bytes`,
      };
    }
    if (parser.type === 'entity.parse.failed') {
      return {
        type: problemType('malformed-body'),
        title: titleFor(400),
        status: 400,
        detail: `the request body is not valid JSON: ${parser.message ?? ''}`.trim(),
        errors: [{ field: 'body', reason: 'not valid JSON' }],
      };
    }
    return {
      type: problemType(parser.type.replace(/\./g, '-')),
      title: titleFor(status),
      status,
      detail: parser.expose ? (parser.message ?? '') : titleFor(status),
    };
  }
  return { type: problemType('internal'), title: titleFor(500), status: 500, detail: 'an unexpected error occurred; it has been logged' };
}

export function sendProblem(response: Response, problem: ProblemDetails, headers: Record<string, string> = {}, instance?: string): void {
  if (response.headersSent) {
    response.end();
    return;
  }
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response
    .status(problem.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(instance && !problem.instance ? { ...problem, instance } : problem));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const response = context.getResponse<Response>();
    const request = context.getRequest<Request>();
    const problem = problemFromError(error);
    if (problem.status >= 500) this.logger.error(`${request.method} ${request.originalUrl}: ${(error as Error)?.stack ?? String(error)}`);
    sendProblem(response, problem, error instanceof ProblemException ? error.headers : {}, request.originalUrl?.split('?')[0]);
  }
}
