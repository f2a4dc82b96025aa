import { Module, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_FILTER, APP_PIPE, HttpAdapterHost } from '@nestjs/core';
import { ProblemFilter } from './problem.filter';
import { createValidationPipe } from './validation.pipe';

/** Every error as application/problem+json and every input validated, for all controllers of the API. */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class HttpFoundationModule implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance() as { set?: (name: string, value: unknown) => void } | undefined;
    // Express hashes every response body for a weak ETag (a SHA-1 of a 40 kB inbox page per request); the
    // inbox changes constantly and clients poll with cursors and SSE, so conditional GETs would not pay for it.
    instance?.set?.('etag', false);
    instance?.set?.('x-powered-by', false);
  }
}
