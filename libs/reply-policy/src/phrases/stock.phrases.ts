import { PhraseSet } from '../text/pattern';

export const GREETING = new PhraseSet([
  'здравствуйте',
  'добр~ (?:день|вечер|утро|ночи)',
  'доброе утро',
  'привет~',
  'hi',
  'hello',
  'hey',
  'dear',
  'good (?:morning|afternoon|evening)',
  'greetings',
]);

export const THANKS = new PhraseSet([
  'спасибо',
  'благодар~',
  'thanks?',
  'thank you',
  'many thanks',
  'cheers',
]);

/**
 * Stock phrases of support scripts (seed 002: "Нам очень важны идеи и замечания", "Приятного вам чтения"; GUIDE
 * §4: "Your opinion is very important to us"). Written as families, not as any one team's sentences. They are
 * harmless inside a specific answer; a draft made of them and nothing specific is `scripted`.
 */
export const STOCK_PHRASE = new PhraseSet([
  // "your opinion matters to us"
  '(?:ваш~ )?(?:мнение|отзыв~|обращени~|сообщени~|вопрос~|идеи|замечани~|обратная связь)(?: и замечани~)? (?:очень |крайне |так )?важн~(?: для нас)?',
  'нам (?:очень |крайне )?важн~ (?:ваше |ваш~ )?(?:мнение|отзыв~|идеи|замечани~|обратная связь)',
  'ценим (?:ваше |ваш~ )?(?:мнение|отзыв~|обратную связь|доверие)',
  'your (?:feedback|opinion|call|message|business|satisfaction|experience) (?:is|matters) (?:very |really |extremely )?(?:important|valuable)?(?: to us)?',
  'we (?:value|appreciate) your (?:feedback|opinion|business|patience|understanding|loyalty)',
  // formal apology for "inconvenience"
  '(?:приносим|приношу) (?:свои |наши |искренние |глубочайшие )*извинения(?: за (?:доставленн~ |причиненн~ |возможн~ )*неудобств~)?',
  'извините за (?:доставленн~ )?неудобств~',
  'просим прощения за (?:доставленн~ )?неудобств~',
  '(?:we |i )?apologi[sz]e for (?:any|the) inconvenience(?: caused| this may have caused)?',
  "(?:we're |we are )?(?:so |very )?sorry for (?:any|the) inconvenience(?: caused)?",
  // the ticket machine
  '(?:ваш~ )?(?:обращени~|заявк~|запрос~|сообщени~) (?:успешно )?(?:зарегистрирован~|принят~|получен~|передан~)(?: в (?:работу|профильный отдел|соответствующий отдел))?(?: специалист~)?',
  'ожидайте (?:ответа|звонка|решения|обратной связи)(?: специалиста| оператора)?',
  'благодарим за (?:терпение|ожидание|обращение|ваше обращение|понимание)',
  'спасибо за (?:обращение|ваше обращение|отзыв|ваш отзыв|обратную связь|идею|предложение|понимание|терпение)',
  'рады, что вы (?:выбрали|выбираете|с нами|пользуетесь)',
  'приятн~ (?:вам )?(?:чтения|покупок|дня|аппетита|пользования)',
  'хорошего (?:вам )?дня',
  'передадим (?:информацию |ваш~ \\p{L}+ )?(?:коллегам|в профильный отдел|ответственным|специалистам|руководству)',
  'информация передана',
  'к сожалению, (?:на данный момент )?такой возможности нет',
  // deflection and boilerplate troubleshooting
  '(?:сроки|время|срок) (?:доставки|ремонта|рассмотрения|обработки) (?:завис~|определя~) (?:от [^.!?]{1,60})',
  'следите за (?:статусом|обновлениями|информацией)(?: (?:заказа|обращения|заявки))?(?: в (?:приложении|личном кабинете))?',
  'перезагрузите (?:пожалуйста )?(?:роутер|модем|устройство|приложение|телефон|компьютер)',
  'переустановите (?:приложение)',
  'очистите (?:кэш|кеш)',
  'проверьте (?:пожалуйста )?(?:подключение|соединение)(?: кабеля| к интернету)?',
  '(?:по вашему адресу )?(?:аварий|неполадок|работ|сбоев) (?:по вашему адресу )?не (?:зарегистрировано|зафиксировано|обнаружено)',
  'обратитесь в (?:службу поддержки|поддержку|контактный центр|колл-центр|отделение)',
  'мы (?:делаем|сделаем) все возможное',
  'thank(?:s| you) (?:so much )?for (?:reaching out|your feedback|the feedback|your patience|your understanding|contacting us|your kind words|your message|bringing this to our attention|your suggestion|the suggestion|your review|the idea|your idea)',
  "(?:we're|we are) (?:so |very )?(?:glad|happy) (?:that )?you (?:enjoyed|liked|chose|choose|love)(?: your| our| the)?",
  "(?:we're|we are) (?:always )?(?:here|happy) to help",
  '(?:please )?contact (?:our )?(?:support|customer service|customer care|customer support|help desk)(?: team)?(?:@[^\\s]+| at [^\\s]+)?(?: for (?:further |more )?(?:assistance|help))?',
  '(?:please )?(?:try )?(?:reinstalling|restarting|re-installing) (?:the|your) (?:app|application|router|device|phone)',
  '(?:and )?clear(?:ing)? (?:the|your) (?:cache|cookies)(?: and cookies)?',
  'restart(?:ing)? (?:the|your) (?:router|modem|device|app|phone)',
  '(?:your )?(?:request|ticket|case|message|complaint) has been (?:received|registered|forwarded|logged|passed on)',
  'please (?:wait|allow) (?:for )?(?:our )?(?:specialist|agent|team|a response)',
  'delivery (?:times|dates) (?:depend|vary)',
  'independent (?:contractor|partner|seller)s?',
  'contact (?:them|the (?:seller|courier|partner|carrier|contractor)) directly',
  '(?:продав|партнер|перевозчик|подрядчик)~ (?:—|- |является )?(?:независим|самостоятельн)~',
  'обратитесь (?:напрямую )?(?:к|в) (?:продавцу|партнеру|перевозчику|подрядчику|службу доставки)',
  'track (?:the status of )?your order in the app',
  "(?:we're|we are) working hard",
  'we strive to',
  'have a (?:great|nice|wonderful|lovely) day',
  'we have passed (?:this|it|your \\p{L}+) (?:on )?to the (?:relevant|appropriate) (?:team|department)',
]);
