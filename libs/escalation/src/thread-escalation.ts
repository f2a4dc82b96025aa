/**
 * Incremental escalation tracking for one public thread. The worker keeps `toJSON()` with the thread row and
 * calls `observe()` for each new mention; `otklik replay` does the same over a file. Both run on event time
 * (published_at), so replaying history raises the alerts live traffic did.
 *
 * Levels: an alert fires when the score first reaches a level above the current one. The same level does not
 * alert again within the cooldown; once the thread has stayed calm (below the level by the hysteresis margin,
 * for calmMinutes) the level drops, so a later rise alerts again.
 */
import type { Sentiment } from '@otklik/domain';
import { amplifierKind, credibility, isBrandAccount } from './author-weight.rule';
import { DEFAULT_ESCALATION_SETTINGS, type EscalationSettings } from './escalation-settings';
import { scoreMetrics, type EscalationScore } from './escalation-score.rule';
import { ESCALATION_LEVELS, levelRank, type EscalationAlert, type EscalationLevel, type ThreadPost } from './escalation.types';
import { computeMetrics, type ThreadMetrics } from './thread-metrics';
import { readThreadCues } from './thread-cues.lexicon';
import { readTone, toneOfReply, type Tone } from './tone.lexicon';
import {
  addEngagement,
  emptyState,
  insertPost,
  MAX_PRIVATE_AUTHORS,
  MAX_SEEN_IDS,
  MAX_TONES,
  prune,
  pushCapped,
  type ThreadEscalationState,
} from './thread-window.state';

const MINUTE = 60_000;

export interface EscalationEvaluation extends EscalationScore {
  threadId: string;
  /** ISO event time the evaluation is for. */
  at: string | null;
  /** The tracker's level after cooldown/hysteresis (what the inbox shows). */
  currentLevel: EscalationLevel | null;
  metrics: ThreadMetrics | null;
}

function toneFromSentiment(sentiment: Sentiment): Tone {
  return sentiment === 'negative' ? -1 : sentiment === 'positive' ? 1 : 0;
}

export class ThreadEscalation {
  private readonly state: ThreadEscalationState;
  private readonly settings: EscalationSettings;
  private authorIndex: Map<string, number> | null = null;
  private seenIndex: Set<string> | null = null;

  constructor(threadId: string, settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS, state?: ThreadEscalationState) {
    this.settings = settings;
    this.state = state ?? emptyState(threadId);
  }

  get threadId(): string {
    return this.state.threadId;
  }

  get level(): EscalationLevel | null {
    return this.state.level;
  }

  /**
   * Takes one post (any order) and returns an alert when this post made the thread cross into a higher level,
   * else null. Posts older than the baseline lookback are ignored. A post seen before is not counted again, but
   * if its repost count grew (a live re-fetch) the growth is credited as amplification at `observedAt` (the time
   * the new count was read; default: the thread's latest event time).
   */
  observe(post: ThreadPost, options: { observedAt?: string } = {}): EscalationAlert | null {
    const state = this.state;
    const at = Date.parse(post.publishedAt);
    if (!Number.isFinite(at)) throw new RangeError(`publishedAt is not a time: ${post.publishedAt}`);
    if (this.seen().has(post.externalId)) return this.observeEngagement(post, options.observedAt);
    if (state.watermark !== null && at < state.watermark - this.settings.baselineMinutes * MINUTE) return null;
    this.remember(post.externalId);

    if (post.isPrivate) {
      // A private exchange is not public activity, but it is what a later "look what they wrote me" exposes.
      if (isBrandAccount(post.author)) state.brandInPrivate = true;
      else if (!state.privateAuthors.includes(post.author.id)) pushCapped(state.privateAuthors, post.author.id, MAX_PRIVATE_AUTHORS);
      return null;
    }
    if (isBrandAccount(post.author)) {
      state.watermark = Math.max(state.watermark ?? at, at);
      return this.step();
    }
    this.addPublicPost(post, at);
    return this.step();
  }

