import { nextPacificMidnight } from './google-errors';

describe('nextPacificMidnight', () => {
  it('is 08:00 UTC in winter (PST) and 07:00 UTC in summer (PDT)', () => {
    expect(nextPacificMidnight(Date.parse('2026-01-15T12:00:00Z'))).toBe('2026-01-16T08:00:00.000Z');
    expect(nextPacificMidnight(Date.parse('2026-07-15T12:00:00Z'))).toBe('2026-07-16T07:00:00.000Z');
  });

  it('counts the Pacific calendar day, not the UTC one', () => {
    // 03:00 UTC on the 16th is still the 15th in California.
    expect(nextPacificMidnight(Date.parse('2026-07-16T03:00:00Z'))).toBe('2026-07-16T07:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // 2026-03-08: PST → PDT at 02:00 local; the next midnight is PDT.
    expect(nextPacificMidnight(Date.parse('2026-03-08T12:00:00Z'))).toBe('2026-03-09T07:00:00.000Z');
    // 2026-11-01: PDT → PST; the next midnight is PST.
    expect(nextPacificMidnight(Date.parse('2026-11-01T12:00:00Z'))).toBe('2026-11-02T08:00:00.000Z');
  });
});
