import { compileBrandQuery } from './brand-match';
import type { Connector, FetchRequest, FetchResult, NormalisedMention, PushRequest, PushResult, SourceSettings } from './connector';

/**
 * The brand re-check, written once for every connector: the registry wraps each connector in this, so a
 * connector only says where an item came from (`origin`) and never filters by itself. Search hits that do
 * not name the brand (or that hit an exclusion) are dropped and counted in `offTopic`; kept mentions get
 * `brand` set. Items from the brand's own spaces (`origin: 'owned'`) are kept whatever they say.
 */
export function withBrandFilter(inner: Connector): Connector {
  const wrapped: Connector = {
    channel: inner.channel,
    capabilities: inner.capabilities,
  };
  if (inner.fetch) {
    const fetch = inner.fetch.bind(inner);
    wrapped.fetch = async (request: FetchRequest): Promise<FetchResult> => {
      const result = await fetch(request);
      const { kept, offTopic } = filterMentions(request.source, result.mentions);
      return { ...result, mentions: kept, offTopic: (result.offTopic ?? 0) + offTopic };
    };
  }
  if (inner.receive) {
    const receive = inner.receive.bind(inner);
    wrapped.receive = async (request: PushRequest): Promise<PushResult> => {
      const result = await receive(request);
      const { kept, offTopic } = filterMentions(request.source, result.mentions);
      return { ...result, mentions: kept, offTopic: (result.offTopic ?? 0) + offTopic };
    };
  }
  if (inner.replyPublic) wrapped.replyPublic = inner.replyPublic.bind(inner);
  if (inner.sendPrivate) wrapped.sendPrivate = inner.sendPrivate.bind(inner);
  if (inner.findSent) wrapped.findSent = inner.findSent.bind(inner);
  if (inner.testConnection) wrapped.testConnection = inner.testConnection.bind(inner);
  return wrapped;
}

export function filterMentions(source: SourceSettings, mentions: readonly NormalisedMention[]): { kept: NormalisedMention[]; offTopic: number } {
  const matcher = compileBrandQuery(source.query);
  const kept: NormalisedMention[] = [];
  let offTopic = 0;
  for (const mention of mentions) {
    if (mention.origin === 'owned' || matcher.match(mention.text).matched) {
      kept.push({ ...mention, brand: source.query.brand });
    } else {
      offTopic += 1;
    }
  }
  return { kept, offTopic };
}
