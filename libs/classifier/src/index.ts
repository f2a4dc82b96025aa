/**
 * @otklik/classifier: pure labelling of social-media mentions (intent, cause, severity, sentiment, personal
 * data, critical data) and streaming grouping into incidents and campaigns. No I/O; see README.md.
 */
export { CLASSIFIER_VERSION } from './classifier.version';
export { classifyMention, labelMention } from './mention.classifier';
export { MentionAnalyzer, type MentionAnalysis } from './mention.analyzer';
export type { AuthorHistory, ClusterContext, MentionContext, ThreadContext, ThreadMention } from './mention-context';
export { clusterItemOf, type ClusterItem } from './cluster/cluster.item';
export {
  DEFAULT_CLUSTERER_OPTIONS,
  MentionClusterer,
  type ClusterAssignment,
  type ClustererOptions,
  type ClustererState,
  type ClusterPromotion,
  type ClusterResult,
} from './cluster/mention.clusterer';
export { labelBatch, threadMentionOf, type BatchLabelling } from './batch.labeler';
export { StreamingClassifier, type ClassifiedMention, type StreamingClassifierOptions } from './streaming.classifier';
export { detectPii, luhnValid, type PiiFinding } from './rules/pii.rule';
export { because, EXPLANATION_MESSAGES, type ExplanationKey, type ExplanationLocale } from './explain/explanation.catalogue';
export { explanationLocale, renderExplanation, renderExplanations, type RenderedExplanations } from './explain/render-explanations';
