/**
 * Labels a time-ordered stream of mentions with the context a single mention lacks (GUIDE §2): the thread
 * it belongs to (root, parent, who replied), the author's earlier unanswered mentions, and incident and
 * campaign membership from a MentionClusterer.
 *
 * Output is delayed by the clusterer's promotion horizon: a mention is released once nothing arriving later
 * can still make it a member of a new incident or campaign, so its labels are final when released. Memory
 * is bounded by that horizon plus the thread and author windows (and hard caps on their sizes).
 */
import type { MentionInput, MentionLabels } from '@otklik/domain';
import { clusterItemOf } from './cluster/cluster.item';
import { MentionClusterer, type ClusterAssignment, type ClustererOptions } from './cluster/mention.clusterer';
import { MentionAnalyzer, type MentionAnalysis } from './mention.analyzer';
import type { AuthorHistory, MentionContext, ThreadContext, ThreadMention } from './mention-context';
import { labelMention } from './mention.classifier';
import { threadMentionOf } from './batch.labeler';

export interface StreamingClassifierOptions {
  clusterer?: Partial<ClustererOptions>;
  /** Thread context is forgotten after this long without activity. */
  threadWindowMs?: number;
  /** Author history is forgotten after this long without a new mention. */
  authorWindowMs?: number;
  maxThreads?: number;
  maxAuthors?: number;
  /** An unanswered mention counts as ignored after this long. */
  unansweredAfterMs?: number;
}

export interface ClassifiedMention {
  mention: MentionInput;
  labels: MentionLabels;
}

interface Pending {
  analysis: MentionAnalysis;
  context: MentionContext;
  cluster: ClusterAssignment;
  labels: MentionLabels;
  at: number;
}

interface ThreadState {
  root: ThreadMention | null;
  authors: Set<string>;
  replies: number;
  brandAnswered: boolean;
  lastAt: number;
}

interface AuthorState {
  mentions: number;
  /** Unanswered complaints or questions: thread id and time. */
  open: { thread: string; at: number }[];
  lastAt: number;
}

const DEFAULTS = {
  threadWindowMs: 3 * 24 * 3_600_000,
  authorWindowMs: 30 * 24 * 3_600_000,
  maxThreads: 200_000,
  maxAuthors: 500_000,
  unansweredAfterMs: 30 * 60_000,
};

export class StreamingClassifier {
  private readonly analyzer = new MentionAnalyzer();
  private readonly clusterer: MentionClusterer;
  private readonly options: typeof DEFAULTS;
  private readonly pending: Pending[] = [];
  private readonly pendingById = new Map<string, Pending>();
  private readonly threads = new Map<string, ThreadState>();
  private readonly authors = new Map<string, AuthorState>();
  private clock = 0;

  constructor(options: StreamingClassifierOptions = {}) {
    this.clusterer = new MentionClusterer(options.clusterer);
    this.options = {
      ...DEFAULTS,
      ...Object.fromEntries(Object.entries(options).filter(([key, value]) => key !== 'clusterer' && value !== undefined)),
    };
  }

  /** Adds the next mention (in time order); returns the mentions whose labels are now final, oldest first. */
  push(mention: MentionInput): ClassifiedMention[] {
    const at = Date.parse(mention.publishedAt);
    this.clock = Math.max(this.clock, at);
    const analysis = this.analyzer.analyze(mention);
    const context = this.contextFor(mention, at);
    const preliminary = labelMention(analysis, context);
    const { assignment, promoted } = this.clusterer.add(clusterItemOf(analysis, preliminary));
    const entry: Pending = { analysis, context, cluster: assignment, labels: preliminary, at };
    if (assignment.incident || assignment.campaign) entry.labels = this.relabel(entry);
    for (const promotion of promoted) {
      const earlier = this.pendingById.get(promotion.externalId);
      if (!earlier) continue;
      earlier.cluster = promotion;
      earlier.labels = this.relabel(earlier);
      this.updateRootLabels(earlier);
    }
    this.pending.push(entry);
    this.pendingById.set(mention.externalId, entry);
    this.remember(mention, entry, at);
    return this.release(this.clock - this.clusterer.promotionHorizonMs);
  }

  /** Releases everything still held (end of input). */
  flush(): ClassifiedMention[] {
    return this.release(Infinity);
  }

