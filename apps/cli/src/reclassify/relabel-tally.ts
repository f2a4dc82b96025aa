/**
 * What a re-labelling run changed, for its summary: mentions read and re-labelled, how many changed per label
 * (against what was stored before the run, so a mention re-labelled twice in one run — once in its batch,
 * once when a later mention promotes it into a cluster — counts once), and the incident and campaign rows
 * created, updated, attached or removed (by cluster key, so a dry run, whose batches are rolled back, does not
 * count a row it "creates" in every batch). Plain JSON, kept in the run's checkpoint.
 */
import type { StoredLabels } from '@otklik/persistence';

export type { StoredLabels };

export const TRACKED_LABELS = ['intent', 'cause', 'severity', 'sentiment', 'incident', 'campaign'] as const;
export type TrackedLabel = (typeof TRACKED_LABELS)[number];
export type LabelValues = Record<TrackedLabel, string | null>;


/** JSON with object keys sorted (jsonb reorders keys), so equal labels print equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value ?? null;
}

/** Every label column (and nothing else of the row) as one comparable string. */
export function labelsPrint(labels: StoredLabels): string {
  const columns: (keyof StoredLabels)[] = [
    'intent',
    'cause',
    'severity',
    'sentiment',
    'pii',
    'pii_spans',
    'critical_data',
    'confidence',
    'explain',
    'incident_key',
    'campaign_key',
    'classifier_version',
  ];
  return JSON.stringify(canonical(Object.fromEntries(columns.map((column) => [column, labels[column]]))));
}

export const CLUSTER_OUTCOMES = ['created', 'updated', 'attached', 'deleted', 'kept'] as const;
export type ClusterOutcome = (typeof CLUSTER_OUTCOMES)[number];

export interface TallyState {
  read: number;
  relabelled: number;
  failed: number;
  changed: Record<TrackedLabel, number>;
  /** Per outcome, the rows' cluster keys (or ids for rows without one). */
  incidents: Record<ClusterOutcome, string[]>;
  campaigns: Record<Exclude<ClusterOutcome, 'attached'>, string[]>;
}

interface Seen {
  at: number;
  original: LabelValues;
  /** Every stored label column as one string (confidence, explanations, personal data and version too). */
  originalPrint: string;
  differs: Set<TrackedLabel>;
  relabelled: boolean;
}

const emptyOutcomes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, [] as string[]])) as Record<K, string[]>;

export class RelabelTally {
  private readonly counts: Pick<TallyState, 'read' | 'relabelled' | 'failed' | 'changed'>;
  private readonly incidents: Record<ClusterOutcome, Set<string>>;
  private readonly campaigns: Record<Exclude<ClusterOutcome, 'attached'>, Set<string>>;
  /** Mentions of the last `horizonMs` of the run, which a later mention may still promote. */
  private readonly recent = new Map<string, Seen>();

  constructor(
    private readonly horizonMs: number,
    state?: TallyState,
  ) {
    this.counts = {
      read: state?.read ?? 0,
      relabelled: state?.relabelled ?? 0,
      failed: state?.failed ?? 0,
      changed: { ...(Object.fromEntries(TRACKED_LABELS.map((label) => [label, 0])) as Record<TrackedLabel, number>), ...state?.changed },
    };
    const incidents = state?.incidents ?? emptyOutcomes(CLUSTER_OUTCOMES);
    const campaigns = state?.campaigns ?? emptyOutcomes(['created', 'updated', 'deleted', 'kept'] as const);
    this.incidents = Object.fromEntries(CLUSTER_OUTCOMES.map((outcome) => [outcome, new Set(incidents[outcome] ?? [])])) as Record<
      ClusterOutcome,
      Set<string>
    >;
    this.campaigns = Object.fromEntries(
      (['created', 'updated', 'deleted', 'kept'] as const).map((outcome) => [outcome, new Set(campaigns[outcome] ?? [])]),
    ) as Record<Exclude<ClusterOutcome, 'attached'>, Set<string>>;
  }

  /**
   * A mention read for this run, with its labels as stored before the run (the first sighting is the original)
   * and a print of all its stored label columns.
   */
  read(id: string, at: number, stored: LabelValues, print: string): void {
    this.counts.read += 1;
    this.remember(id, at, stored, print);
  }

  /** A mention outside the batches read so far (promoted from before a resumed run's checkpoint). */
  remember(id: string, at: number, stored: LabelValues, print: string): void {
    if (!this.recent.has(id))
      this.recent.set(id, { at, original: { ...stored }, originalPrint: print, differs: new Set(), relabelled: false });
  }

  failed(): void {
    this.counts.failed += 1;
  }

  /**
   * The labels a mention has now (or would have, in a dry run). Counted against the original, so a mention
   * written twice in a run (its batch, then a promotion) counts once, and one that ends as it was not at all.
   */
  labelled(id: string, now: LabelValues, print: string): void {
    const seen = this.recent.get(id);
    if (!seen) throw new Error(`mention ${id} labelled before it was read`);
    const differs = new Set(TRACKED_LABELS.filter((label) => seen.original[label] !== now[label]));
    for (const label of TRACKED_LABELS) {
      if (differs.has(label) && !seen.differs.has(label)) this.counts.changed[label] += 1;
      if (!differs.has(label) && seen.differs.has(label)) this.counts.changed[label] -= 1;
    }
    seen.differs = differs;
    const relabelled = print !== seen.originalPrint;
    if (relabelled !== seen.relabelled) this.counts.relabelled += relabelled ? 1 : -1;
    seen.relabelled = relabelled;
  }

  /** Forgets mentions that no later one can promote any more (older than the horizon before `clock`). */
  forget(clock: number): void {
    for (const [id, seen] of this.recent) if (seen.at < clock - this.horizonMs) this.recent.delete(id);
  }

  incident(outcome: ClusterOutcome, refs: Iterable<string>): void {
    for (const ref of refs) this.incidents[outcome].add(ref);
  }

  campaign(outcome: Exclude<ClusterOutcome, 'attached'>, refs: Iterable<string>): void {
    for (const ref of refs) this.campaigns[outcome].add(ref);
  }

  /** The whole state, for the checkpoint. */
  toJSON(): TallyState {
    const list = <K extends string>(sets: Record<K, Set<string>>) =>
      Object.fromEntries(Object.entries<Set<string>>(sets).map(([outcome, refs]) => [outcome, [...refs]])) as Record<K, string[]>;
    return { ...this.counts, changed: { ...this.counts.changed }, incidents: list(this.incidents), campaigns: list(this.campaigns) };
  }

  /** What to report: a row created or removed by this run and recounted on the way is not also "updated". */
  summary(): TallyState {
    const state = this.toJSON();
    const settled = (outcomes: { created: string[]; deleted: string[] }) => new Set([...outcomes.created, ...outcomes.deleted]);
    const incidentsSettled = settled(state.incidents);
    const campaignsSettled = settled(state.campaigns);
    state.incidents.updated = state.incidents.updated.filter((ref) => !incidentsSettled.has(ref));
    state.campaigns.updated = state.campaigns.updated.filter((ref) => !campaignsSettled.has(ref));
    return state;
  }

  /** An independent copy (a batch works on one and keeps it only once committed). */
  clone(): RelabelTally {
    const copy = new RelabelTally(this.horizonMs, this.toJSON());
    for (const [id, seen] of this.recent) copy.recent.set(id, { ...seen, original: { ...seen.original }, differs: new Set(seen.differs) });
    return copy;
  }
}