  /** The score at `at` (default: the latest event time seen), without changing the state. */
  evaluate(at?: string | Date): EscalationEvaluation {
    const state = this.state;
    const time = at === undefined ? state.watermark : typeof at === 'string' ? Date.parse(at) : at.getTime();
    if (time === null || !Number.isFinite(time)) {
      return { threadId: state.threadId, at: null, score: 0, level: null, toneGate: 0, contributions: [], reasons: [], currentLevel: state.level, metrics: null };
    }
    const metrics = computeMetrics(state, time, this.settings);
    const scored = scoreMetrics(metrics, this.settings);
    return { ...scored, threadId: state.threadId, at: new Date(time).toISOString(), currentLevel: this.levelAfterCalm(scored.score, time), metrics };
  }

  toJSON(): ThreadEscalationState {
    return structuredClone(this.state);
  }

  /** The state as a JSON string (what the worker stores): no intermediate copy. */
  serialise(): string {
    return JSON.stringify(this.state);
  }

  static fromJSON(json: unknown, settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS): ThreadEscalation {
    const state = (typeof json === 'string' ? JSON.parse(json) : json) as ThreadEscalationState;
    if (!state || typeof state !== 'object' || state.version !== 1 || typeof state.threadId !== 'string' || !Array.isArray(state.posts)) {
      throw new TypeError('not a ThreadEscalation state (version 1)');
    }
    // A string was parsed just now and belongs to this tracker; an object may be shared with the caller.
    const copy = typeof json === 'string' ? state : structuredClone(state);
    copy.engagement ??= [];
    copy.rootReposts ??= 0;
    return new ThreadEscalation(copy.threadId, settings, copy);
  }

  private observeEngagement(post: ThreadPost, observedAt: string | undefined): EscalationAlert | null {
    const state = this.state;
    if (post.isPrivate || isBrandAccount(post.author) || state.watermark === null) return null;
    const count = post.reposts ?? 0;
    const isRoot = post.externalId === state.rootId;
    const stored = isRoot ? null : state.posts.find((item) => item.id === post.externalId);
    const previous = isRoot ? state.rootReposts : stored?.seenReposts;
    if (previous === undefined || count <= previous) return null;
    if (isRoot) state.rootReposts = count;
    else stored!.seenReposts = count;
    const seenAt = observedAt === undefined ? state.watermark : Date.parse(observedAt);
    if (!Number.isFinite(seenAt)) throw new RangeError(`observedAt is not a time: ${observedAt}`);
    state.watermark = Math.max(state.watermark, seenAt);
    addEngagement(state, { at: Math.min(seenAt, state.watermark), reposts: count - previous });
    return this.step();
  }

  private addPublicPost(post: ThreadPost, at: number): void {
    const state = this.state;
    const settings = this.settings;
    const isRoot = post.externalId === state.threadId || post.externalId === post.threadExternalId || (state.rootId === null && post.inReplyTo === null && state.firstAt === null);

    const parentTone = post.inReplyTo === null ? null : (state.tones.find(([id]) => id === post.inReplyTo)?.[1] ?? state.rootTone);
    // The classifier's sentiment, when the post has one, spares reading the tone here.
    const tone = post.sentiment ? toneFromSentiment(post.sentiment) : toneOfReply(readTone(post.text), parentTone);

    const authors = this.authors();
    const fresh = !authors.has(post.author.id);
    const followers = post.author.followers ?? 0;
    if (fresh) {
      authors.set(post.author.id, followers);
      state.authors.push([post.author.id, followers]);
      state.reach += followers;
    }
    const weight = credibility(post.author, at, settings);
    const cues = readThreadCues(post.text);

    insertPost(state, {
      id: post.externalId,
      at,
      author: post.author.id,
      w: weight,
      fresh: fresh ? 1 : 0,
      reach: fresh ? followers : 0,
      reposts: isRoot ? 0 : (post.reposts ?? 0),
      seenReposts: post.reposts ?? 0,
      tone,
      calls: cues.pileOnCall,
    });
    if (isRoot) {
      state.rootId = post.externalId;
      state.rootTone = tone;
      state.rootReposts = post.reposts ?? 0;
    }
    pushCapped(state.tones, [post.externalId, tone], MAX_TONES);
    state.firstAt = Math.min(state.firstAt ?? at, at);
    state.watermark = Math.max(state.watermark ?? at, at);

    const marker = { at, postId: post.externalId, author: post.author.id, followers };
    const amplifier = amplifierKind(post.author, settings);
    const alreadyAmplifying = state.markers.some((item) => item.kind === 'amplifier' && item.author === post.author.id);
    if (amplifier && !alreadyAmplifying) {
      state.markers.push({ ...marker, kind: 'amplifier', strength: amplifier === 'verified' ? 0.6 : 1, detail: amplifier });
    }
    if (cues.journalistRequest.length > 0) {
      // A journalist's own account asking is certain; a private person quoting the word "journalist" less so.
      const strength = amplifier === 'media' || post.author.kind === 'media' || post.author.verified ? 1 : 0.7;
      state.markers.push({ ...marker, kind: 'journalist_request', strength, detail: cues.journalistRequest.slice(0, 3).join(', ') });
    }
    if (cues.privateMadePublic.length > 0) {
      state.markers.push({ ...marker, kind: 'private_made_public', strength: 1, detail: cues.privateMadePublic.slice(0, 3).join(', ') });
    } else if (state.brandInPrivate && state.privateAuthors.includes(post.author.id) && tone === -1) {
      // Same person, same thread, first in a private exchange with the brand, now angry in public.
      state.markers.push({ ...marker, kind: 'private_made_public', strength: 0.6, detail: 'author of the private exchange posts publicly' });
    }

    const exactMs = Math.max(settings.markerWindowMinutes, 4 * settings.recentWindowMinutes) * MINUTE;
    prune(state, exactMs, settings.baselineMinutes * MINUTE, settings.markerWindowMinutes * MINUTE);
  }

