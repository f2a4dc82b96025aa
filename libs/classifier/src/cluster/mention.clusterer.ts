/**
 * Streaming grouping of mentions into incidents and campaigns (GUIDE §5-§6, SCHEMA incident/campaign).
 *
 * - Incident: one failure, many people. Seeded when `incidentMinAuthors` distinct authors in distinct threads
 *   report a failure of the same brand and topic within `incidentSeedWindowMs`; while active (a member in the
 *   last `incidentGapMs`), mentions of that brand join when they talk about the outage, share its topic with a
 *   negative tone, pile on, or reply to a member.
 * - Campaign: coordinated inauthentic posts. Near-duplicate wording (or a shared outside link or hashtag)
 *   from `campaignMinAuthors` distinct fresh or low-follower accounts within `campaignWindowMs`.
 *
 * Ids are stable and derived from the first member: `inc-<externalId>`, `camp-<externalId>`. When a cluster
 * is confirmed, the earlier members are returned as `promoted` so the caller can update them. Mentions must
 * arrive in time order (late ones are accepted but do not move the clock back). Memory is bounded by the
 * windows (and a hard cap on remembered items); the whole state is plain JSON (`toJSON` / `fromJSON`).
 */
import type { ClusterItem } from './cluster.item';
import { jaccard } from './shingle.hash';

export interface ClustererOptions {
  incidentSeedWindowMs: number;
  incidentGapMs: number;
  incidentMinAuthors: number;
  campaignWindowMs: number;
  campaignMinAuthors: number;
  /** Wording similarity (Jaccard of content stems) linking two posts of fresh accounts. */
  campaignSimilarity: number;
  /** Stricter similarity when account metadata is unknown. */
  campaignSimilarityUnknownAuthor: number;
  /** Hard cap on remembered items, whatever the windows (protects memory during a flood). */
  maxRemembered: number;
}

export const DEFAULT_CLUSTERER_OPTIONS: ClustererOptions = {
  incidentSeedWindowMs: 90 * 60_000,
  incidentGapMs: 90 * 60_000,
  incidentMinAuthors: 3,
  campaignWindowMs: 3 * 60 * 60_000,
  campaignMinAuthors: 3,
  campaignSimilarity: 0.2,
  campaignSimilarityUnknownAuthor: 0.45,
  maxRemembered: 20_000,
};

export interface ClusterAssignment {
  incident: string | null;
  incidentSize: number;
  campaign: string | null;
  campaignSize: number;
}

export interface ClusterPromotion extends ClusterAssignment {
  externalId: string;
}

export interface ClusterResult {
  assignment: ClusterAssignment;
  /** Earlier mentions that this one confirmed as members of a new incident or campaign. */
  promoted: ClusterPromotion[];
}

interface Fingerprinted {
  shingles: number[];
  links: string[];
  hashtags: string[];
  entities?: string[];
}

interface IncidentState {
  id: string;
  brand: string;
  lastAt: number;
  /** Distinct authors so far; `authors` keeps the most recent ones (bounded) to recognise repeats. */
  authorCount: number;
  authors: string[];
  topics: Record<string, number>;
  /** Recent member ids, for replies to members (bounded). */
  members: string[];
}

interface CampaignState {
  id: string;
  brand: string;
  lastAt: number;
  authors: string[];
  fingerprints: number[][];
  links: string[];
  hashtags: string[];
  entities?: string[];
}

export interface ClustererState {
  version: 1;
  options: ClustererOptions;
  clock: number;
  recent: ClusterItem[];
  incidents: IncidentState[];
  campaigns: CampaignState[];
}

const MAX_MEMBERS_KEPT = 500;
const MIN_SHINGLES = 4;

function isClustererState(value: unknown): value is ClustererState {
  const state = value as ClustererState;
  return typeof state === 'object' && state !== null && state.version === 1 && Array.isArray(state.recent) && Array.isArray(state.incidents) && Array.isArray(state.campaigns);
}

export class MentionClusterer {
  private readonly options: ClustererOptions;
  private clock = 0;
  private recent: ClusterItem[] = [];
  private incidents: IncidentState[] = [];
  private campaigns: CampaignState[] = [];

  constructor(options: Partial<ClustererOptions> = {}) {
    this.options = { ...DEFAULT_CLUSTERER_OPTIONS, ...options };
  }

  /** The longest time after a mention during which it can still be promoted into a new cluster. */
  get promotionHorizonMs(): number {
    return Math.max(this.options.incidentSeedWindowMs, this.options.campaignWindowMs);
  }

  get size(): { recent: number; incidents: number; campaigns: number } {
    return { recent: this.recent.length, incidents: this.incidents.length, campaigns: this.campaigns.length };
  }

