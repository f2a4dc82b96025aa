import { assessAmplificationRisk, type AmplificationInput } from './amplification-risk.rule';

const base: AmplificationInput = {
  isPrivate: false,
  followers: 120,
  verified: false,
  authorKind: 'person',
  accountAgeDays: 900,
  reposts: 0,
  likes: 3,
  threadSize: 1,
  threadAuthors: 1,
  threadLevel: null,
  intent: 'problem',
  cause: 'product_defect',
  inCampaign: false,
};

describe('amplification risk', () => {
  it('a small genuine complaint: answer it, do not delete it', () => {
    const risk = assessAmplificationRisk(base);
    expect(risk.reach.level).toBe('low');
    expect(risk.actions.answer.risk).toBe('low');
    expect(risk.actions.delete.risk).toBe('medium');
    expect(risk.risk).toBe('medium');
  });

  it('a post that already travelled: deleting or hiding it is high risk', () => {
    const risk = assessAmplificationRisk({ ...base, followers: 800, reposts: 120, likes: 900, threadSize: 40, threadAuthors: 30 });
    expect(risk.reach.level).toBe('high');
    expect(risk.reach.estimatedAudience).toBe(800 + 120 * 100);
    expect(risk.actions.delete.risk).toBe('high');
    expect(risk.actions.hide.risk).toBe('high');
    expect(risk.explanation[0]).toMatch(/reach high/);
  });

  it('low-reach piling on: a brand reply would lift it', () => {
    const risk = assessAmplificationRisk({ ...base, cause: 'piling_on', intent: 'other', followers: 40 });
    expect(risk.actions.answer.risk).toBe('medium');
  });

  it('a campaign post: engaging point by point is high risk, removal goes through the platform', () => {
    const risk = assessAmplificationRisk({ ...base, cause: 'black_pr', inCampaign: true, followers: 3, accountAgeDays: 4 });
    expect(risk.actions.answer.risk).toBe('high');
    expect(risk.actions.delete.why).toMatch(/report it to the platform/);
  });

  it('a zero-audience bot: removing it costs nothing', () => {
    const risk = assessAmplificationRisk({ ...base, followers: 0, intent: 'other', cause: null, accountAgeDays: 2 });
    expect(risk.actions.delete.risk).toBe('low');
    expect(risk.actions.hide.risk).toBe('low');
  });

  it('media or an influencer in a small thread: still high, and explained in Russian', () => {
    const risk = assessAmplificationRisk({ ...base, authorKind: 'media', followers: 300 }, 'ru');
    expect(risk.reach.level).toBe('high');
    expect(risk.explanation.join(' ')).toMatch(/СМИ/);
    expect(risk.actions.delete.why).toMatch(/Стрейзанд/);
  });

  it('a private message has nothing public to amplify', () => {
    const risk = assessAmplificationRisk({ ...base, isPrivate: true, followers: 100_000 });
    expect(risk.risk).toBe('low');
    expect(risk.reach.level).toBe('low');
  });
});
