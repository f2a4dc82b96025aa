export * from './rule-ids';
export * from './reply-policy.types';
export { checkReply } from './check-reply';
export { detectPii } from './pii/pii.detector';
export { parseCorpusReply, type CorpusReply, type CorpusReplyOptions } from './corpus-reply.record';
