import { renderExplanations } from './explain/render-explanations';
import { classifyMention } from './mention.classifier';
import { MentionAnalyzer } from './mention.analyzer';
import { at, mentionOf } from './testing/mention.fixture';
import { StreamingClassifier } from './streaming.classifier';
import type { MentionContext } from './mention-context';

const analyzer = new MentionAnalyzer();
const label = (text: string, overrides: Parameters<typeof mentionOf>[1] = {}, context: MentionContext = {}) =>
  classifyMention(mentionOf(text, overrides), context, analyzer);

describe('classifyMention', () => {
  describe('sarcasm: praise words about a failure are a negative complaint', () => {
    it.each([
      ['en', 'Thanks FlyNord for the free 6 hour tour of the departure lounge. Truly unforgettable. 10/10 would sit on the floor again'],
      ['en', 'Love how the Mayak Bank app logs me out every single time I open it. Consistency 💯'],
      ['ru', 'Спасибо Маяк Банку за бесплатный урок терпения: перевод висит третий день. Вот это сервис 👏👏'],
      ['ru', 'Браво, Почта Экспресс! Посылка едет из соседнего города уже две недели. Гениально'],
    ])('%s: %s', (_lang, text) => {
      const labels = label(text, { brand: /Почта|FlyNord/.test(text) ? (text.includes('FlyNord') ? 'FlyNord' : 'Pochta Express') : 'Mayak Bank' });
      expect(labels.intent).toBe('problem');
      expect(labels.sentiment).toBe('negative');
      expect(labels.cause).not.toBeNull();
    });

    it('keeps sincere thanks for a fixed problem as praise', () => {
      const labels = label('Mayak Bank support fixed my frozen transfer in 10 minutes. Thank you, genuinely helpful');
      expect(labels.intent).toBe('praise');
      expect(labels.sentiment).toBe('positive');
      expect(labels.cause).toBeNull();
      expect(labels.severity).toBe('low');
    });
  });

  describe('negation', () => {
    it('"не работает" is a failure', () => {
      const labels = label('Маяк Банк, приложение не работает с утра, не могу оплатить коммуналку');
      expect(labels.intent).toBe('problem');
      expect(labels.cause).toBe('product_defect');
      expect(labels.sentiment).toBe('negative');
    });

    it('"не могу не похвалить" is praise', () => {
      const labels = label('Не могу не похвалить Маяк Банк: карту перевыпустили за один день и привезли домой');
      expect(labels.intent).toBe('praise');
      expect(labels.sentiment).toBe('positive');
    });

    it('"zero outages" and "не рекомендую" are read with their negation', () => {
      expect(label('Two years with Polyana Telecom and zero outages in my building. Rock solid.', { brand: 'Polyana Telecom' }).intent).toBe('praise');
      const review = label('Отделение Маяк Банка: грубят, очередь час, талоны не работают. Не рекомендую.');
      expect(review.sentiment).toBe('negative');
      expect(review.intent).toBe('problem');
    });
  });

  describe('calm defect reports: cause set, sentiment neutral (convention 1)', () => {
    it.each([
      'FYI: the Mayak Bank web app shows the wrong currency on card statements when the browser language is German. Reproducible on Chrome 121, switching the language to English is a workaround.',
      'Для тех, кто тоже столкнётся: в приложении Маяк Банка на Android 14 вылетает экран переводов при повороте телефона. Обходной путь — заблокировать поворот.',
    ])('%s', (text) => {
      const labels = label(text);
      expect(labels.intent).toBe('problem');
      expect(labels.cause).toBe('product_defect');
      expect(labels.sentiment).toBe('neutral');
      expect(labels.severity).toBe('medium');
    });
  });

  describe('a question hiding staff inattention', () => {
    it.each([
      ['en', 'quick question for @MayakBank: how long does a chargeback usually take? asking because I have emailed 5 times since February 3 🙂'],
      ['ru', 'Маяк Банк, а сколько обычно рассматривается жалоба? Просто интересуюсь, я пишу вам уже четвёртый раз 🙂'],
    ])('%s', (_lang, text) => {
      const labels = label(text);
      expect(labels.intent).toBe('question');
      expect(labels.cause).toBe('staff_inattention');
      expect(labels.sentiment).toBe('negative');
      expect(['medium', 'high']).toContain(labels.severity);
    });

    it('leaves a plain question neutral and low', () => {
      const labels = label('Does Mayak Bank issue virtual cards for teenagers? Which documents do I need?');
      expect(labels).toMatchObject({ intent: 'question', cause: null, sentiment: 'neutral', severity: 'low' });
    });
  });

  describe('staff_inattention vs product_defect (convention 3)', () => {
    it('an ignored, bounced customer is staff_inattention even when a defect started it', () => {
      const labels = label(
        'My card was charged twice. Called the hotline three times, each time "we will call you back within 24 hours". Nobody called. The branch sends me to the hotline, the hotline to the branch.',
      );
      expect(labels.cause).toBe('staff_inattention');
      expect(labels.severity).toBe('high');
    });

    it('a plain outage is product_defect', () => {
      const labels = label('Polyana Telecom, интернет отвалился во всём доме, роутер мигает красным', { brand: 'Polyana Telecom' });
      expect(labels.cause).toBe('product_defect');
      expect(labels.severity).toBe('high');
    });
  });

  describe('suggestions', () => {
    it('a wish is a low, neutral suggestion; an angry one keeps its cause', () => {
      expect(label('Mayak Bank, please add Apple Pay support for virtual cards')).toMatchObject({ intent: 'suggestion', cause: null, severity: 'low' });
      const angry = label('Маяк Банк, может сделаете наконец нормальный чат? Чтобы не висеть по часу на линии ради одного вопроса');
      expect(angry).toMatchObject({ intent: 'suggestion', cause: 'staff_inattention', sentiment: 'negative', severity: 'medium' });
    });
  });

  describe('piling on (GUIDE §2)', () => {
    const root = { externalId: 'root-1', authorId: 'x:someone-else', labels: { intent: 'problem' as const, cause: 'product_defect' as const, sentiment: 'negative' as const } };
    it('a generic attack in someone else\'s complaint thread is piling_on, other, low', () => {
      const labels = label('банки все одинаковые, воры', { inReplyTo: 'root-1', threadExternalId: 'root-1' }, { thread: { root } });
      expect(labels).toMatchObject({ intent: 'other', cause: 'piling_on', sentiment: 'negative', severity: 'low' });
    });

    it('a bare "same here" claims the failure: problem, piling_on', () => {
      const labels = label('same here lol, they never fix anything', { inReplyTo: 'root-1', threadExternalId: 'root-1' }, { thread: { root } });
      expect(labels).toMatchObject({ intent: 'problem', cause: 'piling_on' });
    });

    it('a reply with its own concrete case is not piling_on (convention 2)', () => {
      const labels = label('Подтверждаю, у меня 14 марта тоже списали 2 300 ₽ дважды за одну покупку', { inReplyTo: 'root-1', threadExternalId: 'root-1' }, { thread: { root } });
      expect(labels.intent).toBe('problem');
      expect(labels.cause).toBe('product_defect');
    });
  });

  describe('context', () => {
    it('works without any author metadata', () => {
      const labels = label('Mayak Bank app crashes every time I open the card screen', {
        author: { followers: null, accountCreatedAt: null, verified: null, kind: null, handle: null },
      });
      expect(labels).toMatchObject({ intent: 'problem', cause: 'product_defect', sentiment: 'negative' });
    });

    it('an earlier unanswered complaint raises severity and counts as staff evidence', () => {
      const text = 'Mayak Bank, the transfer is still not there and the chat just says to wait.';
      const without = label(text);
      const withHistory = label(text, {}, { author: { earlierMentions: 2, unanswered: 2, oldestUnansweredHours: 30 } });
      expect(withHistory.cause).toBe('staff_inattention');
      expect(withHistory.severity).toBe('high');
      expect(withHistory.explain.cause).toContainEqual({ key: 'cause.no_answer_before', count: 2 });
      expect(renderExplanations(withHistory.explain, 'en').cause).toContain('the author wrote before and got no answer (2)');
      expect(without.severity).not.toBe('critical');
    });

    it('a verified author complaining is high', () => {
      const labels = label('Mayak Bank blocked my business account without any explanation', { author: { verified: true, followers: 50_000, kind: 'influencer' } });
      expect(labels.severity).toBe('high');
    });
  });

  describe('severity and critical data', () => {
    it('someone else\'s account visible after login is critical data, critical', () => {
      const labels = label('Зашёл в приложение Маяк Банка, а там чужие счета и чужое имя! Мои данные тоже кто-то видит?');
      expect(labels.criticalData).toBe(true);
      expect(labels.severity).toBe('critical');
    });

    it('a frustrated question is medium, high when the wait itself is the complaint', () => {
      const noRefund = label('Mayak Bank, any idea when? Still no refund, this is ridiculous!!');
      expect(noRefund).toMatchObject({ intent: 'question', sentiment: 'negative', severity: 'medium' });
      // The author's own words about waiting ("still waiting for a refund") count like a long wait.
      const waiting = label('Mayak Bank, where is my money?? Still waiting for a refund, this is ridiculous!!');
      expect(waiting).toMatchObject({ intent: 'question', severity: 'high' });
      expect(waiting.explain.severity).toEqual([{ key: 'severity.money_lost', phrases: ['still waiting for a refund'] }]);
      // In Russian as in English: the author's customers waiting, in a cannot-use phrase, is about the wait.
      const stuck = label('Маяк Банк, когда почините?? Наши клиенты ждут уже час, это безобразие!!');
      expect(stuck).toMatchObject({ intent: 'question', severity: 'high' });
      expect(stuck.explain.severity).toEqual([{ key: 'severity.cannot_use', phrases: ['клиенты ждут'] }]);
      const asked = label('Mayak Bank, where is my money?? This is ridiculous!!', {}, { author: { earlierMentions: 1, unanswered: 1 } });
      expect(asked.explain.severity).toEqual([{ key: 'severity.no_answer_before' }]);
    });

    it('a plain login failure is not critical data (convention 5)', () => {
      const labels = label("can't log in to the Mayak Bank app since this morning, error 503");
      expect(labels.criticalData).toBe(false);
      expect(labels.severity).toBe('high');
    });

    it('a safety issue is critical', () => {
      const labels = label('After the FlyNord crew served my son a nut dessert despite his allergy we ended up in hospital. This is a safety issue.', { brand: 'FlyNord' });
      expect(labels.severity).toBe('critical');
    });

    it('a public legal threat is critical', () => {
      const labels = label('Маяк Банк, третий месяц не возвращаете деньги. Подаю жалобу в ЦБ и иск в суд, юрист уже готовит документы.');
      expect(labels.severity).toBe('critical');
    });

    it('a media outlet asking for comment is critical, intent other', () => {
      const labels = label('Readers report failed card payments at Mayak Bank since the morning. We have asked the bank for comment.', { channel: 'news', author: { kind: 'media', followers: 90_000 } });
      expect(labels).toMatchObject({ intent: 'other', severity: 'critical' });
    });
  });

  describe('other', () => {
    it('an off-topic name collision is other, neutral, low', () => {
      const labels = label('Собрали маяк из лего с сыном, три вечера работы, теперь светится на полке #маяк', { brand: 'Mayak Bank' });
      expect(labels).toMatchObject({ intent: 'other', cause: null, sentiment: 'neutral', severity: 'low' });
    });

    it('the brand\'s own status post is other, without a cause', () => {
      const labels = label('Dear customers, card payments are temporarily unavailable. Engineers are working on a fix.', { author: { kind: 'brand', verified: true } });
      expect(labels).toMatchObject({ intent: 'other', cause: null });
    });
  });

  it('explains every label and keeps confidences within 0..1', () => {
    const labels = label('Mayak Bank charged me twice for the same coffee, 2 x 350 ₽. Support replied with a template.');
    for (const key of ['intent', 'cause', 'severity', 'sentiment']) {
      expect(labels.explain[key].length).toBeGreaterThan(0);
      expect(labels.confidence[key]).toBeGreaterThan(0);
      expect(labels.confidence[key]).toBeLessThanOrEqual(1);
    }
  });

  describe('held-out probe gaps (families of phrasing, new brands and sectors)', () => {
    it('reads English contractions typed without the apostrophe', () => {
      expect(label('SkyPort app: cant log in since the update, keeps saying try later', { brand: 'SkyPort' })).toMatchObject({ intent: 'problem', cause: 'product_defect', severity: 'high' });
      expect(label('Mayak Bank, i didnt make this payment and my password was changed overnight')).toMatchObject({ criticalData: true, severity: 'critical' });
    });

    it('counts a multi-digit amount after "списали"', () => {
      const labels = label('Маяк Банк, вчера списали 12 400 за обслуживание, которое я не подключал');
      expect(labels).toMatchObject({ intent: 'problem', severity: 'high' });
      expect(labels.explain.severity[0]).toMatchObject({ key: 'severity.money_lost' });
    });

    it.each([
      ['Ростепло', 'Rosteplo', 'Ростепло, горячей воды опять нет, третий день моемся из чайника', 'high'],
      ['Аэросевер', 'AeroSever', 'Аэросевер, денег за отменённый рейс так и не вернули, хотя обещали за неделю', 'high'],
      ['Аэросевер', 'AeroSever', 'Аэросевер отменил мой рейс за час до вылета, сижу в аэропорту', 'high'],
      ['SkyPort', 'SkyPort', 'SkyPort cancelled our flight to Riga and offered nothing for two days', 'high'],
      ['CityHeat', 'CityHeat', 'Our block has been without hot water since Friday, CityHeat', 'high'],
    ])('Russian word order and utilities/travel failures: %s', (_name, brand, text, severity) => {
      expect(label(text, { brand })).toMatchObject({ intent: 'problem', cause: 'product_defect', severity });
    });

    it.each([
      ['FoodBox', 'FoodBox where is my order?? paid 40 min ago and the app still says preparing'],
      ['ЕдаБыстро', 'ЕдаБыстро, где мой заказ? полтора часа висит "в обработке"'],
      ['FoodBox', '@foodbox my ramen arrived stone cold and the spring rolls were missing'],
      ['ИграДом', 'ИграДом, после обновления игра крашится при запуске, весь прогресс в трубу'],
      ['RiverAir', 'RiverAir lost my suitcase, day four and nothing'],
      ['Северавиа', 'Северавиа, опять потеряли мой багаж по пути в Мурманск'],
    ])('a delivery, status, game or luggage failure in words of its own is a problem: %s', (brand, text) => {
      expect(label(text, { brand })).toMatchObject({ intent: 'problem', sentiment: 'negative' });
    });

    it('"верните интернет" demands the service back (a problem), "верните старое меню" is a wish', () => {
      expect(label('ТЕЛЕЛИНК ВЕРНИТЕ ИНТЕРНЕТ!!! С НОЧИ НИЧЕГО НЕ ГРУЗИТ', { brand: 'Telelink' }).intent).toBe('problem');
      expect(label('Телелинк, верните старое меню в приложении, пожалуйста', { brand: 'Telelink' }).intent).toBe('suggestion');
    });

    it.each([
      ['Mayak Bank', 'Mayak Bank someone logged in from another country last night and now has access to my savings'],
      ['Маяк Банк', 'Маяк Банк, с карты списали 8 300 в магазине в Дубае, я там никогда не был'],
      ['TaskHub', 'TaskHub, our export contained someone else\'s customer list? this is a breach'],
      ['Аэросевер', 'Аэросевер продаёт мои данные? звонят страховщики и называют мой номер паспорта'],
    ])('access from elsewhere, charges in a place never visited, data passed on: critical data (%s)', (brand, text) => {
      expect(label(text, { brand })).toMatchObject({ intent: 'problem', criticalData: true, severity: 'critical' });
    });

    it.each([
      ['TaskHub', 'been waiting a week for TaskHub support to reply about the broken export'],
      ['TaskHub', 'TaskHub sales team promised a callback about our invoice, two weeks no news'],
      ['Маяк Банк', 'Маяк Банк, написала в чат про блокировку — в ответ тишина уже третий день'],
      ['Маяк Банк', 'Mayak Bank, I uploaded my ID twice and every time someone new asks me to send it again'],
      ['FoodBox', 'the FoodBox courier threw the bag at my door and told me to chill when I asked about the sauce'],
      ['Телелинк', 'Телелинк, заявку подавали раз шесть, мастер так и не пришёл, в колл-центре гоняют по кругу'],
    ])('silence, repeated requests for data and dismissive staff are staff_inattention: %s', (brand, text) => {
      expect(label(text, { brand })).toMatchObject({ intent: 'problem', cause: 'staff_inattention' });
    });

    it('reads an intensifier inside "can\'t log in" and a team named inside "nobody replied"', () => {
      expect(label('RIVERAIR YOUR APP IS A MESS. CANT EVEN SIGN IN TO CHECK IN', { brand: 'RiverAir' })).toMatchObject({ intent: 'problem', severity: 'high' });
      expect(label('TaskHub, nobody from your sales team has replied since March', { brand: 'TaskHub' })).toMatchObject({ intent: 'problem', cause: 'staff_inattention' });
    });

    it('praise with a complaint inside is a problem when the complaint is about being ignored', () => {
      const labels = label('TaskHub is a great product, but billing double charged us and nobody has replied in 12 days', { brand: 'TaskHub' });
      expect(labels).toMatchObject({ intent: 'problem', cause: 'staff_inattention', sentiment: 'negative' });
    });

    it('sincere enthusiasm is praise; applause about a repeat failure stays sarcasm', () => {
      expect(label('ИграДом, спасибо за бесплатный сезонный пропуск, лучшие!!! ❤️🔥', { brand: 'ИграДом' })).toMatchObject({ intent: 'praise', sentiment: 'positive' });
      expect(label('RiverAir kept us informed through the whole delay, really appreciated', { brand: 'RiverAir' })).toMatchObject({ intent: 'praise', cause: null });
      expect(label('Telelink roaming worked flawlessly in Georgia, first operator that ever did', { brand: 'Telelink' }).intent).toBe('praise');
      expect(label('Северавиа, потеряли мой чемодан второй раз за год. Браво 👏👏', { brand: 'Северавиа' })).toMatchObject({ intent: 'problem', sentiment: 'negative' });
    });

    it('habitual theft accusations and "uninstall now" calls from fresh accounts group into a black_pr campaign', () => {
      const fresh = { followers: 3, accountCreatedAt: '2026-02-27T00:00:00Z' };
      const posts = [
        'ИграДом ворует данные игроков и продаёт рекламщикам!!! Удалите их игры пока не поздно',
        'Внимание! ИграДом ворует данные игроков, продаёт рекламщикам. Удалите игры пока не поздно!!!',
        'ИграДом ворует и продаёт данные игроков рекламщикам. Удалите их игры, пока не поздно!',
      ];
      const stream = new StreamingClassifier();
      const out = [
        ...posts.flatMap((text, i) => stream.push(mentionOf(text, { brand: 'ИграДом', publishedAt: at(i * 7), author: { ...fresh, id: `vk:fresh-${i}` } }))),
        ...stream.flush(),
      ];
      expect(out).toHaveLength(3);
      for (const done of out) expect(done.labels).toMatchObject({ intent: 'problem', cause: 'black_pr', severity: 'high' });
      expect(new Set(out.map((done) => done.labels.campaign)).size).toBe(1);
    });
  });

  describe('wording the lexicons were not written from', () => {
    it.each([
      ['Rosteplo', 'Ростепло, у нас в подъезде третий день нет горячей воды! Сколько можно?', 'problem', 'product_defect'],
      ['DomStroy', 'ne rabotaet oplata kartoi v prilozhenii DomStroy, uzhe tretiy den', 'problem', 'product_defect'],
      ['DomStroy', 'Купили в ДомСтрое плитку, половина коробок с битыми углами. Обменять отказываются', 'problem', 'product_defect'],
      ['FinTrek', 'FinTrek froze my withdrawal for "verification" and the money is just gone from my balance', 'problem', 'product_defect'],
      ['FinTrek', 'Hats off to the FinTrek fraud team, they caught a phishing attempt on my account and called me right away', 'praise', null],
      ['KinoPlus', 'does KinoPlus have offline downloads on the basic plan?', 'question', null],
      ['TeleVolna', 'TeleVolna, how about answering your support emails before launching another ad campaign?', 'suggestion', 'staff_inattention'],
      ['ShopLine', 'My ShopLine order shows delivered but my porch is empty and the driver photo is of a different house', 'problem', 'product_defect'],
      ['ShopLine', 'Would love a ShopLine wishlist that notifies me when prices drop', 'suggestion', null],
      ['ShopLine', 'ShopLine customer service sorted my missing parcel in one call, super friendly agent', 'praise', null],
      ['Avtodor', 'Автодор, записали на ремонт, а когда приехал — мастера нет, администратор разводит руками', 'problem', 'staff_inattention'],
      ['Avtodor', 'Автодор, у вас вообще кто-нибудь берёт трубку? Звоню с понедельника 🙂', 'question', 'staff_inattention'],
    ])('%s: %s', (brand, text, intent, cause) => {
      expect(label(text, { brand, lang: null })).toMatchObject({ intent, cause });
    });
  });
});
