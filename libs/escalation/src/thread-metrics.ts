/**
 * Windowed metrics of one thread at an event time, read from its bounded state. Rates are normalised by the
 * thread's own baseline (its rate before the recent window), so a thread that is always busy is not news and a
 * quiet one that suddenly wakes up is.
 */
import type { EscalationSettings } from './escalation-settings';
import { BUCKET_MS, type Marker, type ThreadEscalationState, type WindowPost } from './thread-window.state';

const MINUTE = 60_000;
const HOUR = 3_600_000;

/** Reply rate over one window length compared with the thread's own rate before that window. */
export interface RateScale {
  windowMinutes: number;
  /** Credibility-weighted posts in the window, and the minimum for the scale to count. */
  weighted: number;
  minPosts: number;
  ratePerHour: number;
  baselinePerHour: number;
  /** True when the thread is too young (or too quiet) for its own baseline: the floor stands in. */
  baselineFromFloor: boolean;
  /** ratePerHour / baselinePerHour. */
  acceleration: number;
}

/** Who joined the thread over one window length. */
export interface AudienceScale {
  windowMinutes: number;
  /** Relative to recentWindowMinutes (1 = the recent window). */
  factor: number;
  /** Credibility-weighted authors posting for the first time in the window, and their usual count per window. */
  newAuthors: number;
  newAuthorsBaseline: number;
  reachAdded: number;
  /** reachAdded / max(reach before the window, reachFloor). */
  reachGrowth: number;
}

const AUDIENCE_SCALES = [1, 4];

/**
 * Window lengths relative to recentWindowMinutes: a short one catches a sharp burst within minutes, the long one
 * a slower platform (VK, Reddit) waking up over an hour. Shorter windows are noisier, so they need a higher floor.
 */
const RATE_SCALES = [1 / 3, 1, 4];

export interface ThreadMetrics {
  at: number;
  /** Public posts in the recent window (raw count and credibility-weighted). */
  recentPosts: number;
  recentWeighted: number;
  /** Weighted posts per hour in the recent window and in the window before it. */
  ratePerHour: number;
  previousRatePerHour: number;
  /** The reply rate at each window length (short, recent, long) against the thread's baseline. */
  scales: RateScale[];
  /** Who joined: new authors and added reach over the recent window and over four times it. */
  audience: AudienceScale[];
  /** Sum of followers of distinct public participants. */
  reach: number;
  reposts: number;
  repostsBaseline: number;
  /** reposts / max(repostsBaseline, repostFloor). */
  repostGrowth: number;
  /** Distinct authors (credibility-weighted) calling to pile on in the last two recent windows. */
  pileOnCallers: number;
  pileOnPhrases: string[];
  /** Tone of the root (counted three times) and the latest posts: shares of negative and positive posts. */
  negativeShare: number;
  positiveShare: number;
  /**
   * -1..1: (negative - positive) / (negative + positive + 2). Neutral replies ("which city are you in?") do not
   * dilute a complaint: the question is which way the opinionated posts lean; the +2 keeps one post from deciding.
   */
  toneLean: number;
  toneSample: number;
  activeMarkers: Marker[];
}

/**
 * Credibility-weighted posts with at most two per author: two people chatting fast is a conversation, not a
 * thread blowing up.
 */
function cappedPerAuthor(posts: readonly WindowPost[]): number {
  const counted = new Map<string, number>();
  let total = 0;
  for (const post of posts) {
    const seen = counted.get(post.author) ?? 0;
    if (seen < 2) total += post.w;
    counted.set(post.author, seen + 1);
  }
  return total;
}

