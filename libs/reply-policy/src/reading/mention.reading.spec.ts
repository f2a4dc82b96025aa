import { readMention } from './mention.reading';

function complaint(text: string): boolean {
  return readMention({ mention: { text }, draft: '', visibility: 'public' }).complaint;
}

describe('readMention without classifier labels', () => {
  it('reads plain complaints in English as complaints', () => {
    expect(complaint('The parcel never turned up and the tracking just stopped')).toBe(true);
    expect(complaint("Can't log in to the banking app since this morning")).toBe(true);
    expect(complaint('The game crashed and the chat with support was closed without answering')).toBe(true);
    expect(complaint('Got charged twice for one ticket')).toBe(true);
  });

  it('reads plain complaints in Russian as complaints', () => {
    expect(complaint('Доставка опоздала на час, пицца остыла')).toBe(true);
    expect(complaint('Привезли не тот размер куртки')).toBe(true);
    expect(complaint('Оплатил, а заказ не оформился')).toBe(true);
  });

  it('leaves praise and neutral questions alone', () => {
    expect(complaint('Thanks for the quick delivery, the driver was lovely')).toBe(false);
    expect(complaint('Можно ли оплатить заказ частями?')).toBe(false);
  });
});
