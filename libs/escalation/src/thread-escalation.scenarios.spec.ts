/**
 * Synthetic scenarios beyond the dev corpus: each is generated for many seeds (other brands, people, timings)
 * and must alert within the guide's reaction time (about 12 minutes after the decisive signal), while the
 * controls must never alert at any level.
 */
import { replayThread } from './thread-replay';
import { seededRandom, SyntheticThread } from './synthetic-thread.fixture';

const SEEDS = Array.from({ length: 25 }, (_, i) => i + 1);
const REACTION_MINUTES = 12;

const COMPLAINTS_EN = [
  'Orbita Air cancelled my flight and the refund is a voucher only. I want my money back, not points.',
  'Lumina Mobile charged me twice this month and support keeps ignoring me. This is unacceptable.',
  'Three weeks waiting for my deposit back from Kassa Bank. No explanation, no reply. Awful.',
];
const COMPLAINTS_RU = [
  'ТелеСеть третий день не работает, заявка висит, никто не отвечает. Это просто издевательство.',
  'Банк Опора списал деньги дважды, в поддержке отказали в возврате. Обман, по-другому не назвать.',
  'Магазин Полка отменил заказ и вернул баллами вместо денег. Верните деньги на карту!',
];
const SLOW_REPLIES = ['did they give any reason?', 'try writing to the ombudsman', 'hope it gets sorted', 'which city are you in?', 'а письменно обращались?', 'попробуйте через приложение'];
const BURST_EN = ['same here, 2 orders', 'me too!! just checked', 'this happened to me last month', 'this is a scam', 'unacceptable, they owe us money', 'wow, awful', 'same thing with my account'];
const BURST_RU = ['у меня тоже самое', 'и мне так же отказали', 'аналогично, два заказа', 'это обман', 'ужас какой', 'у нас так же, позор'];

function complaintThread(seed: number, lang: 'en' | 'ru'): SyntheticThread {
  const thread = new SyntheticThread(`syn-${lang}-${seed}`, new Date(Date.UTC(2026, 2, 1 + (seed % 20), 6 + (seed % 10), 0, 0)), seededRandom(seed));
  thread.add({ minute: 0, text: thread.pick(lang === 'en' ? COMPLAINTS_EN : COMPLAINTS_RU), lang, author: { followers: 300 + Math.floor(thread.random() * 2000) } });
  return thread;
}

/** Slow replies every 20-60 minutes for `hours`; returns the minute after the last one. */
function slowReplies(thread: SyntheticThread, hours: number): number {
  let minute = 0;
  while (minute < hours * 60) {
    minute += thread.between(20, 60);
    thread.add({ minute, text: thread.pick(SLOW_REPLIES) });
  }
  return minute;
}

function firstAlertMinute(thread: SyntheticThread, start: number): { alerts: ReturnType<typeof replayThread>; delay: number | null } {
  const alerts = replayThread(thread.threadId, thread.posts);
  const first = alerts[0];
  const startAt = Date.parse(thread.timeOf(start));
  return { alerts, delay: first ? (Date.parse(first.alertedAt) - startAt) / 60_000 : null };
}

