/**
 * Test fixture: builds synthetic threads (seeded, so a failure reproduces) with other brands, people and
 * timings than the dev corpus, to test the escalation logic beyond its eight scenarios.
 */
import type { AuthorKind } from '@otklik/domain';
import type { ThreadPost } from './escalation.types';

/** mulberry32: small, deterministic. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticAuthor {
  id?: string;
  followers?: number | null;
  kind?: AuthorKind;
  verified?: boolean;
  /** Account age in days at the thread's start. */
  ageDays?: number;
}

export interface SyntheticPost {
  minute: number;
  text: string;
  author?: SyntheticAuthor;
  replyTo?: string | null;
  reposts?: number;
  likes?: number;
  isPrivate?: boolean;
  lang?: 'ru' | 'en';
}

export class SyntheticThread {
  readonly posts: ThreadPost[] = [];
  private authorCounter = 0;

  constructor(
    readonly threadId: string,
    private readonly start: Date,
    readonly random: () => number = seededRandom(1),
  ) {}

  /** A fresh ordinary person (100-2000 followers, years old) unless told otherwise. */
  add(post: SyntheticPost): string {
    const id = `${this.threadId}-p${String(this.posts.length + 1).padStart(3, '0')}`;
    const author = post.author ?? {};
    const authorId = author.id ?? `x:${this.threadId}-a${(this.authorCounter += 1)}`;
    const created = new Date(this.start.getTime() - (author.ageDays ?? 400 + Math.floor(this.random() * 3000)) * 86_400_000);
    this.posts.push({
      externalId: id,
      channel: 'x',
      lang: post.lang ?? 'en',
      publishedAt: new Date(this.start.getTime() + post.minute * 60_000).toISOString(),
      isPrivate: post.isPrivate ?? false,
      author: {
        id: authorId,
        handle: null,
        followers: author.followers === undefined ? 100 + Math.floor(this.random() * 1900) : author.followers,
        accountCreatedAt: created.toISOString(),
        verified: author.verified ?? false,
        kind: author.kind ?? 'person',
      },
      threadExternalId: this.threadId,
      inReplyTo: post.replyTo === undefined ? (this.posts.length === 0 ? null : this.posts[0].externalId) : post.replyTo,
      brand: null,
      text: post.text,
      reposts: post.reposts ?? 0,
      likes: post.likes ?? 0,
    });
    return id;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** A time in [from, to) minutes, uniformly. */
  between(from: number, to: number): number {
    return from + this.random() * (to - from);
  }

  timeOf(minute: number): string {
    return new Date(this.start.getTime() + minute * 60_000).toISOString();
  }
}
