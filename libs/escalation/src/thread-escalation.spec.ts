import { resolveEscalationSettings } from './escalation-settings';
import type { ThreadPost } from './escalation.types';
import { evaluateThread, ThreadEscalation } from './thread-escalation';
import { replayThread } from './thread-replay';
import { MAX_WINDOW_POSTS } from './thread-window.state';
import { seededRandom, SyntheticThread } from './synthetic-thread.fixture';

const START = new Date(Date.UTC(2026, 5, 10, 9, 0, 0));

function complaint(threadId = 'thr-1'): SyntheticThread {
  const thread = new SyntheticThread(threadId, START, seededRandom(7));
  thread.add({ minute: 0, text: 'Kassa Bank blocked my card abroad and nobody answers the hotline. Unacceptable.', author: { followers: 800 } });
  return thread;
}

function journalist(thread: SyntheticThread, minute: number): void {
  thread.add({ minute, text: "I'm a reporter at City Ledger working on a story about this. Could you comment?", author: { followers: 30_000, kind: 'media', verified: true } });
}

function burst(thread: SyntheticThread, from: number, count: number, spacing = 0.7): void {
  for (let i = 0; i < count; i += 1) thread.add({ minute: from + i * spacing, text: i % 2 ? 'same here, this is a scam' : 'me too, awful' });
}

describe('ThreadEscalation levels, cooldown and de-escalation', () => {
  it('alerts once per level, stays quiet on a second marker, drops after calm and alerts again after the cooldown', () => {
    const thread = complaint();
    journalist(thread, 10);
    journalist(thread, 40);
    thread.add({ minute: 200, text: 'any news?' });
    journalist(thread, 210);
    const alerts = replayThread(thread.threadId, thread.posts);
    expect(alerts.map((alert) => [alert.alertedAt, alert.level])).toEqual([
      [thread.timeOf(10), 'critical'],
      [thread.timeOf(210), 'critical'],
    ]);
  });

  it('does not repeat the same level within the cooldown even after the level dropped', () => {
    const thread = complaint();
    journalist(thread, 10);
    thread.add({ minute: 200, text: 'any news?' });
    journalist(thread, 210);
    const settings = resolveEscalationSettings({ cooldownMinutes: 240 });
    expect(replayThread(thread.threadId, thread.posts, settings).map((alert) => alert.alertedAt)).toEqual([thread.timeOf(10)]);
  });

  it('reports the level dropping once the thread is calm, and keeps it while it is not', () => {
    const thread = complaint();
    journalist(thread, 10);
    const tracker = new ThreadEscalation(thread.threadId);
    thread.posts.forEach((post) => tracker.observe(post));
    expect(tracker.level).toBe('critical');
    expect(tracker.evaluate(thread.timeOf(20)).currentLevel).toBe('critical');
    const later = tracker.evaluate(thread.timeOf(180));
    expect(later.score).toBe(0);
    expect(later.currentLevel).toBeNull();
  });

  it('escalates from watch to higher levels as signals add up, one alert per level', () => {
    const thread = complaint();
    for (let minute = 25; minute < 150; minute += 35) thread.add({ minute, text: 'did they say why?' });
    burst(thread, 160, 30, 0.5);
    const levels = replayThread(thread.threadId, thread.posts).map((alert) => alert.level);
    expect(levels.length).toBeGreaterThan(0);
    expect(new Set(levels).size).toBe(levels.length);
    expect(levels).toEqual([...levels].sort((a, b) => ['watch', 'warning', 'critical'].indexOf(a) - ['watch', 'warning', 'critical'].indexOf(b)));
  });
});

describe('ThreadEscalation state', () => {
  it('round-trips through JSON mid-thread and raises the same alerts as an uninterrupted replay', () => {
    const thread = complaint();
    for (let minute = 20; minute < 200; minute += 30) thread.add({ minute, text: 'hope they fix it' });
    burst(thread, 210, 20);
    journalist(thread, 240);
    const straight = replayThread(thread.threadId, thread.posts);

    const half = Math.floor(thread.posts.length / 2);
    let tracker = new ThreadEscalation(thread.threadId);
    const resumed = [];
    for (const [index, post] of thread.posts.entries()) {
      // Both forms the worker may hold: the state object, and the string `serialise()` stores.
      if (index % 5 === 0) tracker = ThreadEscalation.fromJSON(JSON.parse(JSON.stringify(tracker.toJSON())));
      else if (index % 5 === 2 || index === half) tracker = ThreadEscalation.fromJSON(tracker.serialise());
      const alert = tracker.observe(post);
      if (alert) resumed.push(alert);
    }
    expect(straight.length).toBeGreaterThan(0);
    expect(resumed).toEqual(straight);
  });

  it('rejects something that is not a saved state', () => {
    expect(() => ThreadEscalation.fromJSON({ hello: 1 })).toThrow(/not a ThreadEscalation state/);
  });

  it('ignores a post it has already seen (at-least-once delivery)', () => {
    const thread = complaint();
    burst(thread, 5, 12);
    const tracker = new ThreadEscalation(thread.threadId);
    const alerts = thread.posts.map((post) => tracker.observe(post)).filter(Boolean);
    const before = tracker.evaluate();
    const again = thread.posts.map((post) => tracker.observe(post)).filter(Boolean);
    expect(alerts.length).toBeGreaterThan(0);
    expect(again).toEqual([]);
    expect(tracker.evaluate().score).toBe(before.score);
  });

  it('keeps its memory bounded on a very long, very busy thread', () => {
    const thread = new SyntheticThread('thr-huge', START, seededRandom(3));
    for (let i = 0; i < 6000; i += 1) thread.add({ minute: i * 0.2, text: i % 3 ? 'same here' : 'awful service' });
    const tracker = new ThreadEscalation(thread.threadId);
    thread.posts.forEach((post) => tracker.observe(post));
    const state = tracker.toJSON();
    expect(state.posts.length).toBeLessThanOrEqual(MAX_WINDOW_POSTS);
    expect(state.buckets.length).toBeLessThanOrEqual(75);
    expect(JSON.stringify(state).length).toBeLessThan(300_000);
  });

  it('copes with posts arriving out of order', () => {
    const thread = complaint();
    for (let minute = 20; minute < 200; minute += 30) thread.add({ minute, text: 'any update?' });
    burst(thread, 210, 20);
    const random = seededRandom(11);
    const shuffled = [...thread.posts.slice(0, 8), ...thread.posts.slice(8).sort(() => random() - 0.5)];
    const tracker = new ThreadEscalation(thread.threadId);
    const alerts = shuffled.map((post) => tracker.observe(post)).filter((alert) => alert !== null);
    expect(alerts.length).toBeGreaterThan(0);
    expect(Date.parse(alerts[0]!.alertedAt)).toBeGreaterThanOrEqual(Date.parse(thread.timeOf(210)));
  });
});

