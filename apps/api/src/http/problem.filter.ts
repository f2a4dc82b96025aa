/**
 * One exception filter for the whole API: Nest's HTTP exceptions, our ProblemExceptions and anything
 * unexpected all leave as application/problem+json. Unexpected errors are logged and their message is not
 * leaked to the client.
 */
import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bodyLimitFor } from './body-parsers';
import { PROBLEM_CONTENT_TYPE, ProblemException, problemType, titleFor, type ProblemDetails } from './problem';

/**
 * Fastify's own request errors (body too large, a Content-Type that cannot be parsed) reach the filter as an
 * HttpException that Nest made of them, with the Fastify error as its cause.
 */
function fastifyErrorCode(error: HttpException): string | undefined {
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

export function problemFromError(error: unknown, request?: Pick<FastifyRequest, 'headers'>): ProblemDetails {
  if (error instanceof ProblemException) return error.problem;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    switch (fastifyErrorCode(error)) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return {
          type: problemType('payload-too-large'),
          title: titleFor(413),
          status: 413,
          detail: `the request body exceeds the limit of ${bodyLimitFor(request?.headers['content-type'])} bytes`,
        };
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return {
          type: problemType('unsupported-media-type'),
          title: titleFor(415),
          status: 415,
          detail: 'the Content-Type header is not a valid media type',
          errors: [{ field: 'Content-Type', reason: 'not a valid media type' }],
        };
    }
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
  // A client error a Fastify plugin raised without making it an HTTP error Nest knows (@fastify/compress
  // refusing a request's Content-Encoding, for instance): its status and message are meant for the client.
  const { statusCode, message } = (error ?? {}) as { statusCode?: unknown; message?: unknown };
  if (error instanceof Error && typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return {
      type: problemType(`http-${statusCode}`),
      title: titleFor(statusCode),
      status: statusCode,
      detail: typeof message === 'string' ? message : titleFor(statusCode),
    };
  }
  return { type: problemType('internal'), title: titleFor(500), status: 500, detail: 'an unexpected error occurred; it has been logged' };
}

export function sendProblem(reply: FastifyReply, problem: ProblemDetails, headers: Record<string, string> = {}, instance?: string): void {
  if (reply.sent || reply.raw.headersSent) {
    // A stream (the SSE one) failed after its headers went out: all that is left is to end it.
    if (!reply.raw.writableEnded) reply.raw.end();
    return;
  }
  reply
    .headers(headers)
    .code(problem.status)
    .type(`${PROBLEM_CONTENT_TYPE}; charset=utf-8`)
    .send(JSON.stringify(instance && !problem.instance ? { ...problem, instance } : problem));
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const reply = context.getResponse<FastifyReply>();
    const request = context.getRequest<FastifyRequest>();
    const problem = problemFromError(error, request);
    if (problem.status >= 500) this.logger.error(`${request.method} ${request.originalUrl}: ${(error as Error)?.stack ?? String(error)}`);
    sendProblem(reply, problem, error instanceof ProblemException ? error.headers : {}, request.originalUrl?.split('?')[0]);
  }
}
