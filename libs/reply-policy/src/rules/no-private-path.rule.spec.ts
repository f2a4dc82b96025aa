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
});