describe('ThreadEscalation signals', () => {
  it('credits repost growth seen on a live re-fetch of posts it already knows', () => {
    const thread = complaint();
    thread.add({ minute: 20, text: 'this is shameful', reposts: 0 });
    thread.add({ minute: 45, text: 'disgusting, sharing', reposts: 1 });
    thread.add({ minute: 70, text: 'awful', reposts: 0 });
    const tracker = new ThreadEscalation(thread.threadId);
    expect(thread.posts.map((post) => tracker.observe(post)).filter(Boolean)).toEqual([]);
    const refetches = [
      [75, 40],
      [78, 150],
      [81, 500],
    ];
    const alerts = refetches.map(([minute, reposts]) => tracker.observe({ ...thread.posts[0], reposts }, { observedAt: thread.timeOf(minute) })).filter((alert) => alert !== null);
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]!.reasons[0]).toMatch(/^repost_growth=/);
    expect(Date.parse(alerts[0]!.alertedAt)).toBeGreaterThan(Date.parse(thread.timeOf(70)));
    // The same count again is not growth.
    expect(tracker.observe({ ...thread.posts[0], reposts: 500 }, { observedAt: thread.timeOf(85) })).toBeNull();
  });

  it('explains an alert with the contributing signals and their values, at the decisive post time', () => {
    const thread = complaint();
    journalist(thread, 30);
    const [alert] = replayThread(thread.threadId, thread.posts);
    expect(alert.threadId).toBe('thr-1');
    expect(alert.alertedAt).toBe(thread.timeOf(30));
    expect(alert.reasons[0]).toMatch(/^journalist_request=1 \(.*reporter at.*\) \+\d+/);
    expect(alert.reasons.some((reason) => reason.startsWith('media_joined=30000'))).toBe(true);
    expect(alert.reasons.some((reason) => reason.startsWith('negative_share='))).toBe(true);
  });

  it("does not count the brand's own large account as reach or an influencer", () => {
    const thread = complaint();
    thread.add({ minute: 5, text: 'We are sorry to hear that, please check your DMs.', author: { followers: 2_000_000, kind: 'brand', verified: true } });
    thread.add({ minute: 9, text: 'Same, awful', author: { followers: 50 } });
    expect(replayThread(thread.threadId, thread.posts)).toEqual([]);
    expect(evaluateThread(thread.threadId, thread.posts).metrics!.reach).toBe(850);
  });

  it("uses the classifier's sentiment when it is given", () => {
    // Bland wording the lexicon reads as neutral; the classifier knows it is sarcasm aimed at the brand.
    const thread = new SyntheticThread('thr-sarcasm', START, seededRandom(5));
    thread.add({ minute: 0, text: 'Great job, Kassa Bank, third outage this week', author: { followers: 900 } });
    for (let i = 0; i < 25; i += 1) thread.add({ minute: 30 + i * 0.6, text: 'wow, great job indeed', author: { followers: 300 } });
    expect(replayThread(thread.threadId, thread.posts)).toEqual([]);
    const labelled: ThreadPost[] = thread.posts.map((post) => ({ ...post, sentiment: 'negative' }));
    expect(replayThread(thread.threadId, labelled).length).toBeGreaterThan(0);
  });

  it('treats an author of the private exchange turning angry in public as the conflict made public', () => {
    const thread = new SyntheticThread('thr-dm', START, seededRandom(9));
    const customer = { id: 'vk:cust', followers: 700 };
    thread.add({ minute: 0, text: 'Hello, my order is late', author: customer, isPrivate: true, replyTo: null });
    thread.add({ minute: 20, text: 'Wait.', author: { id: 'vk:brand', kind: 'brand', followers: 50_000 }, isPrivate: true });
    thread.add({ minute: 90, text: 'Two weeks of waiting and they just tell me to wait. Awful service, never again.', author: customer, replyTo: null });
    const evaluation = evaluateThread(thread.threadId, thread.posts);
    expect(evaluation.contributions.find((item) => item.signal === 'private_made_public')?.value).toBe(0.6);
  });

  it('lets a workspace raise the bar: with stricter levels the same thread stays below watch', () => {
    const thread = complaint();
    for (let minute = 25; minute < 150; minute += 35) thread.add({ minute, text: 'did they say why?' });
    burst(thread, 160, 8, 1);
    expect(replayThread(thread.threadId, thread.posts).length).toBeGreaterThan(0);
    const strict = resolveEscalationSettings({ levels: { watch: 90, warning: 95, critical: 99 } });
    expect(replayThread(thread.threadId, thread.posts, strict)).toEqual([]);
  });
});
