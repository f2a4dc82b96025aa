import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation.pipe';

/** Every error as application/problem+json and every input validated, for all controllers of the API. */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class HttpFoundationModule {}
