import { alertingSettings } from './alerting-settings';

describe('alerting settings', () => {
  it('falls back to defaults', () => {
    const settings = alertingSettings(null);
    expect(settings).toMatchObject({ language: 'ru', incidentMinMentions: 3, campaignMinPosts: 3, slaLeadGraceMinutes: 30, keyAccounts: [], timeZone: 'Europe/Moscow', problems: [] });
    expect(settings.escalation.levels).toEqual({ watch: 35, warning: 55, critical: 75 });
  });

  it('reads overrides and reports what it had to ignore, never throwing', () => {
    const settings = alertingSettings({
      language: 'en',
      escalation: { levels: { watch: 90 } },
      alerts: { incidentMinMentions: 5, campaignMinPosts: -1 },
      keyAccounts: [{ name: 'Northwind', contact: 'cio@northwind.example', lang: 'en' }, { name: 'no contact' }],
      timeZone: 'Mars/Olympus',
    });
    expect(settings.language).toBe('en');
    expect(settings.incidentMinMentions).toBe(5);
    expect(settings.campaignMinPosts).toBe(3);
    expect(settings.escalation.levels.watch).toBe(35);
    expect(settings.keyAccounts).toEqual([{ name: 'Northwind', contact: 'cio@northwind.example', lang: 'en' }]);
    expect(settings.timeZone).toBe('Europe/Moscow');
    expect(settings.problems).toHaveLength(4);
    expect(settings.problems[0]).toMatch(/^escalation\.levels: must increase/);
  });
});