export function computeMetrics(state: ThreadEscalationState, at: number, settings: EscalationSettings): ThreadMetrics {
  const recentMs = settings.recentWindowMinutes * MINUTE;
  const recentFrom = at - recentMs;
  const recent = state.posts.filter((post) => post.at > recentFrom && post.at <= at);
  const previous = state.posts.filter((post) => post.at > recentFrom - recentMs && post.at <= recentFrom);
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

  const recentWeighted = sum(recent.map((post) => post.w));
  const ratePerHour = recentWeighted / (recentMs / HOUR);
  const previousRatePerHour = sum(previous.map((post) => post.w)) / (recentMs / HOUR);

  // Baseline = everything in the lookback up to the window: all buckets minus the window's own posts.
  const lookbackFrom = Math.max(state.firstAt ?? at, at - settings.baselineMinutes * MINUTE);
  const bucketFrom = Math.floor(lookbackFrom / BUCKET_MS) * BUCKET_MS;
  const inLookback = state.buckets.filter((bucket) => bucket.start >= bucketFrom && bucket.start <= at);
  const lookbackWeighted = sum(inLookback.map((bucket) => bucket.w));
  const spanMs = recentFrom - lookbackFrom;
  const hasBaseline = spanMs >= recentMs;
  const perWindow = (total: number) => (hasBaseline ? (Math.max(0, total) / spanMs) * recentMs : 0);

  const scales = RATE_SCALES.map((factor): RateScale => {
    const windowMs = recentMs * factor;
    const weighted = cappedPerAuthor(state.posts.filter((post) => post.at > at - windowMs && post.at <= at));
    const baselineSpan = at - windowMs - lookbackFrom;
    const observed = baselineSpan >= windowMs ? Math.max(0, lookbackWeighted - weighted) / (baselineSpan / HOUR) : 0;
    const floor = settings.baselineFloorPerHour / Math.sqrt(factor);
    const baselinePerHour = Math.max(floor, observed);
    const ratePerHour = weighted / (windowMs / HOUR);
    return {
      windowMinutes: Math.round(settings.recentWindowMinutes * factor * 10) / 10,
      weighted,
      minPosts: settings.minBurstPosts * Math.max(0.75, Math.sqrt(factor)),
      ratePerHour,
      baselinePerHour,
      baselineFromFloor: observed < floor,
      acceleration: ratePerHour / baselinePerHour,
    };
  });

  const totalNewAuthors = sum(inLookback.map((bucket) => bucket.newAuthors));
  const audience = AUDIENCE_SCALES.map((factor): AudienceScale => {
    const windowMs = recentMs * factor;
    const inWindow = state.posts.filter((post) => post.at > at - windowMs && post.at <= at);
    const newAuthors = sum(inWindow.filter((post) => post.fresh).map((post) => post.w));
    const baselineSpan = at - windowMs - lookbackFrom;
    const reachAdded = sum(inWindow.map((post) => post.reach));
    return {
      windowMinutes: settings.recentWindowMinutes * factor,
      factor,
      newAuthors,
      newAuthorsBaseline: baselineSpan >= windowMs ? (Math.max(0, totalNewAuthors - newAuthors) / baselineSpan) * windowMs : 0,
      reachAdded,
      reachGrowth: reachAdded / Math.max(state.reach - reachAdded, settings.reachFloor),
    };
  });

  const gains = (state.engagement ?? []).filter((gain) => gain.at > recentFrom && gain.at <= at);
  const reposts = sum(recent.map((post) => post.reposts)) + sum(gains.map((gain) => gain.reposts));
  const repostsBaseline = perWindow(sum(inLookback.map((bucket) => bucket.reposts)) - reposts);

  const callers = new Map<string, number>();
  const phrases = new Set<string>();
  for (const post of state.posts) {
    if (post.at <= at - 2 * recentMs || post.at > at || post.calls.length === 0) continue;
    callers.set(post.author, Math.max(callers.get(post.author) ?? 0, post.w));
    post.calls.forEach((phrase) => phrases.add(phrase));
  }

  const sample = state.tones.filter(([id]) => id !== state.rootId).slice(-settings.toneSampleSize).map(([, tone]) => tone);
  // The root sets what the thread is about (a complaint, a thank-you): it weighs as three replies.
  if (state.rootTone !== null) sample.push(state.rootTone, state.rootTone, state.rootTone);
  const negative = sample.filter((tone) => tone === -1).length;
  const positive = sample.filter((tone) => tone === 1).length;

  const markerFrom = at - settings.markerWindowMinutes * MINUTE;
  return {
    at,
    recentPosts: recent.length,
    recentWeighted,
    ratePerHour,
    previousRatePerHour,
    scales,
    audience,
    reach: state.reach,
    reposts,
    repostsBaseline,
    repostGrowth: reposts / Math.max(repostsBaseline, settings.repostFloor),
    pileOnCallers: sum([...callers.values()]),
    pileOnPhrases: [...phrases],
    negativeShare: sample.length === 0 ? 0 : negative / sample.length,
    positiveShare: sample.length === 0 ? 0 : positive / sample.length,
    toneLean: (negative - positive) / (negative + positive + 2),
    toneSample: sample.length,
    activeMarkers: state.markers.filter((marker) => marker.at > markerFrom && marker.at <= at),
  };
}
