/**
 * Tone: praise and thanks, sarcasm that turns praise into a complaint (GUIDE §2; SCHEMA: sarcastic praise is
 * negative), negative emotion, and the markers of a calm, matter-of-fact report.
 */
import { cueFamily } from './cue.family';

export const PRAISE = cueFamily('praise', [
  'thanks?', 'thank you', 'thx', 'ty', 'grateful', 'appreciat~', 'kudos', 'shout-?out', 'hats? off', 'tip of the hat', "credit where (?:it's )?due", 'props to',
  'big (?:thanks|up)', 'legend(?:s|ary)?', 'hero(?:es)?', '(?:you|they) rock', 'rock solid', '(?:well|nicely) done', 'great job', 'good job', 'nice (?:job|work)',
  '(?:great|good|nice|amazing|awesome|excellent|fantastic|superb|brilliant|outstanding|wonderful|perfect|impressive|lovely|clean|smooth) (?:job|work|service|support|team|app|experience|tutorial|packaging|courier|product|update|feature|guy|staff|onboarding|people)',
  'great', 'awesome', 'excellent', 'fantastic', 'superb', 'brilliant', 'wonderful', 'impressed', 'love(?:d|s)?', 'lovely', 'happy (?:so far|with|customer)',
  '(?:highly )?recommend~', 'the best', 'best (?:ever|service|app|delivery|bank)', '(?:5|five) stars?', 'made my (?:day|night|week|morning)',
  'saved (?:my|me|us|our)', 'genuinely (?:useful|impressed|helpful|good|great|nice)', 'finally (?:works|make~ sense|stopped)', 'helpful', 'friendly', 'polite',
  'courteous', 'respect', 'angels?', 'ангел~', 'deserves? (?:an award|a raise|a bonus|a medal|praise|a promotion)', 'faith in humanity', 'scarily good', 'so good', 'actually helps',
  "didn't (?:even )?(?:try to sell|mock|argue|push|upsell)", 'no questions(?: asked)?', 'no argument', 'without (?:me )?asking', 'not a sales pitch', 'credit to',
  'спасибо', 'благодар~', 'молод(?:ец|цы)', 'умнич~', 'геро(?:й|и|ям)', 'лучш(?:ий|ие|ее|ая|их)', 'отличн~', 'супер', 'класс(?:но|ный|ная|ные)?', 'круто',
  'рекоменд~', 'доволь~', 'люблю', 'нравит~', 'приятно', 'вежлив~', 'оперативн~', 'золото', 'преми(?:ю|ей|я)', 'респект', '(?:5|пять) звезд',
  'не ожидал~', 'по-человечески', 'первый раз такое', 'как и обещали', 'не впаривал~', '(?:все|всё) объяснил~', 'не (?:все|всё) так плохо', 'ура', 'на высоте',
  'выручил~', 'спасли', 'душевно', 'быстро нашли', 'довольна', 'доволен', 'похвал~', "can't complain", 'no complaints', 'not bad', 'неплохо',
  // "worked perfectly", "best studio", "работает как часы"
  '(?:worked|works|working) (?:perfectly|flawlessly|like a charm|like clockwork)', 'flawless~', 'идеальн~', 'безупречн~', 'как часы',
  'best (?:\\p{L}+ )?(?:studio|game|company|airline|operator|provider|app|service|delivery|support|team|shop|store|marketplace|courier|crew|purchase|decision)',
]);

/** A problem was solved or a kindness done: what separates sincere praise from sarcasm. */
export const RESOLUTION = cueFamily('resolution', [
  'refunded', 'fixed', 'solved', 'sorted (?:it|out|my|the|everything)', 'resolved(?! without)', 'blocked it', 'found (?:the|our|my)(?! way)', 'returned (?:it|my|the)', 'replaced (?:it|my|the)',
  'untangled', 'helped', '(?:caught|stopped|blocked|prevented|flagged) (?:a |the )?(?:fraud|phishing|scam|suspicious)~', '(?:предотвратил~|остановил~|пресекл~) .. (?:мошенни~|попытк~)', '(?:was|were|got|been) (?:replaced|refunded|fixed|resolved|sorted|returned)', '(?:заменили|поменяли|вернули деньги)', 'stayed with me', 'called me (?:back )?within', 'went out of (?:their|his|her) way',
  // handled well while it lasted: "kept us updated the whole delay", "держали в курсе"
  'kept (?:us|me|everyone|passengers) (?:updated|informed|posted)', 'держал~ (?:нас |меня |всех )?в курсе',
  'вернули', 'решил~ (?:вопрос|проблему|все)', 'починил~', 'помог~', 'разобрал~', 'оформил~', 'подключил~ в тот же день', 'быстро вернули', 'выручил~',
]);

/** How fast something was done: supports praise and resolution, never makes praise on its own. */
export const QUICK = cueFamily('quick', [
  '(?:in|within) (?:about |around |~)?(?:\\d+|a few|an?|one|two|five|ten) ?(?:min|mins|minutes|hours?|seconds|sec|days?)', 'same day', 'in seconds',
  'за (?:\\d+|пару|сутки|час|день|полчаса)(?: минут)?', 'в тот же день', 'за сутки', 'сделали .. за', 'привезла? за',
]);

