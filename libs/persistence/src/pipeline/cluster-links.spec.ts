import { handOverTarget, linkChanges, type ClusterMember } from './cluster-links';

function member(id: string, minute: number, incident: string | null, critical = false): ClusterMember {
  return {
    id,
    published_at: new Date(Date.parse('2026-03-02T10:00:00Z') + minute * 60_000),
    text: id,
    critical_data: critical,
    incident_key: null,
    campaign_key: null,
    incident_id: incident,
    campaign_id: null,
  };
}

describe('linkChanges', () => {
  it('counts nothing for members that stay where they are (a mention routed again)', () => {
    const members = [member('1', 0, 'A'), member('2', 1, 'A')];
    expect(
      linkChanges(
        members,
        (m) => m.incident_id,
        () => 'A',
      ),
    ).toEqual([]);
  });

  it('moves members from the row they leave to the row they join, with what they bring', () => {
    const members = [member('1', 5, 'A'), member('2', 1, null, true), member('3', 9, 'B')];
    const next: Record<string, string | null> = { '1': 'B', '2': 'B', '3': null };
    const changes = linkChanges(
      members,
      (m) => m.incident_id,
      (m) => next[m.id],
    );
    expect(changes).toEqual(
      expect.arrayContaining([
        { id: 'A', delta: -1, gained: 0, first: null, last: null, critical: false },
        { id: 'B', delta: 1, gained: 2, first: members[1].published_at, last: members[0].published_at, critical: true },
      ]),
    );
    expect(changes).toHaveLength(2);
  });
});

describe('handOverTarget', () => {
  const worked = new Set(['people']);

  it('picks the incident people worked on that at least half of the new cluster comes from', () => {
    expect(handOverTarget([{ incident_id: 'people' }, { incident_id: 'people' }, { incident_id: null }], worked)).toBe('people');
    expect(handOverTarget([{ incident_id: 'people' }, { incident_id: null }], worked)).toBe('people');
  });

  it('opens a row of its own when few members come from there, or only from untouched incidents', () => {
    expect(handOverTarget([{ incident_id: 'people' }, { incident_id: null }, { incident_id: 'other' }], worked)).toBeNull();
    expect(handOverTarget([{ incident_id: 'other' }, { incident_id: 'other' }], worked)).toBeNull();
    expect(handOverTarget([], worked)).toBeNull();
  });
});
