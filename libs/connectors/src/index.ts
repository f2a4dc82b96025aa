export * from './connector';
export * from './connector-error';
export * from './replay/replay.connector';
export { createConnector, listCapabilities, registeredChannels, DEFAULT_TIMEOUT_MS, type ConnectorDeps } from './connector-registry';
export { compileBrandQuery, type BrandMatch, type BrandMatcher } from './brand-match';
export { withBrandFilter, filterMentions } from './brand-filter.connector';
export { deliverReply, outcomeUnknown } from './reply-delivery';
export { systemClock, type Clock } from './shared/clock';
export { signWebhook, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './webhook/webhook-signature';