/** Sarcasm: praise words used to complain ("10/10 would wait again"). Only counted together with a complaint. */
export const SARCASM = cueFamily('sarcasm', [
  '10/10', 'would (?:wait|buy|recommend|do it|order|wait again) again', '(?:incredible|stellar|amazing|fantastic|brilliant|impressive|genius|bravo|wonderful|outstanding|magnificent)(?=[.!])',
  '#blessed', 'truly (?:life-changing|amazing|impressive|remarkable)', 'life-changing', 'teaching me patience', 'thanks for (?:teaching|the lesson|nothing)', 'consistency',
  '(?:gotta |i )?love how', 'nothing says', 'champion', 'undefeated', 'cool cool cool', 'rent free', 'reader,', 'revolutionary', 'groundbreaking', 'i know$',
  'just an idea', 'what a (?:surprise|service|time to be alive)', 'yeah right', 'oh wait', 'for once', 'bravo', 'stellar', 'incredible',
  'спасибо за (?:бесплатн~|урок|подарок|апгрейд|опыт|новый опыт)', 'вот это (?:сервис|забота|скорость|качество|уровень)', '(?:очень|как) щедро', 'гениальн~', 'браво',
  'ну да, ну да', 'стабильност~', 'признак мастерства', 'отдельный жанр', 'чемпион~', 'рекордсмен~', 'шедевр', 'ага, конечно', 'квест', 'на выживание',
  'для особо одаренных', 'пешком идет', 'не квантовая физика', 'весело живем', 'щедро', 'куплю на них',
]);

export const NEGATIVE_EMOTION = cueFamily('negative_emotion', [
  'seriously', 'ridiculous', 'unacceptable', 'not ok(?:ay)?', 'disgust~', 'wtf', 'ffs', 'furious', 'angry', 'annoy~', 'frustrat~', 'fed up', 'sick of',
  'enough is enough', 'worst', 'terrible', 'awful', 'horrible', 'pathetic', 'shameful', 'shame on', 'a joke', 'not thrilled', 'disappoint~', 'insane',
  'unbelievable', 'how\\. how', "so i'm supposed", 'are you (?:kidding|serious)', "you're kidding", 'ugh', 'smh', 'not an inconvenience', 'safety issue',
  'terrifying', 'scared', 'is my money safe', 'please sort it', 'please\\.$', 'please!', 'lending you money', 'this is not ok', 'did nobody', 'literally nobody',
  'серьезно', 'вы (?:серьезно|издеваетесь|с ума сошли)', 'издева~', 'ужас~', 'кошмар~', 'кашмар~', 'бесит', 'бесят', 'достал~', 'надоел~', 'позор~', 'возмут~',
  'безобраз~', 'отвратит~', 'жесть', 'капец', 'хамство', 'беспредел', 'обидно', 'разочаров~', 'сколько можно', 'доколе', 'сил нет', 'кровь', 'с ума сошли',
  'обнаглел~', 'офигел~', 'задолбал~', 'бред', 'цирк', 'ненавиж~', 'это вы так', 'вообще законно', 'не врите', 'что делать-то', 'пешком', 'кто будет',
]);

/** A matter-of-fact report: technical detail, a workaround, "posting in case someone else...". */
export const CALM = cueFamily('calm', [
  'fyi', 'psa', 'for anyone (?:searching|else|wondering|who)', 'in case (?:someone|anyone|it\'s|it is|others)', 'posting (?:this )?in case', 'just flagging',
  'not panicking', 'not a complaint', 'workaround', 'reproduc~', 'repro', 'steps to', '(?:rolled|roll) back', 'factory reset', '\\d stars otherwise',
  'otherwise (?:fine|great|good)', 'ticket filed', 'filed a (?:ticket|bug)', 'no big deal', 'heads[- ]up', 'come through fine', '(?:works|stays) (?:fine|up|stable)', '= stable',
  'к сведению', 'для тех, кто', 'вдруг кому', 'может, кому-то', 'обходной путь', 'воспроизвод~', '(?:в остальном|а так) (?:все )?(?:норм|хорошо|отлично)', 'норм, но',
  'не критично', 'не срочно', 'пока не паникую', 'просто сообщаю', '(?:сделал~|записал~|записался|оплатил~|оформил~) (?:через|по) (?:телефон~|сайт~|приложени~|отделени~)',
  'это вообще нормально',
]);

/** Technical detail typical of calm bug reports: versions, models, platforms. */
export const TECHNICAL = cueFamily('technical', [
  '\\d+\\.\\d+\\.\\d+', '(?:ios|android|windows|macos|firmware|прошивк~|версия|version|build) ?\\d+', '[a-z]{1,4}-\\d{2,4}', '\\d(?:\\.\\d)? ?ghz', 'outlook', 'samsung', 'iphone',
]);

export const GREETING = cueFamily('greeting', ['^(?:добрый (?:день|вечер)|здравствуйте|привет|hi|hello|good (?:morning|afternoon|evening)|dear)']);
