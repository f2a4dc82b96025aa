/**
 * Phrases that mark a turning point of a public thread (GUIDE §5-§6), in Russian and English:
 * a journalist asking for comment, calls to pile on, and a private conversation made public.
 * Written from the guide's ideas; each list is small on purpose: a phrase belongs here only when it
 * rarely appears outside the situation it names.
 */
import { CueList, normaliseForCues } from './text-cue.matcher';

/** Someone preparing a publication asks the brand (or the author) for comment: the story is already public. */
export const JOURNALIST_REQUEST = new CueList('journalist_request', [
  'comment for our|my|a|the story|article|piece|report',
  'working on a|an story|piece|article|report|investigation',
  'for an|a|our article|story|piece|report',
  "i'm a|an reporter|journalist|editor|correspondent",
  'i am a|an reporter|journalist|editor|correspondent',
  'reporter at', 'journalist at', 'editor at', 'correspondent at', 'our newsroom', 'our readers',
  'could you comment', 'can you comment', 'would you comment', 'care to comment', 'request for comment',
  'requests for comment', 'for comment', 'press inquiry', 'press enquiry', 'media inquiry', 'media enquiry',
  'our deadline', 'on the record', 'we are covering', "we're covering", 'covering this story',
  'журналист*', 'редакци*', 'корреспондент*', 'для статьи', 'для материала', 'для сюжета', 'для репортажа',
  'готовим материал', 'готовим сюжет', 'готовим статью', 'пишу материал', 'пишу статью',
  'готовы прокомментировать', 'прокомментируйте', 'прокомментировать', 'запрос на комментарий', 'комментарий для',
  'в выпуске', 'в эфире', 'в нашем издании', 'в нашем материале',
]);

/** Calls to others to join, share, complain: the thread is being organised. */
export const PILE_ON_CALL = new CueList('pile_on_call', [
  'everyone complain*', 'everyone go', 'everyone should', 'everyone affected', 'everyone please',
  'everyone report', 'everyone share', 'everyone check', 'everybody complain*', 'everybody share',
  'spread the word', 'please share', 'share this', 'share widely', 'retweet*', 'rt this', 'rt so', 'rt if', 'rting',
  'boost this', 'boosting', 'make this viral', 'make it viral', 'go viral', 'file a complaint', 'file complaints',
  'report them', 'tag everyone', 'the more of us', 'sign the petition', "don't order from", "don't buy from",
  'join the boycott', 'boycott*',
  'репост*', 'распространи*', 'поделитесь', 'поделись', 'пусть все увидят', 'пусть все знают', 'пишите жалоб*',
  'жалуйтесь', 'все пишите', 'все жалуйтесь', 'бойкот*', 'кто с нами', 'давайте все', 'не заказывайте',
  'не покупайте', 'отмечайте', 'поднимем', 'чем нас больше', 'подпишите петицию', 'подписывайте петицию',
  'пусть дойдет', 'максимальный репост',
]);

/** A private exchange (DM, chat with support, email) now shown in public. */
export const PRIVATE_MADE_PUBLIC = new CueList('private_made_public', [
  'screenshot* ~ chat|conversation|correspondence|dm|dms|messages|emails|email|exchange|replies',
  'screenshot* ~ support|agent|operator|manager',
  'here is what support|they|their told|wrote|said', "here's what support|they|their told|wrote|said",
  'told me in dm|dms|private', 'in dms they', 'in dm they', 'our dm|dms|chat|conversation ~ below',
  'posting our|the|my chat|conversation|correspondence|dms', 'publishing our|the|my chat|conversation|correspondence|dms',
  'receipts below', 'full chat', 'full conversation', 'screenshot* ~ what ~ support|they|agent|manager',
  'what their support|agent|manager wrote|told|said|replied', 'replied to me in private|dm|dms', 'in private messages',
  'private messages ~ they', 'dm exchange', 'support chat ~ screenshot*',
  'скрин* ~ переписк*', 'скрин* ~ чата|диалога|разговора|ответа|ответов|сообщени*', 'скрин* ~ поддержк*|оператор*|менеджер*',
  'переписк* с поддержк*|оператор*|менеджер*|банком|магазином', 'в личке ~ ответили|написали|предлагают|предложили|пишут|объясняют',
  'в личных сообщениях ~ ответили|написали|предлагают|предложили|пишут', 'выкладываю переписку', 'публикую переписку',
  'вот что мне ответили', 'вот как мне ответили', 'вот что мне пишут', 'вот что ~ написал*|ответил*|пишут|отвечают',
  'в директ* ~ ответили|написали|предлагают|пишут', 'в лс ~ ответили|написали|предлагают|пишут', 'публикую ответ*',
  'выкладываю ответ*', 'выкладываю скрин*', 'вот так ~ разговаривает|разговаривают|общается|общаются|отвечает|отвечают',
]);

export interface ThreadCues {
  journalistRequest: string[];
  pileOnCall: string[];
  privateMadePublic: string[];
}

export function readThreadCues(text: string): ThreadCues {
  const normalised = normaliseForCues(text);
  return {
    journalistRequest: JOURNALIST_REQUEST.matches(normalised),
    pileOnCall: PILE_ON_CALL.matches(normalised),
    privateMadePublic: PRIVATE_MADE_PUBLIC.matches(normalised),
  };
}
