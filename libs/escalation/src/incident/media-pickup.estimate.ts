/**
 * When will the media pick an incident up? GUIDE §5: the more customers affected, the sooner it is public;
 * with thousands affected media interest came about the next day, sometimes the same evening; then journalists
 * give hours to a day to answer. Public complaints are the tip: most affected customers never write (seed 000),
 * so the public count is scaled by `silentMultiplier` unless PR knows the real number from engineering/support.
 */
import type { MentionInput } from '@otklik/domain';
import { normaliseForCues } from '../text-cue.matcher';
import { JOURNALIST_REQUEST } from '../thread-cues.lexicon';

export type MediaHorizon = 'already_public' | 'same_day' | 'next_day' | 'days' | 'unlikely';

export interface MediaPickupSettings {
  /** Affected customers per public complaint (most never write). */
  silentMultiplier: number;
  /** "Thousands affected" (GUIDE §5). */
  massAffected: number;
  /** Enough affected that the press may notice within days if it keeps spreading. */
  notableAffected: number;
  /** Mentions per hour at which a mass incident reaches media the same day. */
  fastPerHour: number;
}

export const DEFAULT_MEDIA_PICKUP_SETTINGS: MediaPickupSettings = Object.freeze({
  silentMultiplier: 10,
  massAffected: 1000,
  notableAffected: 100,
  fastPerHour: 30,
});

export interface MediaPickupInput {
  /** Distinct affected authors in public. */
  affectedPublic: number;
  /** The real number when engineering or support know it (overrides the estimate when larger). */
  knownAffected?: number | null;
  /** Mentions per hour now. */
  velocityPerHour: number;
  /** A media account or a journalist is already in the conversation. */
  mediaInvolved: boolean;
  /** Event time the estimate is for (ISO). */
  at: string;
}

export interface MediaPickupEstimate {
  horizon: MediaHorizon;
  estimatedAffected: number;
  /** When media interest is expected, as an ISO window; null when unlikely. */
  expectedFrom: string | null;
  expectedBy: string | null;
  /** After a journalist asks, the time usually given to answer, in hours. */
  responseWindowHours: [number, number];
  explanation: string[];
}

const HOUR = 3_600_000;

/** A media author, or anyone asking for comment for a publication. */
export function mediaInvolvedIn(mentions: readonly MentionInput[]): MentionInput | null {
  return mentions.find((mention) => mention.author.kind === 'media' || JOURNALIST_REQUEST.test(normaliseForCues(mention.text))) ?? null;
}

export function estimateMediaPickup(input: MediaPickupInput, settings: MediaPickupSettings = DEFAULT_MEDIA_PICKUP_SETTINGS): MediaPickupEstimate {
  const at = Date.parse(input.at);
  if (!Number.isFinite(at)) throw new RangeError(`at is not a time: ${input.at}`);
  const scaled = input.affectedPublic * settings.silentMultiplier;
  const estimatedAffected = Math.max(scaled, input.knownAffected ?? 0);
  const basis =
    (input.knownAffected ?? 0) >= scaled
      ? `${estimatedAffected} affected (known from the team)`
      : `~${estimatedAffected} affected (${input.affectedPublic} in public x${settings.silentMultiplier}: most affected customers never write)`;
  const window = (fromHours: number, toHours: number) => ({ expectedFrom: new Date(at + fromHours * HOUR).toISOString(), expectedBy: new Date(at + toHours * HOUR).toISOString() });
  const responseWindowHours: [number, number] = [2, 24];
  const answer = 'journalists usually give from a few hours to a day to answer';

  if (input.mediaInvolved) {
    return {
      horizon: 'already_public',
      estimatedAffected,
      ...window(0, 0),
      responseWindowHours,
      explanation: ['a media account or a journalist is already in the conversation: it is public now', `${answer}: prepare the statement and the facts now`, basis],
    };
  }
  const fast = input.velocityPerHour >= settings.fastPerHour;
  const pace = `${input.velocityPerHour}/h mentions now`;
  if (estimatedAffected >= settings.massAffected) {
    return fast
      ? { horizon: 'same_day', estimatedAffected, ...window(3, 12), responseWindowHours, explanation: [basis, `${pace}, spreading fast: expect media interest the same day (by this evening)`, answer] }
      : { horizon: 'next_day', estimatedAffected, ...window(12, 36), responseWindowHours, explanation: [basis, `${pace}: with thousands affected media interest usually comes about the next day`, answer] };
  }
  if (estimatedAffected >= settings.notableAffected) {
    return fast
      ? { horizon: 'next_day', estimatedAffected, ...window(12, 36), responseWindowHours, explanation: [basis, `${pace}: not thousands yet, but at this pace it will be; expect interest about the next day`, answer] }
      : { horizon: 'days', estimatedAffected, ...window(24, 96), responseWindowHours, explanation: [basis, `${pace}: media may notice within days if it keeps spreading; fix it first`, answer] };
  }
  return {
    horizon: 'unlikely',
    estimatedAffected,
    expectedFrom: null,
    expectedBy: null,
    responseWindowHours,
    explanation: [basis, `${pace}: too few affected for the press; handle privately and avoid over-publicising (Streisand effect)`],
  };
}
