import { compileCue, CueList, normaliseForCues, requiredLiterals } from './text-cue.matcher';
import { readThreadCues } from './thread-cues.lexicon';
import { readTone, toneOfReply } from './tone.lexicon';

describe('tone lexicon', () => {
  it.each([
    ['Это просто хамство, третий день без интернета', -1],
    ['this cannot be legal', -1],
    ['Worst support ever 😡', -1],
    ['Спасибо огромное, вы лучшие!', 1],
    ['faith in humanity restored 🙌', 1],
    ['Which city are you in?', 0],
    ['Штрафной удар был красивый', 0],
    ['Бракосочетание перенесли', 0],
  ])('%s → %i', (text, tone) => {
    expect(readTone(text).tone).toBe(tone);
  });

  it('lets "me too" replies follow a negative parent only', () => {
    expect(readTone('у меня тоже самое').agrees).toBe(true);
    expect(toneOfReply(readTone('same here, 2 orders'), -1)).toBe(-1);
    expect(toneOfReply(readTone('same here, 2 orders'), 1)).toBe(0);
    expect(readTone('me too, love it').agrees).toBe(false);
  });
});

describe('thread cues', () => {
  it('finds a journalist asking for comment, in both languages', () => {
    expect(readThreadCues("Hi, I'm a reporter at Metro Daily working on a story. Could you comment?").journalistRequest.length).toBeGreaterThan(0);
    expect(readThreadCues('Редакция «Вестника»: готовы прокомментировать?').journalistRequest.length).toBeGreaterThan(0);
    expect(readThreadCues('I called them a thousand times').journalistRequest).toEqual([]);
  });

  it('finds calls to pile on', () => {
    expect(readThreadCues('распространите, пусть все увидят').pileOnCall).toEqual(expect.arrayContaining(['распространите', 'пусть все увидят']));
    expect(readThreadCues('everyone affected: file a complaint with your bank').pileOnCall.length).toBeGreaterThan(0);
    expect(readThreadCues('nice weather today').pileOnCall).toEqual([]);
  });

  it('finds a private conversation made public, not any screenshot', () => {
    expect(readThreadCues('Скрины переписки ниже 👇').privateMadePublic.length).toBeGreaterThan(0);
    expect(readThreadCues('вот скрины нашей с ними переписки').privateMadePublic.length).toBeGreaterThan(0);
    expect(readThreadCues('Screenshots of my chat with their support below').privateMadePublic.length).toBeGreaterThan(0);
    expect(readThreadCues('Вот что мне написали в поддержке, публикую как есть').privateMadePublic.length).toBeGreaterThan(0);
    expect(readThreadCues('look at what their support replied to me in DMs').privateMadePublic.length).toBeGreaterThan(0);
    expect(readThreadCues('found it, clause 7.4 of the terms. screenshot 👇').privateMadePublic).toEqual([]);
  });

  it('matches whole Cyrillic words and stems', () => {
    expect(compileCue('брак').test('заводской брак')).toBe(true);
    expect(compileCue('брак').test('бракосочетание')).toBe(false);
    expect(compileCue('репост*').test('репостнула к себе')).toBe(true);
    expect(compileCue('скрин* ~ переписк*').test('скрины всей нашей долгой переписки')).toBe(true);
  });
});

describe('cue pre-filter', () => {
  it('requires the most selective word of a phrase, with its alternatives and stems', () => {
    expect(requiredLiterals('скрин* ~ переписк*')).toEqual(['переписк']);
    expect(requiredLiterals('comment for our|my|a|the story|article|piece|report')).toEqual(['comment']);
    expect(requiredLiterals('i am a|an reporter|journalist|editor|correspondent')).toEqual(['reporter', 'journalist', 'editor', 'correspondent']);
    expect(requiredLiterals('Всё')).toEqual(['все']);
  });

  it('never drops a match the full pattern finds', () => {
    const phrases = ['скрин* ~ переписк*', 'rt if', 'вот что ~ написал*|ответил*|пишут|отвечают', "don't buy from", 'бойкот*', 'в лс ~ ответили|написали'];
    const texts = [
      'Скрины нашей с ними переписки ниже',
      'RT if you were charged twice',
      'вот что они мне написали вчера',
      'Don’t buy from them',
      'Объявляем бойкоту старт',
      'в ЛС мне так ничего и не ответили',
      'a text with none of them',
    ];
    for (const phrase of phrases) {
      const list = new CueList(phrase, [phrase]);
      for (const text of texts) {
        const normalised = normaliseForCues(text);
        const full = compileCue(phrase).exec(normalised);
        expect(list.matches(normalised)).toEqual(full ? [full[0].trim()] : []);
      }
    }
  });
});
