/**
 * The escalation score: each of the guide's signals (GUIDE §6) earns up to its weight in points, scaled by
 * how far it is above the thread's own baseline; the sum (capped at 100) is compared with the level thresholds.
 *
 * Tone gates the volume: a thread can be fast, wide and loud because people love the brand (the viral praise
 * control). Volume signals are multiplied by a tone gate that is 1 for a thread turning negative, ~0.2 for a
 * neutral one and 0 for a positive one. A journalist asking for comment or a private conversation posted in
 * public are serious in themselves, so they only need the thread not to be positive (a softer gate).
 */
import type { EscalationSettings } from './escalation-settings';
import { ESCALATION_LEVELS, type EscalationLevel, type SignalContribution } from './escalation.types';
import type { ThreadMetrics } from './thread-metrics';

export interface EscalationScore {
  score: number;
  /** The level the score alone reaches (the tracker adds cooldown and hysteresis on top). */
  level: EscalationLevel | null;
  /** 0..1: multiplies the volume signals. */
  toneGate: number;
  contributions: SignalContribution[];
  reasons: string[];
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const round1 = (value: number) => Math.round(value * 10) / 10;

export function toneGates(metrics: ThreadMetrics): { gate: number; softGate: number; lean: number } {
  const lean = metrics.toneLean;
  const gate = clamp01(0.2 + 1.6 * lean);
  const softGate = lean < -0.1 ? gate : Math.max(gate, 0.8);
  return { gate, softGate, lean };
}

export function levelForScore(score: number, settings: EscalationSettings): EscalationLevel | null {
  let level: EscalationLevel | null = null;
  for (const candidate of ESCALATION_LEVELS) if (score >= settings.levels[candidate]) level = candidate;
  return level;
}

export function scoreMetrics(metrics: ThreadMetrics, settings: EscalationSettings): EscalationScore {
  const weights = settings.weights;
  const { gate, softGate } = toneGates(metrics);
  const contributions: SignalContribution[] = [];
  const add = (signal: string, value: number, detail: string, points: number) => {
    if (points > 0) contributions.push({ signal, value: round1(value), detail, points: round1(points) });
  };

  const accelerating = metrics.scales
    .filter((scale) => scale.weighted >= scale.minPosts)
    .map((scale) => ({ scale, strength: clamp01(Math.log2(scale.acceleration / 1.5) / 3) }))
    .sort((a, b) => b.strength - a.strength)[0];
  if (accelerating) {
    const { scale, strength } = accelerating;
    add(
      'reply_acceleration',
      scale.acceleration,
      `${round1(scale.ratePerHour)}/h over ${scale.windowMinutes} min vs ${round1(scale.baselinePerHour)}/h ${scale.baselineFromFloor ? 'floor' : 'baseline'}`,
      weights.replyAcceleration * strength * gate,
    );
  }

  // Longer windows need proportionally more (by the square root: arrivals are bursty, not uniform).
  const joining = metrics.audience
    .map((scale) => {
      const k = Math.sqrt(scale.factor);
      const ratio = scale.newAuthors / Math.max(scale.newAuthorsBaseline, 1);
      const strength = scale.newAuthors >= 3 * k ? clamp01((scale.newAuthors - 2 * k) / (4 * k + 2)) * clamp01((ratio - 1) / 2) : 0;
      return { scale, strength };
    })
    .sort((a, b) => b.strength - a.strength)[0];
  if (joining && joining.strength > 0) {
    const { scale, strength } = joining;
    add('new_authors', scale.newAuthors, `${round1(scale.newAuthors)} new in ${scale.windowMinutes} min vs ${round1(scale.newAuthorsBaseline)} usual`, weights.newAuthors * strength * gate);
  }

  const widening = metrics.audience
    .filter((scale) => scale.reachAdded > 0)
    .map((scale) => ({ scale, strength: clamp01(Math.log2(1 + scale.reachGrowth) / Math.log2(11)) }))
    .sort((a, b) => b.strength - a.strength)[0];
  if (widening) {
    const { scale, strength } = widening;
    add('reach_growth', scale.reachGrowth, `+${scale.reachAdded} followers in ${scale.windowMinutes} min, reach ${metrics.reach}`, weights.reachGrowth * strength * gate);
  }

  if (metrics.reposts >= settings.repostFloor) {
    const strength = clamp01(Math.log2(metrics.repostGrowth) / 5);
    add('repost_growth', metrics.repostGrowth, `${metrics.reposts} reposts in ${settings.recentWindowMinutes} min vs ${round1(metrics.repostsBaseline)} usual`, weights.repostGrowth * strength * gate);
  }

  if (metrics.pileOnCallers > 0) {
    const strength = clamp01(metrics.pileOnCallers / 3);
    add('pile_on_calls', metrics.pileOnCallers, metrics.pileOnPhrases.slice(0, 4).join(', '), weights.pileOnCalls * strength * gate);
  }

  const strongest = (kind: string) =>
    metrics.activeMarkers.filter((marker) => marker.kind === kind).sort((a, b) => b.strength - a.strength)[0];

  const amplifier = metrics.activeMarkers
    .filter((marker) => marker.kind === 'amplifier')
    .map((marker) => ({ marker, points: (marker.detail === 'media' ? weights.mediaJoined : weights.amplifierJoined) * marker.strength }))
    .sort((a, b) => b.points - a.points)[0];
  if (amplifier) {
    const { marker, points } = amplifier;
    add(marker.detail === 'media' ? 'media_joined' : 'amplifier_joined', marker.followers, `${marker.detail}, ${marker.followers} followers (${marker.postId})`, points * gate);
  }

  const journalist = strongest('journalist_request');
  if (journalist) add('journalist_request', 1, `${journalist.detail} (${journalist.postId})`, weights.journalistRequest * journalist.strength * softGate);

  const madePublic = strongest('private_made_public');
  if (madePublic) add('private_made_public', madePublic.strength, `${madePublic.detail} (${madePublic.postId})`, weights.privateMadePublic * madePublic.strength * softGate);

  const score = Math.min(100, round1(contributions.reduce((total, item) => total + item.points, 0)));
  contributions.sort((a, b) => b.points - a.points);
  const reasons = contributions.map((item) => `${item.signal}=${item.value} (${item.detail}) +${item.points}`);
  if (contributions.length > 0) {
    reasons.push(`negative_share=${metrics.negativeShare.toFixed(2)} (positive ${metrics.positiveShare.toFixed(2)}, tone gate x${gate.toFixed(2)})`);
  }
  return { score, level: levelForScore(score, settings), toneGate: gate, contributions, reasons };
}
