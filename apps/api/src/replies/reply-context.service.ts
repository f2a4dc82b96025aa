/**
 * Builds the reply-policy input for a mention: its text, stored personal-data spans and labels, the thread
 * before it (the brand's own posts and replies count as confirmed facts), the channel, the workspace's policy
 * (brand names included), the workspace's recent reply bodies (for `scripted`), and the caller's locale.
 */
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PiiKind, PiiSpan } from '@otklik/domain';
import type { Locale, ReplyCheckInput, ReplyPolicySettings, SuggestRepliesInput, ThreadPost } from '@otklik/reply-policy';
import type { AuthUser } from '../auth';
import { notFound } from '../http/problem';
import { SettingsService } from '../settings/settings.service';
import type { TriageSettings } from '../settings/triage-settings';

export interface ReplyMentionRow {
  id: string;
  workspace_id: string;
  channel: string;
  text: string;
  lang: string | null;
  pii: PiiKind[] | null;
  pii_spans: PiiSpan[] | null;
  intent: string | null;
  cause: string | null;
  severity: string | null;
  sentiment: string | null;
  is_private: boolean;
  status: string;
  thread_id: string;
  published_at: Date;
  first_response_at: Date | null;
  claimed_by: string | null;
  claimed_at: Date | null;
  claim_expires_at: Date | null;
  holder_name: string | null;
  handle: string | null;
  incident_eta: Date | null;
  incident_status: string | null;
}

export interface ReplyContext {
  mention: ReplyMentionRow;
  settings: TriageSettings;
  input: Omit<ReplyCheckInput, 'draft' | 'visibility'>;
}

const RECENT_REPLIES = 200;
const THREAD_POSTS = 30;

@Injectable()
export class ReplyContextService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  /** The mention row (locked FOR UPDATE when a transaction's manager is given) or 404. */
  async mention(user: AuthUser, id: string, manager?: EntityManager): Promise<ReplyMentionRow> {
    const [row] = (await (manager ?? this.dataSource.manager).query(
      `SELECT m.id::text, m.workspace_id, m.channel, m.text, m.lang, m.pii, m.pii_spans, m.intent, m.cause, m.severity, m.sentiment, m.is_private, m.status,
              m.thread_id, m.published_at, m.first_response_at, m.claimed_by, m.claimed_at, m.claim_expires_at, u.display_name AS holder_name, a.handle,
              i.eta AS incident_eta, i.status AS incident_status
         FROM mention m JOIN author a ON a.id = m.author_id LEFT JOIN app_user u ON u.id = m.claimed_by LEFT JOIN incident i ON i.id = m.incident_id
        WHERE m.id = $1 AND m.workspace_id = $2 ${manager ? 'FOR UPDATE OF m' : ''}`,
      [id, user.workspaceId],
    )) as ReplyMentionRow[];
    if (!row) throw notFound('mention', id);
    return row;
  }

  async build(user: AuthUser, mention: ReplyMentionRow, manager: EntityManager = this.dataSource.manager): Promise<ReplyContext> {
    // Inside a transaction the queries share one connection: pg wants them one after another.
    const inTransaction = manager !== this.dataSource.manager;
    const all = <T extends readonly unknown[]>(tasks: { [K in keyof T]: () => Promise<T[K]> }): Promise<T> =>
      inTransaction
        ? (async () => {
            const out: unknown[] = [];
            for (const task of tasks) out.push(await task());
            return out as unknown as T;
          })()
        : (Promise.all(tasks.map((task) => task())) as unknown as Promise<T>);
    const [settings, brands, thread, ownReplies, recent] = await all<
      [
        TriageSettings,
        { name: string; aliases: string[] }[],
        { text: string; kind: string | null }[],
        { body: string }[],
        { body: string }[],
      ]
    >([
      () => this.settings.get(user.workspaceId),
      () =>
        manager.query('SELECT name, aliases FROM brand WHERE workspace_id = $1', [user.workspaceId]) as Promise<
          { name: string; aliases: string[] }[]
        >,
      () =>
        manager.query(
          `SELECT x.text, x.kind FROM (SELECT p.text, a.kind, p.published_at FROM mention p JOIN author a ON a.id = p.author_id
            WHERE p.thread_id = $1 AND p.published_at <= $2 AND p.id <> $3 ORDER BY p.published_at DESC LIMIT ${THREAD_POSTS}) x ORDER BY x.published_at`,
          [mention.thread_id, mention.published_at, mention.id],
        ) as Promise<{ text: string; kind: string | null }[]>,
      () =>
        manager.query(
          `SELECT r.body FROM reply r JOIN mention p ON p.id = r.mention_id
          WHERE p.thread_id = $1 AND r.workspace_id = $2 AND r.visibility = 'public' AND r.status IN ('queued', 'sent') ORDER BY r.created_at LIMIT 20`,
          [mention.thread_id, user.workspaceId],
        ) as Promise<{ body: string }[]>,
      () =>
        manager.query(
          `SELECT body FROM reply WHERE workspace_id = $1 AND created_at > now() - interval '30 days' AND status <> 'failed' ORDER BY created_at DESC LIMIT ${RECENT_REPLIES}`,
          [user.workspaceId],
        ) as Promise<{ body: string }[]>,
    ]);
    const stored = settings.replyPolicy;
    const policy: ReplyPolicySettings = {
      enabledWarnRules: stored.enabledWarnRules,
      brandVoice: stored.brandVoice,
      bannedPhrases: stored.bannedPhrases,
      stockPhrases: stored.stockPhrases,
      privateContact: stored.privateContact,
      repeatedParagraphThreshold: stored.repeatedParagraphThreshold,
      brandNames: brands.flatMap((brand) => [brand.name, ...(brand.aliases ?? [])]),
    };
    const threadPosts: ThreadPost[] = [
      ...thread.map((post) => ({ text: post.text, fromBrand: post.kind === 'brand' })),
      ...ownReplies.map((reply) => ({ text: reply.body, fromBrand: true })),
    ];
    const confirmedFacts = mention.incident_eta ? [mention.incident_eta.toISOString()] : [];
    const locale: Locale = user.locale === 'en' ? 'en' : 'ru';
    return {
      mention,
      settings,
      input: {
        mention: {
          text: mention.text,
          lang: mention.lang,
          piiSpans: mention.pii_spans,
          piiKinds: mention.pii,
          labels: {
            intent: mention.intent as never,
            cause: mention.cause as never,
            severity: mention.severity as never,
            sentiment: mention.sentiment as never,
          },
          authorName: mention.handle,
        },
        thread: threadPosts,
        channel: mention.channel,
        policy,
        recentReplies: recent.map((reply) => reply.body),
        confirmedFacts,
        locale,
      },
    };
  }

  suggestionInput(context: ReplyContext): SuggestRepliesInput {
    // Suggestions speak the customer's language, whatever the agent's interface language is.
    const lang = context.mention.lang === 'ru' || context.mention.lang === 'en' ? context.mention.lang : null;
    return { ...context.input, locale: lang ?? context.input.locale };
  }
}
