import { noteHandles } from './note-mentions';

describe('noteHandles', () => {
  it('finds handles and e-mails, in Russian and English text, once each', () => {
    expect(noteHandles('@lena, посмотри пожалуйста; cc @Ivan.Petrov and @lena')).toEqual(['lena', 'ivan.petrov']);
    expect(noteHandles('ask @anna.k@example.com.')).toEqual(['anna.k@example.com']);
    expect(noteHandles('@Мария проверь возврат')).toEqual(['мария']);
  });

  it('ignores addresses and handles glued to words', () => {
    expect(noteHandles('write to support@example.com')).toEqual([]);
    expect(noteHandles('no mentions here')).toEqual([]);
  });
});
