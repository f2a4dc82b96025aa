/**
 * Per-workspace escalation thresholds. Every workspace starts from DEFAULT_ESCALATION_SETTINGS; a lead may
 * override any subset (stored as JSON, or `otklik replay --thresholds FILE.json`). The defaults are written
 * from the guide's signals, not fitted to one scenario: see libs/escalation/README.md "How to tune".
 */
import type { EscalationLevel } from './escalation.types';

export interface SignalWeights {
  /** Reply rate now vs the thread's own earlier rate. */
  replyAcceleration: number;
  /** Authors who had not posted in the thread before, within the recent window. */
  newAuthors: number;
  /** Followers of newly joined participants vs the audience the thread already had. */
  reachGrowth: number;
  /** Reposts earned by the recent posts vs the thread's earlier repost rate. */
  repostGrowth: number;
  /** Distinct authors calling others to pile on ("everyone complain", "репост"). */
  pileOnCalls: number;
  /** An influencer or a large / verified account joined. */
  amplifierJoined: number;
  /** A media account joined (kind media). */
  mediaJoined: number;
  /** Someone asks the brand for comment for a story: already public. */
  journalistRequest: number;
  /** A private conversation was posted publicly (screenshots of the correspondence). */
  privateMadePublic: number;
}

export interface EscalationSettings {
  /** Score (0..100) at which each level starts. Must increase from watch to critical. */
  levels: Record<EscalationLevel, number>;
  /** No second alert at the same level within this many minutes. */
  cooldownMinutes: number;
  /** The level drops once the score has stayed below its threshold for this long (event time)... */
  calmMinutes: number;
  /** ...and is at least this many points below it (hysteresis, so a thread hovering at a threshold doesn't flap). */
  hysteresisPoints: number;
  /** The "now" window: rates, new authors, reach and reposts are measured over it. */
  recentWindowMinutes: number;
  /** How long a one-off marker (a journalist, an influencer, screenshots made public) keeps counting. */
  markerWindowMinutes: number;
  /** How far back the thread's own baseline rate is measured. */
  baselineMinutes: number;
  /** A thread is never taken to be quieter than this many posts per hour (young threads have no baseline). */
  baselineFloorPerHour: number;
  /** Credibility-weighted posts needed in the recent window before reply acceleration counts at all. */
  minBurstPosts: number;
  /** Reach gains are compared with max(existing reach, this), so a tiny thread doubling isn't news. */
  reachFloor: number;
  /** Reposts in the recent window are compared with max(baseline, this). */
  repostFloor: number;
  /** Followers from which an account counts as an amplifier whatever its kind. */
  amplifierFollowers: number;
  /** A verified account counts as an amplifier from this many followers (paid badges are cheap). */
  verifiedAmplifierFollowers: number;
  /** Accounts younger than this many days at posting time count at reduced weight (bot bursts). */
  freshAccountDays: number;
  /** How many recent posts (plus the root, twice) decide the thread's tone. */
  toneSampleSize: number;
  weights: SignalWeights;
}

export const DEFAULT_ESCALATION_SETTINGS: EscalationSettings = Object.freeze({
  levels: Object.freeze({ watch: 35, warning: 55, critical: 75 }),
  cooldownMinutes: 60,
  calmMinutes: 30,
  hysteresisPoints: 10,
  recentWindowMinutes: 15,
  markerWindowMinutes: 60,
  baselineMinutes: 360,
  baselineFloorPerHour: 4,
  minBurstPosts: 4,
  reachFloor: 2000,
  repostFloor: 10,
  amplifierFollowers: 50_000,
  verifiedAmplifierFollowers: 5_000,
  freshAccountDays: 30,
  toneSampleSize: 10,
  weights: Object.freeze({
    replyAcceleration: 25,
    newAuthors: 20,
    reachGrowth: 20,
    repostGrowth: 40,
    pileOnCalls: 20,
    amplifierJoined: 25,
    mediaJoined: 35,
    journalistRequest: 80,
    privateMadePublic: 50,
  }),
}) as EscalationSettings;

export type EscalationSettingsOverride = Partial<Omit<EscalationSettings, 'levels' | 'weights'>> & {
  levels?: Partial<EscalationSettings['levels']>;
  weights?: Partial<SignalWeights>;
};

export class EscalationSettingsError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'EscalationSettingsError';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeNumbers<T extends object>(base: T, override: unknown, path: string): T {
  if (override === undefined) return { ...base };
  if (!isRecord(override)) throw new EscalationSettingsError(path, 'must be an object');
  const result = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(override)) {
    if (!(key in base)) throw new EscalationSettingsError(`${path}.${key}`, 'is not a known setting');
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new EscalationSettingsError(`${path}.${key}`, 'must be a non-negative number');
    }
    result[key] = value;
  }
  return result as T;
}

/**
 * Defaults overlaid with a workspace's overrides (a parsed JSON object). Throws EscalationSettingsError naming
 * the field when a value is unknown, not a number, or the levels are out of order.
 */
export function resolveEscalationSettings(override: unknown = {}, base: EscalationSettings = DEFAULT_ESCALATION_SETTINGS): EscalationSettings {
  if (!isRecord(override)) throw new EscalationSettingsError('(settings)', 'must be a JSON object');
  const { levels, weights, ...scalars } = override;
  const { levels: baseLevels, weights: baseWeights, ...baseScalars } = base;
  const resolved: EscalationSettings = {
    ...mergeNumbers(baseScalars, scalars, 'settings'),
    levels: mergeNumbers(baseLevels, levels, 'levels'),
    weights: mergeNumbers(baseWeights, weights, 'weights'),
  };
  if (!(resolved.levels.watch < resolved.levels.warning && resolved.levels.warning < resolved.levels.critical)) {
    throw new EscalationSettingsError('levels', 'must increase: watch < warning < critical');
  }
  for (const field of ['recentWindowMinutes', 'markerWindowMinutes', 'baselineMinutes', 'toneSampleSize'] as const) {
    if (resolved[field] <= 0) throw new EscalationSettingsError(`settings.${field}`, 'must be greater than 0');
  }
  return resolved;
}
