import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation.pipe';

/**
 * Every error as application/problem+json and every input validated, for all controllers of the API.
 * (Responses carry no ETag: Fastify computes none, and hashing every answer — a 40 kB inbox page per request —
 * would not pay for itself: the inbox changes constantly and clients poll with cursors and SSE.)
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class HttpFoundationModule {}