  /** Level after cooldown and hysteresis at event time `at`; mutates the state and returns an alert, if any. */
  private step(): EscalationAlert | null {
    const state = this.state;
    const now = state.watermark;
    if (now === null) return null;
    const evaluation = this.evaluate();
    const { score } = evaluation;
    state.level = this.levelAfterCalm(score, now);
    if (state.level !== null && score >= this.settings.levels[state.level]) state.lastAboveAt = now;

    const target = evaluation.level;
    if (target === null || levelRank(target) <= levelRank(state.level)) return null;
    state.level = target;
    state.lastAboveAt = now;
    const last = state.lastAlertAt[target];
    if (last !== undefined && now - last < this.settings.cooldownMinutes * MINUTE) return null;
    state.lastAlertAt[target] = now;
    return { threadId: state.threadId, alertedAt: new Date(now).toISOString(), level: target, score, reasons: evaluation.reasons };
  }

  /** The current level, dropped to what the score supports if the thread has been calm long enough. */
  private levelAfterCalm(score: number, now: number): EscalationLevel | null {
    const state = this.state;
    if (state.level === null) return null;
    const threshold = this.settings.levels[state.level];
    const calmFor = now - (state.lastAboveAt ?? now);
    if (score < threshold - this.settings.hysteresisPoints && calmFor >= this.settings.calmMinutes * MINUTE) {
      const scoreLevel = scoreLevelBelow(score, this.settings, state.level);
      return scoreLevel;
    }
    return state.level;
  }

  private authors(): Map<string, number> {
    if (!this.authorIndex || this.authorIndex.size !== this.state.authors.length) this.authorIndex = new Map(this.state.authors);
    return this.authorIndex;
  }

  private seen(): Set<string> {
    if (!this.seenIndex) this.seenIndex = new Set(this.state.seen);
    return this.seenIndex;
  }

  private remember(id: string): void {
    const forgotten = this.state.seen.length >= MAX_SEEN_IDS ? this.state.seen[0] : undefined;
    pushCapped(this.state.seen, id, MAX_SEEN_IDS);
    const seen = this.seen();
    if (forgotten !== undefined) seen.delete(forgotten);
    seen.add(id);
  }
}

function scoreLevelBelow(score: number, settings: EscalationSettings, current: EscalationLevel): EscalationLevel | null {
  let level: EscalationLevel | null = null;
  for (const candidate of ESCALATION_LEVELS) {
    if (levelRank(candidate) >= levelRank(current)) break;
    if (score >= settings.levels[candidate]) level = candidate;
  }
  return level;
}

/** Pure: the score of a thread after the given posts (in published_at order), e.g. for a one-off check. */
export function evaluateThread(threadId: string, posts: readonly ThreadPost[], settings: EscalationSettings = DEFAULT_ESCALATION_SETTINGS): EscalationEvaluation {
  const tracker = new ThreadEscalation(threadId, settings);
  for (const post of [...posts].sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt))) tracker.observe(post);
  return tracker.evaluate();
}
