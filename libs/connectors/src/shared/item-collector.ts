import type { NormalisedMention, RejectedItem } from '../connector';
import { MalformedItemError } from './json-reader';

export interface Collected {
  mentions: NormalisedMention[];
  rejected: RejectedItem[];
}

/**
 * Normalises a batch item by item: a malformed item becomes a `rejected` entry with its reason while the
 * rest go through. `normalise` returns null for items that are not mentions at all (a reaction, a service
 * message) — those are skipped, not dead-lettered. Any other exception is a bug and propagates.
 */
export function collectItems<T>(
  items: readonly T[],
  normalise: (item: T) => NormalisedMention | null,
  externalIdOf: (item: T) => string | null,
): Collected {
  const result: Collected = { mentions: [], rejected: [] };
  for (const item of items) {
    try {
      const mention = normalise(item);
      if (mention) result.mentions.push(mention);
    } catch (error) {
      if (!(error instanceof MalformedItemError)) throw error;
      result.rejected.push({ externalId: safeExternalId(externalIdOf, item), reason: error.message, raw: item });
    }
  }
  return result;
}

function safeExternalId<T>(externalIdOf: (item: T) => string | null, item: T): string | null {
  try {
    return externalIdOf(item);
  } catch {
    return null;
  }
}
