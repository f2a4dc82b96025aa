import type { NormalisedMention } from '../connector';
import { htmlToText } from '../shared/html-text';
import { dateToIso, idAt, isObject, MalformedItemError, numberAt, objectAt, stringAt, type JsonObject } from '../shared/json-reader';

export const MASTODON_CHANNEL = 'mastodon';

/**
 * Status ids are per instance (the same remote post has another id elsewhere), so external ids are
 * `<instance host>:<status id>`; authors are `mastodon:<user>@<domain>`, the same on every instance.
 */
export const mastodonIds = {
  status: (host: string, id: string) => `${host}:${id}`,
};

export function parseMastodonExternalId(externalId: string): { host: string; id: string } | null {
  const match = /^(.+):(\d+)$/.exec(externalId);
  return match ? { host: match[1]!, id: match[2]! } : null;
}

/** `user` for local accounts, `user@domain` for remote ones → always `user@domain`. */
export function fullAcct(account: unknown, host: string): string | null {
  const acct = stringAt(account, 'acct');
  if (!acct) return null;
  return acct.includes('@') ? acct : `${acct}@${host.replace(/:\d+$/, '')}`;
}

export interface MastodonNormaliseContext {
  host: string;
  origin: 'search' | 'owned';
  /** The brand's own account (`user@domain`): its statuses are not mentions. */
  brandAcct: string | null;
  /** Thread roots found with `context`, by status id. */
  roots: ReadonlyMap<string, string>;
}

export function normaliseMastodonStatus(raw: unknown, context: MastodonNormaliseContext): NormalisedMention | null {
  if (!isObject(raw)) throw new MalformedItemError('mastodon status: not an object');
  // A boost is the booster's share of someone else's post; the post itself is what is said.
  const status: JsonObject = objectAt(raw, 'reblog') ?? raw;
  const id = idAt(status, 'id');
  if (id === null) throw new MalformedItemError('mastodon status: missing id');
  const externalId = mastodonIds.status(context.host, id);
  const account = objectAt(status, 'account');
  const acct = fullAcct(account, context.host);
  if (account === null || acct === null) throw new MalformedItemError(`mastodon status ${externalId}: missing account`);
  if (context.brandAcct !== null && acct.toLowerCase() === context.brandAcct.toLowerCase()) return null;
  const publishedAt = dateToIso(stringAt(status, 'created_at'));
  if (publishedAt === null) throw new MalformedItemError(`mastodon status ${externalId}: missing created_at`);
  const warning = stringAt(status, 'spoiler_text')?.trim();
  const body = htmlToText(stringAt(status, 'content') ?? '');
  const text = [warning ? `CW: ${warning}` : '', body].filter((part) => part !== '').join('\n');
  if (text === '') return null;
  const inReplyTo = idAt(status, 'in_reply_to_id');
  const root = context.roots.get(id) ?? inReplyTo ?? id;
  return {
    externalId,
    channel: MASTODON_CHANNEL,
    lang: stringAt(status, 'language'),
    publishedAt,
    isPrivate: stringAt(status, 'visibility') === 'direct',
    author: {
      id: `${MASTODON_CHANNEL}:${acct}`,
      handle: `@${acct}`,
      followers: numberAt(account, 'followers_count'),
      accountCreatedAt: dateToIso(stringAt(account, 'created_at')),
      // Mastodon has no account verification (profile-link checks are not the same thing).
      verified: null,
      kind: null,
    },
    threadExternalId: mastodonIds.status(context.host, root),
    inReplyTo: inReplyTo !== null ? mastodonIds.status(context.host, inReplyTo) : null,
    brand: null,
    text,
    url: stringAt(status, 'url') ?? stringAt(status, 'uri'),
    likes: numberAt(status, 'favourites_count'),
    reposts: numberAt(status, 'reblogs_count'),
    origin: context.origin,
    raw,
  };
}
