import { check, rulesOf } from '../testing/reply-check.fixture';

describe('conflict_details_public', () => {
  it('blocks publishing the results of the check of the case', () => {
    const draft = 'Мы проверили заказ: водитель приехал в 19:40 и ждал десять минут.';
    expect(rulesOf(check(draft, 'Заказ так и не привезли!'))).toContain('conflict_details_public');
    expect(rulesOf(check('According to our logs, the card was used with the right PIN.', 'Money vanished from my card'))).toContain(
      'conflict_details_public',
    );
  });

  it('blocks compensation amounts in public', () => {
    expect(rulesOf(check('Вернём вам 1 200 ₽ и начислим 300 баллов.', 'Привезли холодную пиццу'))).toContain('conflict_details_public');
    expect(rulesOf(check('We can offer a $25 credit as a goodwill gesture.', 'Your app ate my booking'))).toContain('conflict_details_public');
  });

  it("blocks the customer's own record", () => {
    expect(rulesOf(check('Your account was opened last week and has no orders with us.', 'Scam shop, avoid!'))).toContain(
      'conflict_details_public',
    );
  });

  it('allows saying a check is under way, and details in private', () => {
    const draft = 'Мы уже выясняем, что случилось с заказом. Напишите нам в личные сообщения — расскажем подробности там.';
    expect(rulesOf(check(draft, 'Заказ так и не привезли!'))).not.toContain('conflict_details_public');
    const privateDraft = 'We checked the booking: the refund of $40 went out today.';
    expect(rulesOf(check(privateDraft, 'Where is my refund?', { visibility: 'private' }))).not.toContain('conflict_details_public');
  });

  // [draft, the mention it answers]: public drafts that disclose the customer's case.
  it.each([
    // A count of the customer's own requests.
    ['Это уже третий отказ по вашему аккаунту за месяц, подробнее в личке.', 'Почему отменили мой заказ?'],
    ['This is your fifth chargeback this year, so the account is on hold.', 'Why is my account on hold?'],
    ['Looking at your order history, you return most items.', 'Returns are blocked for me!'],
    // Compensation counted in points, coins or miles, and a listened-to recording.
    ['Sorry about the lag! We have credited 1,500 gems to your account.', 'Servers crashed mid-match, lost my streak'],
    ['Извините! Начислили вам 3 000 миль за задержку рейса.', 'Рейс задержали на 5 часов'],
    ['Мы прослушали звонок: вам предлагали перенос, вы согласились.', 'Перенесли доставку без моего согласия'],
  ])('catches case details in public: %s', (draft, mention) => {
    expect(rulesOf(check(draft, mention))).toContain('conflict_details_public');
  });
});
