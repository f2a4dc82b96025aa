import { check, rulesOf, spanTexts } from '../testing/reply-check.fixture';

describe('scripted', () => {
  it('warns on stock phrases with nothing specific', () => {
    const draft = 'Здравствуйте! Ваше мнение очень важно для нас. Благодарим за обращение!';
    const result = check(draft, 'Поддержка отвечает неделями, я устал ждать!');
    expect(rulesOf(result)).toContain('scripted');
    expect(spanTexts(draft, result, 'scripted')).toEqual(['Ваше мнение очень важно для нас', 'Благодарим за обращение']);
    expect(rulesOf(check('We apologize for any inconvenience. We value your feedback.', 'Your app deleted my notes'))).toContain('scripted');
  });

  it('does not flag a stock phrase inside a specific answer', () => {
    const draft = 'Спасибо за обращение! Заметки из вашей папки «Работа» пропали после обновления 3.2, мы уже откатили его. Напишите нам в личку — восстановим.';
    expect(rulesOf(check(draft, 'Обновление удалило все мои заметки!'))).not.toContain('scripted');
  });

  it('warns when the draft repeats the template the customer complains about', () => {
    const mention = 'Every time I ask about my refund I get "your request has been forwarded to the relevant department". Useless.';
    expect(rulesOf(check('Hi! Your request has been forwarded to the relevant department.', mention))).toContain('scripted');
  });

  it("warns on the team's own stock phrases", () => {
    const policy = { stockPhrases: ['Мы ценим каждого клиента и стремимся стать лучше'] };
    const draft = 'Извините за задержку курьера. Мы ценим каждого клиента и стремимся стать лучше!';
    expect(rulesOf(check(draft, 'Курьер опоздал на час', { policy }))).toContain('scripted');
  });

  it('warns on a paragraph already sent to many customers', () => {
    const paragraph = 'We are aware of the issue affecting some of our customers and our engineers are working hard to resolve it as soon as possible.';
    const draft = `Hi Dana,\n\n${paragraph}`;
    const recentReplies = [`Hi Tom,\n\n${paragraph}`, `Hello Ann,\n\n${paragraph}`];
    const result = check(draft, 'App down again?', { recentReplies });
    expect(spanTexts(draft, result, 'scripted')).toEqual([paragraph]);
    expect(rulesOf(check(draft, 'App down again?', { recentReplies: recentReplies.slice(0, 1) }))).not.toContain('scripted');
  });
});
