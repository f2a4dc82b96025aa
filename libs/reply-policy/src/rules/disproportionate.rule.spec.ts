import { check, rulesOf } from '../testing/reply-check.fixture';

const longRu =
  'Третью неделю не могу получить возврат за сломанную кофемашину. Сначала мне сказали прислать фото, я прислала. ' +
  'Потом попросили видео, я сняла видео. Потом сказали, что нужен акт из сервисного центра, и я отвезла машину туда сама. ' +
  'Акт готов уже десять дней, я отправила его в чат дважды, а в ответ получаю только «ожидайте». Деньги немаленькие, 32 тысячи.';

describe('disproportionate', () => {
  it('warns on a one-line answer to a long, detailed complaint', () => {
    expect(rulesOf(check('Напишите нам в личку.', longRu))).toContain('disproportionate');
    const longEn =
      'I have been a customer for six years. Last week my internet dropped every evening between 8 and 11. I rebooted the router, ' +
      'replaced the cable and called you three times. Each time I was promised an engineer within 48 hours. Nobody came. ' +
      'I work from home and I am losing money every evening this goes on.';
    expect(rulesOf(check('Sorry! DM us.', longEn))).toContain('disproportionate');
  });

  it('accepts a proportionate answer, and a short answer to a short message', () => {
    const draft =
      'Елена, здравствуйте. Три недели ожидания возврата, фото, видео и акт, отправленный дважды, — так быть не должно, извините нас. ' +
      'Мы передали ваш случай старшему специалисту по возвратам, он проверит акт и вернётся к вам. ' +
      'Напишите нам, пожалуйста, в личные сообщения номер заказа — так мы быстрее найдём переписку.';
    expect(rulesOf(check(draft, longRu))).not.toContain('disproportionate');
    expect(rulesOf(check('Sorry! DM us.', 'App down?'))).not.toContain('disproportionate');
  });
});
