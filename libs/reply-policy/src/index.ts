export * from './rule-ids';
export * from './reply-policy.types';
export { checkReply } from './check-reply';
export { detectPii } from './pii/pii.detector';
export { parseCorpusReply, type CorpusReply, type CorpusReplyOptions } from './corpus-reply.record';
export { suggestReplies, type SuggestedReply, type SuggestRepliesInput, type SuggestionApproach } from './suggest/suggest-replies';
