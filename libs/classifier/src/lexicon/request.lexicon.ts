/** Request types of GUIDE §2 beyond problems: questions, and suggestions or wishes. */
import { cueFamily } from './cue.family';

/**
 * Words that make a sentence ending in '?' a real question (not "13:00??" or a rhetorical "seriously??").
 * English auxiliaries count only where a clause starts ("is it down?", not "the refund is store credit??").
 */
export const QUESTION_WORD = cueFamily('question_word', [
  'how', 'what~', 'when', 'where', 'which', 'why', 'who', 'whom', 'whose', 'any (?:way|chance|idea|plans|update|eta|word|news)', 'anyone', 'anybody', 'eta', 'worth it', 'or not',
  '(?:^|[,:;(.!?\\n] ?)(?:does|do|did|is|are|can|could|will|would|should|shall|may|has|have|was|were|isn\'t|aren\'t|doesn\'t|don\'t)',
  'как~', 'какой', 'какая', 'какое', 'какие', 'каких', 'каком', 'какую', 'когда', 'где', 'куда', 'откуда', 'сколько', 'почему', 'зачем', 'кто', 'что', 'чем', 'ли',
  'можно', 'есть ли', 'есть у вас', 'у вас есть', 'подскажите', 'посоветуйте', 'скажите', 'кто-нибудь', 'кто-то', 'никто не знает', 'нужно ли', 'надо ли', 'реально ли',
]);

/** How a question opens even without a question mark ("is there a ...", "подскажите, ..."); exclamations ("what a guy", "какой ужас") do not. */
export const QUESTION_OPENER = cueFamily('question_opener', [
  '^(?:[@#]?[\\p{L}\\p{N}_]+[,:] |[\\p{L}\\p{N}_]+ [\\p{L}\\p{N}_]+: )?(?:(?:is|are|does|do|did|can|could|will|has|have) (?:there|anyone|anybody|it|the|you|i|we|this|that|my|your)|(?:how|what|when|where|which|why) (?:do|does|did|is|are|can|could|should|would|will|to|long|much|many)|anyone (?:know|using|tried|else|here)|does anyone|has anyone|any (?:way|chance|idea)|подскажите|посоветуйте|скажите|кто-нибудь|никто не знает|есть ли|можно ли|а (?:как|можно|есть|если|где|когда|сколько|в какие)|реально ли|нужно ли|надо ли)',
]);

/** Asking for information without a question mark. */
export const INFO_REQUEST = cueFamily('info_request', [
  'подскажите', 'посоветуйте', 'не подскажете', 'интересует', 'хочу узнать', 'хотел~ бы узнать', 'anyone know', 'does anyone know', 'wondering (?:if|whether|how)',
  'looking for (?:advice|recommendations)', 'any advice', 'quick q', 'asking for a friend',
]);

/** A question that is really a complaint about waiting (SCHEMA: "question hiding staff inattention"). */
export const PASSIVE_AGGRESSIVE_QUESTION = cueFamily('loaded_question', [
  'asking (?:because|as|since|for)', 'genuine question', 'quick q(?:uestion)?', 'just (?:asking|curious|wondering)', 'asking as (?:the|someone|a)', 'asking for the \\w+ time',
  'просто интересуюсь', 'спрашиваю, потому что', 'интересно просто', 'просто я уже', 'просто спрашиваю',
]);

export const SUGGESTION = cueFamily('suggestion', [
  'please (?:\\p{L}+ )?(?:add|let|make|bring back|consider|allow|give|introduce|enable|implement|build|support|offer|include|publish|hire|do)', 'pls (?:add|let|make|bring)',
  '(?:could|can|would) you (?:please )?(?:add|make|let|consider|bring|introduce|allow|offer|build)', "(?:i'?d|we'?d|would) love (?:a|an|to|if|the|some|it if|for)",
  '(?:it )?would be (?:amazing|great|nice|awesome|cool|helpful|lovely|wonderful|useful|good|so much better|handy|enough)', 'would make .. (?:easier|less|better|more|so much)',
  '(?:feature|product) request', 'wish(?:list)?', 'just a (?:wish|thought|suggestion|idea)', "(?:here's|heres) (?:a|an|my) (?:free )?(?:idea|suggestion)", 'free idea',
  'how about (?:you|adding|a|an|some|\\p{L}+ing)', 'why not (?:add|make|let|offer)', '(?:should|ought to) (?:add|let|send|offer|have|make|allow|introduce|bring|consider|hire|support|publish|give|show|build|provide|stop)',
  'let (?:me|us|users|customers|people) (?:\\p{L}+)', 'maybe .. hire', 'bring (?:it |this |us )?back', 'consider adding', '(?:^|[,:;.!] ?)add (?:a|an|the|support|dark mode|an option|option|more)',
  '(?:i|we) (?:want|need) (?:a|an) (?:option|feature|setting|button|way)', 'an sms (?:when|with)',
  // 'верните': a wish to bring back a feature, unless what is demanded back is one's money or the service itself
  'добавьте', 'добавить бы', 'сделайте', 'сделать бы', 'введите', 'верните(?![^.!?]{0,25}(?:деньг|средств|мои|оплат|плат|интернет|инет|связь|свет|воду|отоплени|тепло|доступ|аккаунт|карт|багаж|чемодан|заказ|посылк|\\d))', 'разрешите', 'дайте возможность',
  'уберите', 'переведите', 'запустите', 'внедрите', 'пересмотрите', 'опубликуйте', 'издайте', '(?:можно|нельзя ли) (?:бы|было бы)',
  'было бы (?:круто|здорово|удобно|хорошо|классно|неплохо|отлично|замечательно|прекрасно|полезно|логично|славно|супер)', 'хотелось бы', 'предлага~', 'предложени~',
  'пожелани~', 'идея', 'идейка', 'пора бы', 'может (?:сделаете|добавите|наконец|уже)', 'хочу(?:,)? чтобы', 'мечтаю(?:,)? чтобы', 'не хватает', 'нужна (?:функция|кнопка|возможность|опция)',
  'а можно (?:сделать|добавить)', 'сделаете',
]);
