import { mergeSettings, triageSettings, validateSettingsUpdate } from './triage-settings';

describe('triage settings', () => {
  it('fills defaults and keeps stored values', () => {
    const settings = triageSettings({ slaFirstResponseMinutes: { critical: 5 }, replyPolicy: { privateContact: 'care@example.com' } });
    expect(settings.slaFirstResponseMinutes).toMatchObject({ critical: 5, high: 60 });
    expect(settings.replyPolicy).toMatchObject({ privateContact: 'care@example.com', brandVoice: { kind: 'we' } });
    expect(settings.slaDueSoonMinutes).toBe(30);
  });

  it('accepts a valid update and names each invalid field', () => {
    expect(validateSettingsUpdate({ timeZone: 'Asia/Yekaterinburg', businessHours: { '1': [9, 18] }, replyPolicy: { enabledWarnRules: ['scripted'] } })).toEqual([]);
    expect(validateSettingsUpdate({ businessHours: null })).toEqual([]);
    expect(validateSettingsUpdate('x')).toEqual([{ field: 'body', reason: 'must be a JSON object' }]);
    const fields = validateSettingsUpdate({ slaResolutionMinutes: { low: 1.5 }, replyPolicy: { repeatedParagraphThreshold: 0, brandVoice: { kind: 'robot' } } }).map((error) => error.field);
    expect(fields).toEqual(['slaResolutionMinutes.low', 'replyPolicy.brandVoice.kind', 'replyPolicy.repeatedParagraphThreshold']);
  });

  it('merges target maps and the reply policy key by key, replacing other keys', () => {
    const merged = mergeSettings({ slaFirstResponseMinutes: { critical: 10, high: 50 }, escalation: { a: 1 }, timeZone: 'UTC' }, { slaFirstResponseMinutes: { high: 40 }, timeZone: 'Europe/Moscow' });
    expect(merged).toEqual({ slaFirstResponseMinutes: { critical: 10, high: 40 }, escalation: { a: 1 }, timeZone: 'Europe/Moscow' });
  });
});