describe('escalating scenarios alert within the reaction time', () => {
  it.each(SEEDS)('reply acceleration from new people (seed %i)', (seed) => {
    const lang = seed % 2 ? 'en' : 'ru';
    const thread = complaintThread(seed, lang);
    const burstStart = slowReplies(thread, 1 + (seed % 4)) + thread.between(10, 40);
    let minute = burstStart;
    let decisive = burstStart;
    for (let i = 0; i < 25; i += 1) {
      thread.add({ minute, text: thread.pick(lang === 'en' ? BURST_EN : BURST_RU), author: { followers: 40 + Math.floor(thread.random() * 900) } });
      // As in the corpus, the burst is "clear" once six new people have replied in quick succession.
      if (i === 5) decisive = minute;
      minute += thread.between(0.5, 2.5);
    }
    const { delay } = firstAlertMinute(thread, decisive);
    expect(delay).not.toBeNull();
    // Not during the slow phase, and within the reaction time of the decisive moment.
    expect(delay!).toBeGreaterThanOrEqual(burstStart - decisive);
    expect(delay!).toBeLessThanOrEqual(REACTION_MINUTES);
  });

  it.each(SEEDS)('a slower platform waking up: new people every few minutes for an hour (seed %i)', (seed) => {
    const lang = seed % 2 ? 'ru' : 'en';
    const thread = complaintThread(seed, lang);
    const rampStart = slowReplies(thread, 3 + (seed % 3)) + thread.between(10, 30);
    let minute = rampStart;
    for (let i = 0; i < 20; i += 1) {
      thread.add({ minute, text: thread.pick(lang === 'en' ? BURST_EN : BURST_RU) });
      minute += thread.between(3, 5);
    }
    const { delay } = firstAlertMinute(thread, rampStart);
    expect(delay).not.toBeNull();
    // A slow ramp is clear later than a burst; within three quarters of an hour is still well before the press.
    expect(delay!).toBeGreaterThanOrEqual(0);
    expect(delay!).toBeLessThanOrEqual(45);
  });

  it.each(SEEDS)('an influencer joins a complaint (seed %i)', (seed) => {
    const lang = seed % 2 ? 'ru' : 'en';
    const thread = complaintThread(seed, lang);
    const joinAt = slowReplies(thread, 2 + (seed % 3)) + thread.between(5, 30);
    const text = lang === 'en' ? 'Followers, has this happened to you too? @brand what is going on here?' : 'Подписчики, у кого было так же? Пишите в комментариях, соберём истории.';
    thread.add({ minute: joinAt, text, author: { followers: 80_000 + Math.floor(thread.random() * 900_000), kind: 'influencer', verified: seed % 3 !== 0 } });
    thread.add({ minute: joinAt + 3, text: lang === 'en' ? 'omg yes, same happened to me' : 'у меня было так же' });
    const { delay } = firstAlertMinute(thread, joinAt);
    expect(delay).not.toBeNull();
    expect(delay!).toBeLessThanOrEqual(REACTION_MINUTES);
  });

  it.each(SEEDS)('a journalist asks for comment (seed %i)', (seed) => {
    const lang = seed % 2 ? 'en' : 'ru';
    const thread = complaintThread(seed, lang);
    const askAt = slowReplies(thread, 1 + (seed % 3)) + thread.between(5, 30);
    const media = seed % 3 === 0;
    const text =
      lang === 'en'
        ? thread.pick(["Hi, I'm a reporter at Metro Daily working on a story about this. Could you DM me? @brand could you comment?", 'Journalist here, writing a piece on these refunds. @brand, comment for our story by 6pm?'])
        : thread.pick(['Здравствуйте, я журналист «Городских новостей», готовим материал о таких случаях. Напишите мне в личку.', 'Редакция «Вечернего вестника»: @brand, готовы прокомментировать ситуацию?']);
    thread.add({ minute: askAt, text, author: { followers: media ? 40_000 : 900, kind: media ? 'media' : 'person', verified: media } });
    const { delay } = firstAlertMinute(thread, askAt);
    expect(delay).not.toBeNull();
    expect(delay!).toBeLessThanOrEqual(REACTION_MINUTES);
  });

  it.each(SEEDS)('reposts explode without any influencer or call to share (seed %i)', (seed) => {
    const lang = seed % 2 ? 'ru' : 'en';
    const thread = complaintThread(seed, lang);
    let minute = 0;
    for (let i = 0; i < 3; i += 1) {
      minute += thread.between(20, 40);
      thread.add({ minute, text: thread.pick(lang === 'en' ? ['awful', 'this is shameful'] : ['жесть', 'позор']), reposts: Math.floor(thread.random() * 4) });
    }
    const explodeAt = minute + thread.between(10, 30);
    minute = explodeAt;
    let reposts = 15;
    for (let i = 0; i < 14; i += 1) {
      thread.add({ minute, text: thread.pick(lang === 'en' ? ['unbelievable, shame on them', 'disgusting', 'this is outrageous'] : ['это позор', 'отвратительно', 'кошмар какой-то']), reposts: Math.round(reposts), author: { followers: 200 + Math.floor(thread.random() * 2000) } });
      reposts *= 1.5;
      minute += thread.between(1.5, 3);
    }
    const { delay } = firstAlertMinute(thread, explodeAt);
    expect(delay).not.toBeNull();
    expect(delay!).toBeLessThanOrEqual(REACTION_MINUTES);
  });

  it.each(SEEDS)('a private conversation is made public with screenshots (seed %i)', (seed) => {
    const lang = seed % 2 ? 'ru' : 'en';
    const thread = new SyntheticThread(`syn-dm-${seed}`, new Date(Date.UTC(2026, 3, 1 + (seed % 20), 8, 0, 0)), seededRandom(seed));
    const customer = { id: `vk:cust-${seed}`, followers: 400 + Math.floor(thread.random() * 1500) };
    const brand = { id: `vk:brand-${seed}`, followers: 60_000, kind: 'brand' as const, verified: true };
    thread.add({ minute: 0, text: lang === 'ru' ? 'Здравствуйте, второй день не работает приложение' : 'Hi, the app has not worked for two days', author: customer, isPrivate: true, replyTo: null });
    thread.add({ minute: 30, text: lang === 'ru' ? 'Ожидайте.' : 'Please wait.', author: brand, isPrivate: true });
    thread.add({ minute: 70, text: lang === 'ru' ? 'Сколько ждать?' : 'How long?', author: customer, isPrivate: true });
    thread.add({ minute: 95, text: lang === 'ru' ? 'Не знаем. Можете перейти к другому оператору.' : 'We do not know. You are free to switch provider.', author: brand, isPrivate: true });
    const publicAt = 95 + thread.between(30, 180);
    const text =
      lang === 'ru'
        ? thread.pick(['Вот как поддержка отвечает клиенту, который платит пять лет. Скрины переписки ниже.', 'Выкладываю переписку с поддержкой: «можете перейти к другому оператору». Серьёзно?'])
        : thread.pick(['This is how their support talks to a 5-year customer. Screenshots of the chat below.', "Here's what support told me in DMs: 'you are free to switch provider'. Unbelievable."]);
    thread.add({ minute: publicAt, text, author: customer, replyTo: null, reposts: 20 });
    thread.add({ minute: publicAt + 4, text: lang === 'ru' ? 'Хамство какое-то' : 'that is so rude' });
    const { delay } = firstAlertMinute(thread, publicAt);
    expect(delay).not.toBeNull();
    expect(delay!).toBeLessThanOrEqual(REACTION_MINUTES);
  });
});

