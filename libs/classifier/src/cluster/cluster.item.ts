/**
 * What the clusterer keeps of a mention: who, when, which brand, its wording fingerprint and the few signals
 * that decide membership. Plain data, so the clusterer's state serialises to JSON.
 */
import type { MentionLabels } from '@otklik/domain';
import type { MentionAnalysis } from '../mention.analyzer';
import { FAILURE_NOUN } from '../mention.analyzer';
import { phoneticKey } from '../text/transliteration';
import { fingerprint } from './shingle.hash';

export interface ClusterItem {
  id: string;
  /** Epoch milliseconds. */
  at: number;
  author: string;
  thread: string;
  inReplyTo: string | null;
  brand: string;
  shingles: number[];
  links: string[];
  hashtags: string[];
  /** Other brand-like names mentioned (a competitor plugged by every post of a campaign). */
  entities?: string[];
  topics: string[];
  /** Reports an own failure of the service: may seed an incident. */
  failureReport: boolean;
  /** Speaks of an outage, maintenance or restoration: may join an active incident. */
  outageTalk: boolean;
  negative: boolean;
  question: boolean;
  /** Fresh or low-follower account (true), established (false) or unknown metadata (null). */
  suspicious: boolean | null;
  /** A negative claim about the brand: may be part of a coordinated campaign. */
  attack: boolean;
}

/** A workspace has a handful of brands: their phonetic keys are computed once. */
const brandKeys = new Map<string, string>();
function brandKey(brand: string): string {
  let key = brandKeys.get(brand);
  if (key === undefined) {
    if (brandKeys.size >= 1_000) brandKeys.clear();
    key = phoneticKey(brand);
    brandKeys.set(brand, key);
  }
  return key;
}

export function clusterItemOf(analysis: MentionAnalysis, labels: Pick<MentionLabels, 'intent' | 'sentiment' | 'cause'>): ClusterItem {
  const mention = analysis.mention;
  const cues = analysis.cues;
  const followers = mention.author.followers;
  const age = analysis.authorAgeDays;
  let suspicious: boolean | null = null;
  if (age !== null) suspicious = age <= 45 && (followers === null || followers < 200);
  else if (followers !== null) suspicious = followers < 30 ? true : followers >= 200 ? false : null;
  const predicate = cues.defect.some((hit) => !FAILURE_NOUN.test(hit.phrase)) || cues.cannot_use.length > 0;
  const brandDomain = mention.brand ? brandKey(mention.brand) : '';
  return {
    id: mention.externalId,
    at: Date.parse(mention.publishedAt),
    author: mention.author.id,
    thread: mention.threadExternalId,
    inReplyTo: mention.inReplyTo,
    brand: brandDomain,
    shingles: fingerprint(analysis.contentStems),
    // The brand's own site is shared by everyone; only other domains are a coordination signal.
    links: analysis.links.filter((domain) => brandDomain === '' || !phoneticKey(domain.split('.')[0]).startsWith(brandDomain)),
    hashtags: analysis.hashtags.filter((tag) => brandDomain === '' || phoneticKey(tag) !== brandDomain),
    entities: analysis.entities,
    topics: analysis.topics,
    // Replies that only pile on are not independent reports; a post of its own saying "down for me too" is.
    failureReport: labels.intent === 'problem' && (predicate || cues.outage.length > 0) && (labels.cause !== 'piling_on' || mention.inReplyTo === null),
    outageTalk: cues.outage.length > 0 || cues.restoration.length > 0,
    negative: labels.sentiment === 'negative',
    question: labels.intent === 'question',
    suspicious,
    attack: labels.sentiment === 'negative' && (labels.intent === 'problem' || labels.intent === 'other'),
  };
}
