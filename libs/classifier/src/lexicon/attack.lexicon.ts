/**
 * Negativity without own experience (piling_on) and coordinated attacks (black_pr), GUIDE §2: "joining a
 * viral thread", "attacking a big brand because it is big", "boycott calls, unverifiable scandal, competitor links".
 */
import { cueFamily } from './cue.family';

/** "Same here", "у меня тоже": joining someone else's complaint. */
export const ME_TOO = cueFamily('me_too', [
  'same here', 'same (?:thing |issue |problem |experience )?(?:happened|happend|happens) (?:to me|here)', 'me too', 'same experience', '^same', 'happened to me too',
  '^\\+1', '(?:us|me) too', 'same for me', '(?:i|we) had (?:the same|this|similar)', "it's not just you", 'not just me', 'same with me',
  'у меня тоже', 'и у меня', 'у нас тоже', '^(?:аналогично|то же самое|подтверждаю|плюсую)', 'та же (?:история|ситуация|фигня|проблема|беда)', 'тоже (?:самое|такое|списали|было|не работает)',
  'такая же (?:история|проблема|ситуация)', 'не только у (?:вас|тебя)', 'было (?:так же|такое же|точно так же)', 'тоже такое', 'мне тоже', 'меня тоже', 'нам тоже',
  '^и (?:мне|меня|у меня|у нас)', 'у меня (?:был~|было) .. (?:такой же|такая же|такое же|похож~)', 'похожая история', 'один в один',
  'mine too', 'same story', 'this happened to me', 'happened to me (?:too|last|as well|yesterday)', 'did (?:that|this|the same) to (?:my|me) \\p{L}+ too', 'me as well',
  '(?:\\d+|two|three) of mine too', '(?:my|our) \\p{L}+ too', '(?:same|similar) (?:situation|thing|problem|issue)', 'here too',
]);

/** Generalised attacks, insults, gloating, memes: negativity about the brand as such. */
export const ATTACK = cueFamily('attack', [
  'garbage', 'trash', '(?:a|total|complete) joke', 'is a joke', 'scam(?:s|mers)?', 'thieves', 'crooks', 'clowns', 'worst (?:\\p{L}+ )?(?:app|company|bank|service|ever|period|provider|isp)',
  'never (?:again|trust|use them|buy|order from)', 'delete (?:it|the app|your account)', 'avoid (?:them|at all costs)', 'stay away', 'as usual', 'strikes again', 'what did you expect',
  'typical', '(?:since|ever since) the acquisition', 'this is why (?:you|i|we) (?:never|only|don\'t)', 'run by', 'vc bros', 'lol', 'lmao', 'rofl', 'greedy', 'corporate greed',
  "(?:they|who) (?:don't|doesn't|do not) care", 'all (?:these|the) \\p{L}+ (?:are|is)', 'never trust', 'cute (?:\\p{L}+ )?logo',
  'как (?:обычно|всегда)', 'ничего нового', 'помойк~', 'воры', 'ворюг~', 'ворье', 'шайк~', 'барахл~', 'разводят', 'развод на', 'обнаглел~', 'монопол~', 'позорищ~', 'отстой',
  'дно', 'ненавиж~', 'одинаков~', 'все эти', 'давно пора', 'чего (?:вы|еще) (?:хотели|ждали)', 'лицензи~ (?:отобрать|отозвать)', 'ахах~', 'хаха~', 'ха-ха', 'лол', 'ржу', 'анекдот~',
  'мем~', 'плевать на (?:людей|клиентов)', 'дать по рукам', '(?:хорошо|слава богу|к счастью), что (?:я )?(?:от них )?(?:ушл~|ушел)', '(?:уходим|ухожу|уйду|уходите) .. (?:из|от)',
  'обходите (?:стороной|их)', 'кто с нами', 'не заказываю', 'отписал~', 'удалил~ (?:приложение|аккаунт)', 'пока не вернут', 'больше не (?:заказываю|пользуюсь|буду)',
  'не рабы', 'just cancelled my', 'unsubscribed', 'deleted (?:the|their) app', 'bye', 'shady', 'this cannot be legal', "can't be legal", 'outrageous', 'disgrace~', 'shame on', 'китайск~ барахл~', 'эксплуатаци~', 'кто хуже', "who's worse", 'не заказывайте там ничего', 'держитесь',
  // accusing the brand of theft as a habit ("steals your data", "ворует деньги"): a claim about the brand, not an own case
  'steals', 'stealing', 'вору(?:ет|ют)', 'обворовыва~',
]);