  /** Sizes of the bounded state, for tests and the benchmark. */
  get memory(): { pending: number; threads: number; authors: number; clusterer: { recent: number; incidents: number; campaigns: number } } {
    return { pending: this.pending.length, threads: this.threads.size, authors: this.authors.size, clusterer: this.clusterer.size };
  }

  private relabel(entry: Pending): MentionLabels {
    return labelMention(entry.analysis, { ...entry.context, cluster: entry.cluster });
  }

  private release(before: number): ClassifiedMention[] {
    const out: ClassifiedMention[] = [];
    while (this.pending.length > 0 && this.pending[0].at < before) {
      const entry = this.pending.shift()!;
      this.pendingById.delete(entry.analysis.mention.externalId);
      out.push({ mention: entry.analysis.mention, labels: entry.labels });
    }
    return out;
  }

  private contextFor(mention: MentionInput, at: number): MentionContext {
    const context: MentionContext = {};
    const thread = this.threads.get(mention.threadExternalId);
    if (thread && mention.inReplyTo !== null) {
      const threadContext: ThreadContext = {
        root: thread.root,
        replyCount: thread.replies,
        uniqueAuthors: thread.authors.size,
        brandAnswered: thread.brandAnswered,
      };
      const parent = this.pendingById.get(mention.inReplyTo);
      if (parent) threadContext.parent = this.summary(parent);
      else if (thread.root && thread.root.externalId === mention.inReplyTo) threadContext.parent = thread.root;
      context.thread = threadContext;
    }
    const author = this.authors.get(mention.author.id);
    if (author && author.mentions > 0) {
      const ignored = author.open.filter(
        (open) => at - open.at >= this.options.unansweredAfterMs && !this.threads.get(open.thread)?.brandAnswered,
      );
      const history: AuthorHistory = { earlierMentions: author.mentions, unanswered: mention.isPrivate ? 0 : ignored.length };
      if (ignored.length > 0) history.oldestUnansweredHours = (at - Math.min(...ignored.map((open) => open.at))) / 3_600_000;
      context.author = history;
    }
    return context;
  }

  private summary(entry: Pending): ThreadMention {
    return threadMentionOf(entry.analysis.mention, entry.labels);
  }

  private updateRootLabels(entry: Pending): void {
    const thread = this.threads.get(entry.analysis.mention.threadExternalId);
    if (thread?.root && thread.root.externalId === entry.analysis.mention.externalId) thread.root = this.summary(entry);
  }

  private remember(mention: MentionInput, entry: Pending, at: number): void {
    let thread = this.threads.get(mention.threadExternalId);
    if (!thread) {
      thread = { root: null, authors: new Set(), replies: 0, brandAnswered: false, lastAt: at };
      this.threads.set(mention.threadExternalId, thread);
    } else {
      // Re-insert so the Map's order is least-recently-active first (eviction below).
      this.threads.delete(mention.threadExternalId);
      this.threads.set(mention.threadExternalId, thread);
    }
    if (mention.inReplyTo === null || thread.root === null) {
      if (mention.inReplyTo === null) thread.root = this.summary(entry);
    } else {
      thread.replies += 1;
    }
    if (thread.authors.size < 10_000) thread.authors.add(mention.author.id);
    thread.lastAt = at;
    const brandSpeaks = mention.author.kind === 'brand';
    if (brandSpeaks && mention.inReplyTo !== null) thread.brandAnswered = true;

    let author = this.authors.get(mention.author.id);
    if (!author) author = { mentions: 0, open: [], lastAt: at };
    else this.authors.delete(mention.author.id);
    author.mentions += 1;
    author.lastAt = at;
    const wantsAnswer = (entry.labels.intent === 'problem' || entry.labels.intent === 'question') && !brandSpeaks && !thread.brandAnswered;
    if (wantsAnswer && !author.open.some((open) => open.thread === mention.threadExternalId)) {
      author.open.push({ thread: mention.threadExternalId, at });
      if (author.open.length > 20) author.open.shift();
    }
    this.authors.set(mention.author.id, author);
    this.evict();
  }

  private evict(): void {
    const now = this.clock;
    for (const [id, thread] of this.threads) {
      if (thread.lastAt >= now - this.options.threadWindowMs && this.threads.size <= this.options.maxThreads) break;
      this.threads.delete(id);
    }
    for (const [id, author] of this.authors) {
      if (author.lastAt >= now - this.options.authorWindowMs && this.authors.size <= this.options.maxAuthors) break;
      this.authors.delete(id);
    }
  }
}