  add(item: ClusterItem): ClusterResult {
    this.clock = Math.max(this.clock, item.at);
    this.expire();
    const promoted = new Map<string, ClusterPromotion>();
    const assignment: ClusterAssignment = { incident: null, incidentSize: 0, campaign: null, campaignSize: 0 };

    const campaign = this.assignCampaign(item, promoted);
    if (campaign) {
      assignment.campaign = campaign.id;
      assignment.campaignSize = campaign.authors.length;
    } else {
      const incident = this.assignIncident(item, promoted);
      if (incident) {
        assignment.incident = incident.id;
        assignment.incidentSize = incident.authorCount;
      }
    }
    if (!campaign) this.remember(item);
    return { assignment, promoted: [...promoted.values()] };
  }

  toJSON(): ClustererState {
    return {
      version: 1,
      options: { ...this.options },
      clock: this.clock,
      recent: this.recent.map((item) => ({ ...item })),
      incidents: this.incidents.map((incident) => ({ ...incident, authors: [...incident.authors], members: [...incident.members], topics: { ...incident.topics } })),
      campaigns: this.campaigns.map((campaign) => ({ ...campaign, authors: [...campaign.authors], fingerprints: campaign.fingerprints.map((f) => [...f]) })),
    };
  }

  static fromJSON(value: unknown): MentionClusterer {
    if (!isClustererState(value)) throw new Error('not a MentionClusterer state (expected version 1 with recent, incidents, campaigns)');
    const clusterer = new MentionClusterer(value.options);
    clusterer.clock = value.clock;
    clusterer.recent = value.recent.map((item) => ({ ...item }));
    clusterer.incidents = value.incidents.map((incident) => ({ ...incident }));
    clusterer.campaigns = value.campaigns.map((campaign) => ({ ...campaign }));
    return clusterer;
  }

  private expire(): void {
    const now = this.clock;
    const horizon = Math.max(this.options.incidentSeedWindowMs, this.options.campaignWindowMs);
    if (this.recent.length > 0 && this.recent[0].at < now - horizon) this.recent = this.recent.filter((item) => item.at >= now - horizon);
    if (this.recent.length > this.options.maxRemembered) this.recent = this.recent.slice(this.recent.length - this.options.maxRemembered);
    this.incidents = this.incidents.filter((incident) => incident.lastAt >= now - this.options.incidentGapMs);
    this.campaigns = this.campaigns.filter((campaign) => campaign.lastAt >= now - this.options.campaignWindowMs);
  }

  private remember(item: ClusterItem): void {
    // Only items that may later seed or extend a cluster are kept.
    if (item.failureReport || (item.attack && item.suspicious !== false)) this.recent.push(item);
  }

  // ---- campaigns ----

  private campaignCandidate(item: ClusterItem): boolean {
    return item.attack && item.suspicious !== false && item.shingles.length >= MIN_SHINGLES;
  }

  private similarity(a: Fingerprinted, b: Fingerprinted): number {
    let score = jaccard(a.shingles, b.shingles);
    if (a.links.some((link) => b.links.includes(link))) score += 0.3;
    if (a.hashtags.some((tag) => b.hashtags.includes(tag))) score += 0.15;
    // The same other brand named by paraphrased posts (the competitor a paid attack plugs).
    if ((a.entities ?? []).some((entity) => (b.entities ?? []).includes(entity))) score += 0.15;
    return score;
  }

  private linked(a: ClusterItem, b: ClusterItem): boolean {
    const threshold =
      a.suspicious === true && b.suspicious === true ? this.options.campaignSimilarity : this.options.campaignSimilarityUnknownAuthor;
    return this.similarity(a, b) >= threshold;
  }

  private assignCampaign(item: ClusterItem, promoted: Map<string, ClusterPromotion>): CampaignState | null {
    if (!this.campaignCandidate(item)) return null;
    for (const campaign of this.campaigns) {
      if (campaign.brand !== item.brand) continue;
      const threshold = item.suspicious === true ? this.options.campaignSimilarity : this.options.campaignSimilarityUnknownAuthor;
      const best = Math.max(
        ...campaign.fingerprints.map((shingles) => this.similarity(item, { shingles, links: campaign.links, hashtags: campaign.hashtags, entities: campaign.entities })),
      );
      if (best >= threshold) {
        this.joinCampaign(campaign, item);
        return campaign;
      }
    }
    // Single-link grouping of recent candidates of the same brand, grown from this item.
    const pool = this.recent.filter(
      (other) => other.brand === item.brand && other.at >= this.clock - this.options.campaignWindowMs && this.campaignCandidate(other),
    );
    const group: ClusterItem[] = [item];
    const frontier: ClusterItem[] = [item];
    const remaining = new Set(pool);
    while (frontier.length > 0) {
      const current = frontier.pop()!;
      for (const other of [...remaining]) {
        if (other.author !== current.author && this.linked(current, other)) {
          remaining.delete(other);
          group.push(other);
          frontier.push(other);
        }
      }
    }
    const authors = new Set(group.map((member) => member.author));
    if (authors.size < this.options.campaignMinAuthors) return null;
    group.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    const campaign: CampaignState = {
      id: `camp-${group[0].id}`,
      brand: item.brand,
      lastAt: item.at,
      authors: [...authors],
      fingerprints: group.map((member) => member.shingles),
      links: [...new Set(group.flatMap((member) => member.links))],
      hashtags: [...new Set(group.flatMap((member) => member.hashtags))],
      entities: [...new Set(group.flatMap((member) => member.entities ?? []))],
    };
    this.campaigns.push(campaign);
    const memberIds = new Set(group.map((member) => member.id));
    // Campaign posts are not incident reports: withdraw them from incident seeds.
    this.recent = this.recent.filter((other) => !memberIds.has(other.id));
    for (const member of group) {
      if (member.id === item.id) continue;
      promoted.set(member.id, { externalId: member.id, incident: null, incidentSize: 0, campaign: campaign.id, campaignSize: authors.size });
    }
    return campaign;
  }