describe('controls never alert', () => {
  it.each(SEEDS)('a long calm thread between two people (seed %i)', (seed) => {
    const thread = new SyntheticThread(`ctl-calm-${seed}`, new Date(Date.UTC(2026, 4, 1 + (seed % 20), 7, 0, 0)), seededRandom(seed));
    const people = [
      { id: 'r:alice', followers: 300 },
      { id: 'r:bob', followers: 700 },
    ];
    const lines = ['How do you configure the export?', 'Through the settings page, then pick CSV.', 'Search is a bit slow for us, around 3 s.', 'Same for us, filters help.', 'Thanks, that works.', 'Any limits on the API?', 'About 10 requests per second.', 'Поиск медленный, но терпимо.', 'Да, у нас так же, фильтры помогают.'];
    let minute = 0;
    for (let i = 0; i < 30 + (seed % 20); i += 1) {
      thread.add({ minute, text: thread.pick(lines), author: people[i % 2], replyTo: i === 0 ? null : thread.posts[i - 1].externalId });
      minute += thread.between(seed % 2 ? 2 : 10, 35);
    }
    expect(replayThread(thread.threadId, thread.posts)).toEqual([]);
  });

  it.each(SEEDS)('a viral praise thread an influencer joins (seed %i)', (seed) => {
    const lang = seed % 2 ? 'en' : 'ru';
    const thread = new SyntheticThread(`ctl-praise-${seed}`, new Date(Date.UTC(2026, 4, 1 + (seed % 20), 11, 0, 0)), seededRandom(seed));
    const root = lang === 'en' ? 'The Orbita Air crew found my lost passport and drove it to my hotel. Thank you so much!' : 'Курьер Полки нашёл мой кошелёк и вернул его в тот же вечер. Спасибо огромное!';
    const replies =
      lang === 'en'
        ? ['faith in humanity restored', 'this made my day', 'what a hero', 'give them a raise', 'love this ❤️', 'wholesome', 'crying at my desk', 'best thing I read today', 'good people exist', 'lol my suitcase went to Oslo once 🙃']
        : ['вот это человек!', 'спасибо ему', 'молодец, респект', 'приятно читать', 'герой', 'лучшие новости за день', 'до слёз', 'повысьте ему зарплату', 'а у меня курьер однажды опоздал 🙃'];
    thread.add({ minute: 0, text: root, lang, author: { followers: 3000 + Math.floor(thread.random() * 5000) }, reposts: 2500, likes: 20000 });
    let minute = 3;
    for (let i = 0; i < 30; i += 1) {
      const influencer = i === 6;
      thread.add({
        minute,
        lang,
        text: influencer ? (lang === 'en' ? 'Good news of the day 💚' : 'Хорошая новость дня 💚') : thread.pick(replies),
        author: influencer ? { followers: 300_000, kind: 'influencer', verified: true } : undefined,
        reposts: influencer ? 800 : Math.floor(thread.random() * 5),
      });
      minute += thread.between(0.5, 4);
    }
    expect(replayThread(thread.threadId, thread.posts)).toEqual([]);
  });

  it.each(SEEDS)('a burst of spam bots with zero reach (seed %i)', (seed) => {
    const thread = new SyntheticThread(`ctl-spam-${seed}`, new Date(Date.UTC(2026, 4, 1 + (seed % 20), 15, 0, 0)), seededRandom(seed));
    thread.add({ minute: 0, text: 'when does the spring sale start?', author: { followers: 200 } });
    const spam = ['🚀 x100 token presale 👉 coin.example', 'Earn $400 a day from home, DM me', 'Free followers, link in bio', 'Crypto signals, join now 💰', 'Заработок от 5000 в день, пиши в личку'];
    for (let i = 0; i < 15 + (seed % 15); i += 1) {
      thread.add({ minute: 2 + i * 0.25, text: thread.pick(spam), author: { followers: Math.floor(thread.random() * 4), ageDays: 1 + Math.floor(thread.random() * 5) } });
    }
    expect(replayThread(thread.threadId, thread.posts)).toEqual([]);
  });

  it.each(SEEDS)('two people arguing fast and angrily, nobody else joins (seed %i)', (seed) => {
    const thread = new SyntheticThread(`ctl-argue-${seed}`, new Date(Date.UTC(2026, 4, 1 + (seed % 20), 19, 0, 0)), seededRandom(seed));
    const people = [
      { id: 'x:carol', followers: 900 },
      { id: 'x:dan', followers: 400 },
    ];
    const lines = ['their support is useless', 'no, you are just rude to them', 'this is ridiculous', 'awful take', 'ужас, а не сервис', 'сами виноваты, хамство какое-то'];
    let minute = 0;
    for (let i = 0; i < 25; i += 1) {
      thread.add({ minute, text: thread.pick(lines), author: people[i % 2], replyTo: i === 0 ? null : thread.posts[i - 1].externalId });
      minute += thread.between(0.3, 2);
    }
    expect(replayThread(thread.threadId, thread.posts)).toEqual([]);
  });

  it.each(SEEDS)('one angry post that nobody picks up (seed %i)', (seed) => {
    const thread = complaintThread(seed, seed % 2 ? 'en' : 'ru');
    thread.add({ minute: 40, text: 'ugh, sorry to hear' });
    thread.add({ minute: 95, text: 'печально' });
    expect(replayThread(thread.threadId, thread.posts)).toEqual([]);
  });
});
