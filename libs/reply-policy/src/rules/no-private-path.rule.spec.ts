import { check, rulesOf } from '../testing/reply-check.fixture';

describe('no_private_path', () => {
  const complaintRu = 'Второй день нет интернета, на линии никто не отвечает!';
  const complaintEn = 'My order arrived with a cracked screen and support keeps ignoring me';

  it('warns when a public reply to a complaint offers no private channel or next step', () => {
    expect(rulesOf(check('Здравствуйте! Очень жаль, мы разберёмся.', complaintRu))).toContain('no_private_path');
    expect(rulesOf(check("Sorry about that! We'll look into it.", complaintEn))).toContain('no_private_path');
    expect(rulesOf(check('Попробуйте перезагрузить роутер.', complaintRu))).toContain('no_private_path');
  });

  it('is satisfied by a private channel or a concrete next step', () => {
    expect(rulesOf(check('Очень жаль! Напишите нам в личные сообщения — проверим линию.', complaintRu))).not.toContain('no_private_path');
    expect(rulesOf(check("Sorry about the screen! We've sent you a DM to arrange a replacement.", complaintEn))).not.toContain(
      'no_private_path',
    );
    expect(rulesOf(check('Извините! Мастер приедет к вам сегодня, он позвонит заранее.', complaintRu))).not.toContain('no_private_path');
  });

  it('does not apply to praise, neutral questions or private replies', () => {
    expect(rulesOf(check('Thank you, Maya! We will pass it on.', 'Your courier was so kind, thank you!'))).not.toContain('no_private_path');
    expect(rulesOf(check('Yes, the Pro plan includes exports.', 'Does the Pro plan include exports?'))).not.toContain('no_private_path');
    expect(rulesOf(check('Мы разберёмся.', complaintRu, { visibility: 'private' }))).not.toContain('no_private_path');
  });

  it('uses the classifier intent when given', () => {
    const mention = { text: 'Hmm, the export button looks different today', labels: { intent: 'problem' as const } };
    expect(rulesOf(check('Thanks for noticing!', mention))).toContain('no_private_path');
  });

  it('counts a message already sent privately, a hotline, a support form or the support chat as a path', () => {
    for (const draft of [
      'Очень жаль, что так вышло. Выслали вам письмо с номером заявки.',
      'Понимаем, как это неприятно. Позвоните, пожалуйста, на горячую линию банка — там помогут сразу.',
      'Извините за ожидание! Оставьте обращение через форму обратной связи на сайте.',
      'Простите за задержку. Напишите в чат поддержки в приложении.',
    ]) {
      expect(rulesOf(check(draft, complaintRu))).not.toContain('no_private_path');
    }
    for (const draft of [
      "Sorry for the wait, that's far too long. We've emailed you the return label.",
      'We understand, sorry. Our returns team will contact you about it.',
      'Sorry about this! Please fill in the claim form at https://help.example.com/claims.',
    ]) {
      expect(rulesOf(check(draft, complaintEn))).not.toContain('no_private_path');
    }
  });
});
