/**
 * Path parameters. A malformed id names the parameter (400 problem+json); ids that are well-formed but belong
 * to nothing the caller can see are the handler's 404.
 */
import { Injectable, type PipeTransform } from '@nestjs/common';
import { badRequest } from './problem';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT = /^[1-9][0-9]{0,17}$/;

@Injectable()
class PatternParamPipe implements PipeTransform<string, string> {
  constructor(
    private readonly pattern: RegExp,
    private readonly reason: string,
  ) {}

  transform(value: string, metadata: { data?: string }): string {
    if (typeof value !== 'string' || !this.pattern.test(value)) throw badRequest(metadata.data ?? 'id', this.reason);
    return value;
  }
}

export function uuidParam(): PipeTransform<string, string> {
  return new PatternParamPipe(UUID, 'must be a UUID');
}

/** Mention ids are bigint identities, kept as strings (they may exceed 2^53). */
export function bigintParam(): PipeTransform<string, string> {
  return new PatternParamPipe(BIGINT, 'must be a positive integer id');
}
