/** Test helper: a mention with sensible defaults (an established person account), overridable field by field. */
import type { AuthorInfo, MentionInput } from '@otklik/domain';

let sequence = 0;

export function mentionOf(text: string, overrides: Partial<Omit<MentionInput, 'author'>> & { author?: Partial<AuthorInfo> } = {}): MentionInput {
  sequence += 1;
  const { author, ...rest } = overrides;
  const id = rest.externalId ?? `t-${sequence}`;
  return {
    externalId: id,
    channel: 'x',
    lang: /[а-яё]/i.test(text) ? 'ru' : 'en',
    publishedAt: '2026-03-02T10:00:00.000Z',
    isPrivate: false,
    threadExternalId: rest.threadExternalId ?? id,
    inReplyTo: null,
    brand: 'Mayak Bank',
    text,
    ...rest,
    author: {
      id: `x:${sequence}`,
      handle: null,
      followers: 420,
      accountCreatedAt: '2016-05-01T00:00:00Z',
      verified: false,
      kind: 'person',
      ...author,
    },
  };
}

/** `minutes` after 2026-03-02T10:00Z, as ISO. */
export function at(minutes: number): string {
  return new Date(Date.parse('2026-03-02T10:00:00Z') + minutes * 60_000).toISOString();
}
