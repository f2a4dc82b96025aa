import { check, rulesOf } from '../testing/reply-check.fixture';

describe('blames_customer', () => {
  it('blocks blaming the customer', () => {
    expect(rulesOf(check('Вы сами виноваты: надо было проверить адрес.', 'Посылка ушла не туда'))).toContain('blames_customer');
    expect(rulesOf(check('You should have read the terms before buying.', 'No refund for a broken kettle?!'))).toContain('blames_customer');
  });

  it('blocks lecturing and contradicting', () => {
    expect(rulesOf(check('Читайте договор, там всё написано.', 'Почему списали комиссию?'))).toContain('blames_customer');
    expect(rulesOf(check('The app works fine for everyone else. Calm down.', 'Your app is broken'))).toContain('blames_customer');
  });

  it('allows empathy that mentions the customer', () => {
    const draft = "You shouldn't have had to wait that long, and we're sorry. Please DM us so we can sort it out.";
    expect(rulesOf(check(draft, 'Waited 2 hours on hold'))).not.toContain('blames_customer');
  });

  it('does not apply to private replies', () => {
    expect(rulesOf(check('You did not sign page 2 of the form.', 'Why was my claim rejected?', { visibility: 'private' }))).not.toContain(
      'blames_customer',
    );
  });

  it('catches counterfactual blame and holding the customer to the terms', () => {
    expect(rulesOf(check('Если бы вы вовремя продлили подписку, доступ бы не пропал и проблемы не было.', 'Пропал доступ к курсу'))).toContain(
      'blames_customer',
    );
    expect(rulesOf(check("If you had kept the receipt, this wouldn't have happened.", 'Store refused my return'))).toContain('blames_customer');
    expect(rulesOf(check('Обмен по акционной цене не предусмотрен, это было указано при покупке.', 'Не меняют кроссовки'))).toContain(
      'blames_customer',
    );
    expect(rulesOf(check('Late fees apply, which you agreed to when you signed up.', 'Why a late fee?'))).toContain('blames_customer');
    expect(rulesOf(check('As explicitly stated in our terms, gift cards expire after a year.', 'My gift card is void'))).toContain(
      'blames_customer',
    );
  });

  it('catches inattention put on the customer, in any word order', () => {
    expect(rulesOf(check('Вы, наверное, невнимательно заполнили анкету.', 'Кредит не одобрили'))).toContain('blames_customer');
    expect(rulesOf(check('Вы же сами поставили галочку «без звонка».', 'Курьер не позвонил'))).toContain('blames_customer');
    expect(rulesOf(check('An incorrect card number was entered, so the payment failed.', 'Payment failed twice'))).toContain('blames_customer');
    expect(rulesOf(check('Please be more careful when choosing the date.', 'Booked the wrong day'))).toContain('blames_customer');
  });

  it('lets an apology for our own missed call pass', () => {
    const result = check('Извините, что мы не смогли до вас дозвониться вчера. Написали вам в личные сообщения.', 'Обещали перезвонить и пропали');
    expect(rulesOf(result)).not.toContain('blames_customer');
    expect(rulesOf(check('Курьер не смог до вас дозвониться и уехал.', 'Где заказ?'))).toContain('blames_customer');
  });

  it('catches case facts that contradict the complaint', () => {
    expect(rulesOf(check('Водитель ждал вас у шлагбаума 15 минут.', 'Такси так и не приехало'))).toContain('blames_customer');
    expect(rulesOf(check('The technician called you three times on Monday.', 'Nobody came to fix my boiler'))).toContain('blames_customer');
    expect(rulesOf(check('Менеджер предлагал вам рассрочку, но вы отказались.', 'Мне не дали рассрочку'))).toContain('blames_customer');
    expect(rulesOf(check('Sorry we called you twice at a bad time! DM us a better slot.', 'Stop calling me'))).not.toContain('blames_customer');
  });
});
