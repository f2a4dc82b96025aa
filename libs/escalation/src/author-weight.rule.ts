/**
 * How much one participant counts. A burst of days-old accounts with no followers is what spam and bot
 * farms look like (GUIDE §2, black_pr; the spam-burst control), so such posts count at a fraction: the
 * thread has to grow among people someone actually reads.
 */
import type { AuthorInfo } from '@otklik/domain';
import type { EscalationSettings } from './escalation-settings';

const DAY_MS = 86_400_000;

export function isBrandAccount(author: AuthorInfo): boolean {
  return author.kind === 'brand';
}

/** 0.05..1: ~1 from about 100 followers, less below; fresh accounts at 0.3 of that. Unknown followers: 0.6. */
export function credibility(author: AuthorInfo, postedAtMs: number, settings: EscalationSettings): number {
  const followers = author.followers;
  let weight = followers === null ? 0.6 : Math.min(1, Math.max(0.05, Math.log10(1 + followers) / 2));
  if (author.accountCreatedAt) {
    const ageDays = (postedAtMs - Date.parse(author.accountCreatedAt)) / DAY_MS;
    if (Number.isFinite(ageDays) && ageDays < settings.freshAccountDays) weight *= 0.3;
  }
  return weight;
}

export type AmplifierKind = 'media' | 'influencer' | 'large_account' | 'verified';

/** An account whose joining changes who hears the thread; null for ordinary participants. */
export function amplifierKind(author: AuthorInfo, settings: EscalationSettings): AmplifierKind | null {
  if (isBrandAccount(author)) return null;
  const followers = author.followers ?? 0;
  if (author.kind === 'media') return 'media';
  if (author.kind === 'influencer') return 'influencer';
  if (followers >= settings.amplifierFollowers) return 'large_account';
  if (author.verified && followers >= settings.verifiedAmplifierFollowers) return 'verified';
  return null;
}