  private joinCampaign(campaign: CampaignState, item: ClusterItem): void {
    campaign.lastAt = item.at;
    if (!campaign.authors.includes(item.author)) campaign.authors.push(item.author);
    if (campaign.fingerprints.length < 50) campaign.fingerprints.push(item.shingles);
    for (const link of item.links) if (!campaign.links.includes(link)) campaign.links.push(link);
    for (const tag of item.hashtags) if (!campaign.hashtags.includes(tag)) campaign.hashtags.push(tag);
    campaign.entities ??= [];
    for (const entity of item.entities ?? []) if (!campaign.entities.includes(entity) && campaign.entities.length < 50) campaign.entities.push(entity);
  }

  // ---- incidents ----

  private topicsCompatible(a: string[], b: string[], shinglesA: number[], shinglesB: number[]): boolean {
    if (a.length > 0 && b.length > 0) return a.some((topic) => b.includes(topic));
    return jaccard(shinglesA, shinglesB) >= 0.15;
  }

  private assignIncident(item: ClusterItem, promoted: Map<string, ClusterPromotion>): IncidentState | null {
    if (item.brand === '') return null;
    const active = this.incidents.find((incident) => incident.brand === item.brand);
    if (active) {
      const sharesTopic = item.topics.some((topic) => (active.topics[topic] ?? 0) > 0);
      const replyToMember = item.inReplyTo !== null && active.members.includes(item.inReplyTo);
      const joins =
        replyToMember ||
        item.outageTalk ||
        (item.failureReport && (sharesTopic || item.topics.length === 0)) ||
        (item.negative && (sharesTopic || item.topics.length === 0)) ||
        (item.question && sharesTopic);
      if (!joins) return null;
      this.joinIncident(active, item);
      return active;
    }
    if (!item.failureReport) return null;
    const seeds = this.recent.filter(
      (other) =>
        other.brand === item.brand &&
        other.failureReport &&
        other.at >= this.clock - this.options.incidentSeedWindowMs &&
        this.topicsCompatible(item.topics, other.topics, item.shingles, other.shingles),
    );
    // Independent reports only: one per author and per thread (replies in one thread are that thread's story).
    const group: ClusterItem[] = [];
    const authors = new Set<string>([item.author]);
    const threads = new Set<string>([item.thread]);
    for (const seed of seeds) {
      if (authors.has(seed.author) || threads.has(seed.thread)) continue;
      authors.add(seed.author);
      threads.add(seed.thread);
      group.push(seed);
    }
    if (authors.size < this.options.incidentMinAuthors) return null;
    const members = [...group, item].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
    const incident: IncidentState = { id: `inc-${members[0].id}`, brand: item.brand, lastAt: item.at, authorCount: 0, authors: [], topics: {}, members: [] };
    for (const member of members) this.joinIncident(incident, member);
    this.incidents.push(incident);
    for (const member of members) {
      if (member.id === item.id) continue;
      promoted.set(member.id, { externalId: member.id, incident: incident.id, incidentSize: incident.authorCount, campaign: null, campaignSize: 0 });
    }
    return incident;
  }

  private joinIncident(incident: IncidentState, item: ClusterItem): void {
    incident.lastAt = Math.max(incident.lastAt, item.at);
    if (!incident.authors.includes(item.author)) {
      incident.authorCount += 1;
      incident.authors.push(item.author);
      if (incident.authors.length > MAX_MEMBERS_KEPT) incident.authors.shift();
    }
    for (const topic of item.topics) incident.topics[topic] = (incident.topics[topic] ?? 0) + 1;
    incident.members.push(item.id);
    if (incident.members.length > MAX_MEMBERS_KEPT) incident.members.shift();
  }
}
