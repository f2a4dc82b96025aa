/**
 * A small, self-contained tone lexicon (ru + en) for when the classifier's sentiment is not available.
 * It only has to tell a thread that is turning against the brand from one that is cheering it on, so it is
 * deliberately coarse: stems of anger, loss and blame versus thanks and delight, plus "me too" replies,
 * which take the tone of the post they answer (in a complaint thread "same here" is a complaint).
 */
import { CueList, normaliseForCues } from './text-cue.matcher';

export type Tone = -1 | 0 | 1;

const NEGATIVE = new CueList('negative', [
  // en: anger, blame, loss, broken service, giving up on the brand
  'scam*', 'fraud*', 'shady', 'awful', 'terrible', 'horrible', 'horrendous', 'worst', 'disgust*', 'outrag*',
  'unacceptable', 'ridiculous', 'pathetic', 'useless', 'rude*', 'incompeten*', 'illegal', 'cannot be legal',
  "can't be legal", 'not legal', 'lying', 'liar*', 'lied', 'steal*', 'stole', 'stolen', 'theft', 'robb*',
  'rip off', 'ripped off', 'rip-off', 'angry', 'furious', 'fed up', 'sick of', 'hate', 'hated', 'disappoint*',
  'never again', 'never using', 'never ordering', 'never buying', 'boycott*', 'want my money back',
  'money back', 'not a refund', 'no refund', 'no reply', 'no response', 'no answer', 'no explanation',
  'nobody answers', 'ignored', 'ignoring', 'froze', 'frozen', 'stuck', 'broken', "doesn't work",
  "does not work", 'not working', "won't load", 'outage', 'charged twice', 'overcharg*', 'still waiting',
  'still no', 'shame', 'shameful', 'disgrace*', 'terrify*', 'nightmare', 'wtf', 'chargeback', 'lawsuit',
  'sue them', 'consumer protection', 'complain*', 'cancelled my', 'canceled my',
  'bye', 'unsubscrib*', 'screw*', 'greedy', 'lost my', 'declined', 'denied', 'refused',
  '😡', '🤬', '😠', '👎', '💩', '🤡',
  // ru: гнев, обвинение, потеря, сломанный сервис, уход от бренда
  'ужас*', 'кошмар*', 'позор*', 'отвратительн*', 'хамств*', 'хамск*', 'хамят', 'нахамил*', 'безобрази*',
  'беспредел*', 'издевател*', 'обман*', 'мошенни*', 'развод*', 'украл*', 'воруют', 'ворует', 'воровств*',
  'кинули', 'жесть', 'бесит', 'бесят', 'достали', 'надоел*', 'возмутительн*', 'возмущ*', 'недовол*',
  'разочаров*', 'отказ*', 'оштраф*', 'штрафуют', 'штраф', 'не работает', 'не работают', 'нет интернета',
  'нет связи', 'без интернета', 'без связи', 'не дают', 'не отвечают', 'не ответил*', 'не ответили',
  'игнор*', 'бросил* трубку', 'положил* трубку', 'брак', 'сломал*', 'сломан*', 'списали', 'верните',
  'вернуть деньги', 'претензи*', 'в суд', 'судил*', 'жалоб*', 'пожалуюсь', 'никогда больше', 'больше не буду',
  'отписал*', 'не заказываю', 'не закажу', 'бойкот*', 'стыд*', 'извинений', 'хуже', 'худш*', 'плох*',
  'кошмарн*', 'не рабы', 'заблокировал*', 'заморозил*', 'наглост*', 'наглые', 'абсурд*', 'хамло',
]);

const POSITIVE = new CueList('positive', [
  'thank*', 'love', 'loved', 'lovely', 'great', 'awesome', 'amazing', 'excellent', 'best', 'wonderful',
  'made my day', 'faith in humanity', 'wholesome', 'respect', 'good people', 'hero*', 'angel*', 'kindness',
  'well done', 'bravo', 'shout out', 'shoutout', 'deserves', 'raise for', 'give him a raise', 'give her a raise',
  'happy', 'glad', 'appreciate*', 'helpful', 'impressed', 'legend', 'good news', 'right thing', 'restored',
  'what a guy', 'what a gal', 'so kind', 'the best', 'a raise', 'a bonus', 'brilliant', 'fantastic', 'superb',
  'kudos', 'props to', 'hats off', 'good job', 'great job', 'nice job', 'proud', 'beautiful', 'sweet', 'adorable',
  'made me smile', 'restores my faith', 'above and beyond', 'went out of his way', 'went out of her way',
  'recommend*', 'five stars', '5 stars', 'perfect', 'grateful', 'gratitude', 'cheers', 'congrat*', 'yay',
  '❤', '💚', '💙', '🙌', '👏', '😍', '🥹', '👍', '🥰', '😊', '🫶',
  'спасибо', 'благодар*', 'отличн*', 'супер', 'класс', 'классн*', 'молодц*', 'круто', 'лучший', 'лучшая',
  'лучшие', 'рекоменду*', 'приятн*', 'помогли', 'выручили', 'восхищ*', 'люблю', 'обожаю', 'герой', 'умнич*',
  'респект', 'восторг*', 'порадовал*', 'благодарност*', 'браво', 'умница', 'красавчик*', 'прекрасн*', 'замечательн*',
  'чудесн*', 'трогательн*', 'доброт*', 'добрый', 'уважени*', 'премию', 'повысьте', 'вера в людей',
  'радует', 'радость', 'горжусь', 'восхитительн*', 'здорово', 'идеальн*', 'поздравля*', 'ура', 'мило', 'душевн*',
]);

/** "Me too" in its many forms: the author joins the post they answer. */
const AGREEMENT = new CueList('agreement', [
  'me too', 'mine too', 'us too', 'here too', 'same here', 'same', 'same story', 'same situation', 'same thing',
  'happened to me', 'happened to my', 'happened to us', 'to me too', 'my sister too', 'my friend too',
  'my brother too', 'my mom too', 'of mine too', 'also happened', '+1',
  'у меня тоже', 'у меня так же', 'у меня такая же', 'и мне', 'и у меня', 'аналогично', 'такая же истори*',
  'такая же ситуаци*', 'похож* истори*', 'та же проблема', 'та же история', 'один в один', 'у нас так же',
  'у нас тоже', 'мне тоже', 'тоже',
]);

export interface ToneReading {
  tone: Tone;
  /** The post says "me too": its tone should follow the post it answers. */
  agrees: boolean;
}

export function readTone(text: string): ToneReading {
  const normalised = normaliseForCues(text);
  const negative = NEGATIVE.matches(normalised).length;
  const positive = POSITIVE.matches(normalised).length;
  const tone: Tone = negative > positive ? -1 : positive > negative ? 1 : 0;
  return { tone, agrees: positive === 0 && AGREEMENT.test(normalised) };
}

/** The tone of a reply: its own, or the parent's when it only agrees ("same here") with a negative parent. */
export function toneOfReply(reading: ToneReading, parentTone: Tone | null): Tone {
  if (reading.agrees && parentTone === -1) return -1;
  return reading.tone;
}
