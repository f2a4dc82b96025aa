/**
 * Replays a recorded thread through a fresh tracker, in published_at order (ties keep file order), exactly as
 * the worker would have seen it live. Used by `otklik replay` and the escalation eval.
 */
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from './escalation-settings';
import type { EscalationAlert, ThreadPost } from './escalation.types';
import { ThreadEscalation } from './thread-escalation';

export function replayThread(threadId: string, posts: readonly ThreadPost[], settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS): EscalationAlert[] {
  const ordered = posts
    .map((post, index) => ({ post, index, at: Date.parse(post.publishedAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index);
  const tracker = new ThreadEscalation(threadId, settings);
  const alerts: EscalationAlert[] = [];
  for (const { post } of ordered) {
    const alert = tracker.observe(post);
    if (alert) alerts.push(alert);
  }
  return alerts;
}
