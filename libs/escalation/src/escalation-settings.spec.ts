import { DEFAULT_ESCALATION_SETTINGS, EscalationSettingsError, resolveEscalationSettings } from './escalation-settings';

describe('resolveEscalationSettings', () => {
  it('returns the defaults when nothing is overridden, without sharing objects', () => {
    const settings = resolveEscalationSettings();
    expect(settings).toEqual(DEFAULT_ESCALATION_SETTINGS);
    settings.levels.watch = 1;
    expect(DEFAULT_ESCALATION_SETTINGS.levels.watch).not.toBe(1);
  });

  it('overlays a partial override', () => {
    const settings = resolveEscalationSettings({ cooldownMinutes: 15, levels: { critical: 90 }, weights: { journalistRequest: 60 } });
    expect(settings.cooldownMinutes).toBe(15);
    expect(settings.levels).toEqual({ ...DEFAULT_ESCALATION_SETTINGS.levels, critical: 90 });
    expect(settings.weights.journalistRequest).toBe(60);
    expect(settings.weights.newAuthors).toBe(DEFAULT_ESCALATION_SETTINGS.weights.newAuthors);
  });

  it.each([
    [{ cooldown: 5 }, 'settings.cooldown: is not a known setting'],
    [{ levels: { watch: 'high' } }, 'levels.watch: must be a non-negative number'],
    [{ levels: { watch: 80 } }, 'levels: must increase: watch < warning < critical'],
    [{ recentWindowMinutes: 0 }, 'settings.recentWindowMinutes: must be greater than 0'],
    [{ weights: [] }, 'weights: must be an object'],
    [[1, 2], '(settings): must be a JSON object'],
  ])('names the bad field in %j', (override, message) => {
    expect(() => resolveEscalationSettings(override)).toThrow(EscalationSettingsError);
    expect(() => resolveEscalationSettings(override)).toThrow(message);
  });
});
