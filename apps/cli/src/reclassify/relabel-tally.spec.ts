import { labelsPrint, RelabelTally, type LabelValues, type StoredLabels } from './relabel-tally';

const HOUR = 3_600_000;

function labels(overrides: Partial<StoredLabels> = {}): StoredLabels {
  return {
    intent: 'problem',
    cause: 'product_defect',
    severity: 'medium',
    sentiment: 'negative',
    pii: [],
    pii_spans: [],
    critical_data: false,
    confidence: { intent: 0.8, cause: 0.7 },
    explain: { intent: ['reports a failure'] },
    incident_key: null,
    campaign_key: null,
    classifier_version: '1.1.0',
    ...overrides,
  };
}

const values = (row: StoredLabels): LabelValues => ({
  intent: row.intent,
  cause: row.cause,
  severity: row.severity,
  sentiment: row.sentiment,
  incident: row.incident_key,
  campaign: row.campaign_key,
});

describe('labelsPrint', () => {
  it('prints equal labels equally whatever the key order (jsonb reorders keys) and ignores other columns', () => {
    const stored = { ...labels({ confidence: { cause: 0.7, intent: 0.8 } }), id: '7', published_at: new Date() } as StoredLabels;
    expect(labelsPrint(stored)).toBe(labelsPrint(labels()));
    expect(labelsPrint(labels({ classifier_version: '1.0.0' }))).not.toBe(labelsPrint(labels()));
    expect(labelsPrint(labels({ explain: { intent: ['another reason'] } }))).not.toBe(labelsPrint(labels()));
  });
});

describe('RelabelTally', () => {
  it('counts per label against what was stored before the run', () => {
    const tally = new RelabelTally(HOUR);
    const old = labels({ classifier_version: '1.0.0', intent: 'question', cause: null });
    tally.read('1', 0, values(old), labelsPrint(old));
    const now = labels();
    tally.labelled('1', values(now), labelsPrint(now));
    expect(tally.summary()).toMatchObject({
      read: 1,
      relabelled: 1,
      changed: { intent: 1, cause: 1, severity: 0, sentiment: 0, incident: 0, campaign: 0 },
    });
  });

  it('counts a mention written twice once, and not at all when a promotion brings back what was stored', () => {
    const tally = new RelabelTally(HOUR);
    const stored = labels({ incident_key: 'inc-1' });
    tally.read('1', 0, values(stored), labelsPrint(stored));
    const interim = labels();
    tally.labelled('1', values(interim), labelsPrint(interim));
    expect(tally.summary()).toMatchObject({ relabelled: 1, changed: { incident: 1 } });
    tally.labelled('1', values(stored), labelsPrint(stored));
    expect(tally.summary()).toMatchObject({ relabelled: 0, changed: { incident: 0 } });
  });

  it('keeps the original of a mention only as long as a later one can promote it', () => {
    const tally = new RelabelTally(HOUR);
    const stored = labels();
    tally.read('1', 0, values(stored), labelsPrint(stored));
    tally.forget(HOUR / 2);
    expect(() => tally.labelled('1', values(stored), labelsPrint(stored))).not.toThrow();
    tally.forget(2 * HOUR);
    expect(() => tally.labelled('1', values(stored), labelsPrint(stored))).toThrow('labelled before it was read');
  });

  it('reports a row created, or removed, by the run once and not also as updated', () => {
    const tally = new RelabelTally(HOUR);
    tally.incident('created', ['inc-a']);
    tally.incident('updated', ['inc-a', 'inc-b']);
    tally.incident('created', ['inc-a']);
    tally.campaign('deleted', ['camp-x']);
    tally.campaign('updated', ['camp-x', 'camp-y']);
    const summary = tally.summary();
    expect(summary.incidents).toMatchObject({ created: ['inc-a'], updated: ['inc-b'] });
    expect(summary.campaigns).toMatchObject({ deleted: ['camp-x'], updated: ['camp-y'] });
  });

  it('survives its checkpoint (JSON) and clones independently', () => {
    const tally = new RelabelTally(HOUR);
    const stored = labels({ classifier_version: null });
    tally.read('1', 0, values(stored), labelsPrint(stored));
    tally.labelled('1', values(labels()), labelsPrint(labels()));
    tally.failed();
    tally.incident('attached', ['inc-z']);
    const restored = new RelabelTally(HOUR, JSON.parse(JSON.stringify(tally.toJSON())));
    expect(restored.summary()).toEqual(tally.summary());
    const copy = tally.clone();
    copy.read('2', 0, values(stored), labelsPrint(stored));
    copy.labelled('1', values(stored), labelsPrint(stored));
    expect(tally.summary()).toMatchObject({ read: 1, relabelled: 1, failed: 1 });
    expect(copy.summary()).toMatchObject({ read: 2, relabelled: 0, failed: 1 });
  });
});
