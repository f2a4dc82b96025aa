import { slaClock } from './sla-clock';

describe('slaClock', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

  it('runs ok, then due soon inside the window, then breached', () => {
    expect(slaClock(at(45), null, now, 30)).toMatchObject({ state: 'ok', remainingSeconds: 2700 });
    expect(slaClock(at(29), null, now, 30)).toMatchObject({ state: 'due_soon', remainingSeconds: 1740 });
    expect(slaClock(at(-1), null, now, 30)).toMatchObject({ state: 'breached', remainingSeconds: -60 });
  });

  it('stops when done: met on time, breached when late', () => {
    expect(slaClock(at(-10), at(-20), now, 30)).toMatchObject({ state: 'met', remainingSeconds: null });
    expect(slaClock(at(-10), at(-5), now, 30)).toMatchObject({ state: 'breached', remainingSeconds: null });
  });

  it('does not breach a mention closed without an answer, nor one without a due time', () => {
    expect(slaClock(at(-100), null, now, 30, true)).toMatchObject({ state: 'ok', remainingSeconds: null });
    expect(slaClock(null, null, now, 30)).toMatchObject({ state: 'ok', dueAt: null });
  });
});
