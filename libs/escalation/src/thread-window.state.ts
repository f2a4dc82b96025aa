/**
 * The bounded, serialisable memory of one thread: exact posts of the last hour or so, 5-minute buckets for
 * the thread's own baseline, the participants seen (for "new author" and reach), and a few one-off markers.
 * Everything is keyed on event time (published_at). The worker stores this as JSON with the thread row and
 * feeds it each new mention; nothing here grows with the thread's length beyond the caps below.
 */
import type { EscalationLevel } from './escalation.types';
import type { Tone } from './tone.lexicon';

export const BUCKET_MS = 5 * 60_000;
/** Exact posts kept; a burst beyond this in one window is already an alert, the oldest go first. */
export const MAX_WINDOW_POSTS = 500;
/** Participants remembered for "new author" and reach; beyond it the earliest are forgotten (reach stays summed). */
export const MAX_AUTHORS = 2000;
export const MAX_TONES = 50;
export const MAX_SEEN_IDS = 1000;
export const MAX_MARKERS = 20;
export const MAX_PRIVATE_AUTHORS = 50;

export interface WindowPost {
  id: string;
  at: number;
  author: string;
  /** Credibility weight 0.05..1. */
  w: number;
  /** 1 when this was the author's first public post in the thread. */
  fresh: 0 | 1;
  /** Followers this post added to the thread's reach (0 unless fresh). */
  reach: number;
  /** Reposts counted as this moment's amplification (0 for the root: its count accrues over the whole thread). */
  reposts: number;
  /** The post's own repost count as last observed, so a re-observation credits only the growth. */
  seenReposts: number;
  tone: Tone;
  /** Pile-on call phrases found, if any. */
  calls: string[];
}

export interface Bucket {
  start: number;
  /** Credibility-weighted posts. */
  w: number;
  posts: number;
  reposts: number;
  /** Credibility-weighted new authors. */
  newAuthors: number;
}

export type MarkerKind = 'journalist_request' | 'private_made_public' | 'amplifier';

export interface Marker {
  kind: MarkerKind;
  at: number;
  postId: string;
  author: string;
  /** 0..1: how strongly the marker applies (e.g. a verified account is a weaker amplifier than an influencer). */
  strength: number;
  /** For amplifiers: media | influencer | large_account | verified. For phrases: the phrases matched. */
  detail: string;
  /** For amplifiers: the author's followers. */
  followers: number;
}

/** Reposts a post gained after it was first observed (live re-observation), credited when they were seen. */
export interface EngagementGain {
  at: number;
  reposts: number;
}

export interface ThreadEscalationState {
  version: 1;
  threadId: string;
  rootId: string | null;
  rootTone: Tone | null;
  /** The root's repost count as last observed (the root may leave the exact window long before it stops growing). */
  rootReposts: number;
  /** Event time of the first public post (ms). */
  firstAt: number | null;
  /** Latest event time seen (ms): "now" for the thread. */
  watermark: number | null;
  posts: WindowPost[];
  engagement: EngagementGain[];
  buckets: Bucket[];
  /** [author id, followers], in the order first seen. */
  authors: [string, number][];
  /** Sum of followers of distinct public participants (brand excluded). */
  reach: number;
  /** [post id, tone] of the latest public posts. */
  tones: [string, Tone][];
  /** Authors who had a private exchange in this thread, and whether the brand took part. */
  privateAuthors: string[];
  brandInPrivate: boolean;
  markers: Marker[];
  seen: string[];
  level: EscalationLevel | null;
  /** Last event time the score was at or above the current level's threshold. */
  lastAboveAt: number | null;
  lastAlertAt: Partial<Record<EscalationLevel, number>>;
}

export function emptyState(threadId: string): ThreadEscalationState {
  return {
    version: 1,
    threadId,
    rootId: null,
    rootTone: null,
    rootReposts: 0,
    firstAt: null,
    watermark: null,
    posts: [],
    engagement: [],
    buckets: [],
    authors: [],
    reach: 0,
    tones: [],
    privateAuthors: [],
    brandInPrivate: false,
    markers: [],
    seen: [],
    level: null,
    lastAboveAt: null,
    lastAlertAt: {},
  };
}

function bucketAt(state: ThreadEscalationState, at: number): Bucket {
  const start = Math.floor(at / BUCKET_MS) * BUCKET_MS;
  let bucket = state.buckets.find((candidate) => candidate.start === start);
  if (!bucket) {
    bucket = { start, w: 0, posts: 0, reposts: 0, newAuthors: 0 };
    state.buckets.push(bucket);
    state.buckets.sort((a, b) => a.start - b.start);
  }
  return bucket;
}

export function insertPost(state: ThreadEscalationState, post: WindowPost): void {
  let index = state.posts.length;
  while (index > 0 && state.posts[index - 1].at > post.at) index -= 1;
  state.posts.splice(index, 0, post);
  const bucket = bucketAt(state, post.at);
  bucket.w += post.w;
  bucket.posts += 1;
  bucket.reposts += post.reposts;
  bucket.newAuthors += post.fresh ? post.w : 0;
}

export function addEngagement(state: ThreadEscalationState, gain: EngagementGain): void {
  pushCapped(state.engagement, gain, MAX_WINDOW_POSTS);
  bucketAt(state, gain.at).reposts += gain.reposts;
}

export function pushCapped<T>(list: T[], value: T, cap: number): void {
  list.push(value);
  if (list.length > cap) list.splice(0, list.length - cap);
}

/** Drops what no window can reach any more. `exactMs` and `baselineMs` are the longest windows in use. */
export function prune(state: ThreadEscalationState, exactMs: number, baselineMs: number, markerMs: number): void {
  if (state.watermark === null) return;
  const now = state.watermark;
  const exactFrom = now - exactMs;
  const firstKept = state.posts.findIndex((post) => post.at >= exactFrom);
  state.posts = firstKept === -1 ? [] : state.posts.slice(firstKept);
  if (state.posts.length > MAX_WINDOW_POSTS) state.posts = state.posts.slice(state.posts.length - MAX_WINDOW_POSTS);
  state.engagement = state.engagement.filter((gain) => gain.at >= exactFrom);
  const bucketFrom = Math.floor((now - baselineMs) / BUCKET_MS) * BUCKET_MS;
  state.buckets = state.buckets.filter((bucket) => bucket.start >= bucketFrom);
  state.markers = state.markers.filter((marker) => marker.at >= now - markerMs).slice(-MAX_MARKERS);
  if (state.authors.length > MAX_AUTHORS) state.authors = state.authors.slice(state.authors.length - MAX_AUTHORS);
}
