import { ProblemException } from '../http/problem';
import { decodeCursor, listIdsSql, searchQuery, statusesOf } from './inbox-query';

const context = { workspaceId: 'w', userId: 'u', dueSoonMinutes: 30 };

describe('inbox query', () => {
  it('turns words of either language into a prefix tsquery, ignoring punctuation', () => {
    expect(searchQuery('Оплата, КАРТОЙ!')).toBe('оплата:* & картой:*');
    expect(searchQuery("can't pay")).toBe('can:* & t:* & pay:*');
    expect(searchQuery('!!! ...')).toBeNull();
  });

  it('decodes the cursors it builds and names the field for anything else', () => {
    const cursor = Buffer.from(JSON.stringify([2300, '2026-03-01T08:00:00.123456Z', '42'])).toString('base64url');
    expect(decodeCursor(cursor)).toEqual({ priority: 2300, publishedAt: '2026-03-01T08:00:00.123456Z', id: '42' });
    for (const bad of ['x', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('[1,"not a date","4"]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ errors: [{ field: 'cursor', reason: expect.any(String) }] }) }));
    }
  });

  it('defaults to the open work and scans one index range per status', () => {
    expect(statusesOf({})).toEqual(['new', 'open', 'pending']);
    expect(statusesOf({ status: ['resolved', 'resolved'] })).toEqual(['resolved']);
    const { sql, values } = listIdsSql({ status: ['new', 'pending'], severity: ['high'] }, context, 50, { priority: 2000, publishedAt: '2026-03-01T08:00:00Z', id: '7' });
    expect(sql.match(/UNION ALL/g)).toHaveLength(1);
    expect(sql).toContain('(-m.priority, m.published_at, m.id) > ($');
    expect(values).toEqual(['w', -2000, '2026-03-01T08:00:00Z', '7', 'high']);
    // Status and page size are literals, so the generic plan can use the backlog's partial index and a nested loop.
    expect(sql).toContain(`m.status = 'new'`);
    expect(sql).toContain(`m.status = 'pending'`);
    expect(sql.match(/LIMIT 51\b/g)).toHaveLength(3);
  });

  it('scans one range per backlog status and severity when the view picks severities', () => {
    const lowOrCritical = listIdsSql({ severity: ['low', 'critical', 'low'] }, context, 50, null);
    // new, open, pending × low, critical: six ranges of the severity index, each parameter sent once.
    expect(lowOrCritical.sql.match(/UNION ALL/g)).toHaveLength(5);
    expect(lowOrCritical.values).toEqual(['w', 'low', 'critical']);
    expect(lowOrCritical.sql.match(/m\.severity = \$2\b/g)).toHaveLength(3);
    expect(lowOrCritical.sql).not.toContain('ANY(');
    // The archive has no severity index: one range per status, severity as a filter.
    const archive = listIdsSql({ status: ['resolved', 'new'], severity: ['low', 'high'] }, context, 50, null);
    expect(archive.sql.match(/UNION ALL/g)).toHaveLength(2);
    expect(archive.sql).toContain('m.severity = ANY($2::text[])');
    expect(archive.values).toEqual(['w', ['low', 'high'], 'low', 'high']);
  });

  it('refuses a status or page size that would not be a safe literal', () => {
    expect(() => listIdsSql({ status: [`new'; DROP TABLE mention; --`] }, context, 50, null)).toThrow(ProblemException);
    expect(() => listIdsSql({}, context, 0, null)).toThrow(ProblemException);
    expect(() => listIdsSql({}, context, 2.5, null)).toThrow(ProblemException);
  });
});
