export * from './escalation.types';
export * from './escalation-settings';
export * from './escalation-score.rule';
export * from './thread-metrics';
export * from './thread-escalation';
export type { ThreadEscalationState } from './thread-window.state';
export { readTone, type Tone } from './tone.lexicon';
export { readThreadCues, type ThreadCues } from './thread-cues.lexicon';
export * from './thread-replay';