/** Calls to act against the brand: boycott, "spread the word", "don't buy there". */
export const BOYCOTT = cueFamily('boycott', [
  '#?boycott\\p{L}*', "(?:don't|do not|never|dont) (?:buy|order|shop|use|trust)(?: (?:from|at|there|them|anything|here))?", 'spread the word', 'share (?:this|before)',
  'everyone should know', 'warning', "don't get scammed", 'tell everyone', 'repost (?:this|it)',
  'бойкот~', 'не (?:заказывайте|покупайте|берите|пользуйтесь|рискуйте|связывайтесь|ведитесь)', '(?:делайте|сделайте) репост', 'пусть все знают', 'распространите', 'внимание',
  'кто с нами', 'уходим всей', 'расскажите всем', 'репостните', 'поделитесь',
  // "uninstall now", "удалите приложение", "не храните там деньги", "пока не поздно"
  'uninstall (?:now|it|them|their|the app|today|\\p{L}+ games)', 'удалите (?:приложение|их|это)', 'не (?:храните|держите) .. (?:там|у них)', 'пока не поздно', 'before (?:it\'s|its|it is) too late',
]);

/** Pointing readers elsewhere: a competitor or a "truth" site (GUIDE: competitor links). */
export const COMPETITOR_PLUG = cueFamily('competitor_plug', [
  '(?:buy|order|shop|switch|go|use) (?:from |to |at |with )?[\\p{L}\\p{N}.-]+ instead', 'instead\\. .. (?:real|only|better)', 'real products only', '[\\p{L}\\p{N}-]*truth[\\p{L}\\p{N}-]*\\.[a-z]{2,}',
  '(?:full|real|whole) story', 'read more', 'the truth about', 'is (?:better|safer|more reliable|cheaper)',
  'лучше (?:в|во|у) \\p{L}+', 'берите (?:в|во|у)', 'заказывайте (?:в|во|у)', 'переходите (?:в|во|на|к)', 'только (?:в|во) \\p{L}+', 'надежнее', 'там хоть проверяют',
  'вся правда', 'правда о', 'теперь только', 'переводите (?:деньги |все |всё )?(?:в|во) \\p{L}+', 'move your money to',
]);

/** Scandalous claims that are hard to verify (poisoning, fakes, filth): typical of ordered attacks. */
export const SCANDAL = cueFamily('scandal', [
  'poison~', 'food poisoning', 'fake', 'counterfeit', 'sells fakes?', 'in (?:the )?basements?', 'dirty', 'rats', 'cockroach~', 'maggots', 'sells? your data',
  'отрав~', 'подделк~', 'поддельн~', 'контрафакт~', 'подвал~', 'грязн~', 'тараканы', 'крыс~', 'черви', 'продают (?:ваши )?данные',
]);

/** Amplifying a complaint thread: reposts, "spread the word", calls on everyone to check or complain (GUIDE §6 escalation signals). */
export const AMPLIFY = cueFamily('amplify', [
  'репост~', 'репостнул~', 'распростран~', 'поделитесь', 'делаем репост', 'пусть (?:все|дойдет|увидят)', 'проверьте (?:свои|выписки|счета|карты)', 'пишите претензи~',
  'rt', "rt'?ing", 'retweet~', 'sharing (?:this|it)', 'boost~', 'spread (?:the word|this)', 'everyone (?:go )?check', 'check your (?:accounts|statements|cards|balance)',
  'fil(?:e|ing) (?:a )?(?:complaint|chargeback)', 'tagging', 'this needs eyes', 'everyone affected', 'answer (?:her|him|them|people|us)', "we(?:'re| are) waiting",
  'ответьте (?:человеку|людям|ей|ему|нам)', 'ждем (?:извинени~|ответа|объяснени~)', 'пусть .. объяснит', 'поддерживаю',
]);
