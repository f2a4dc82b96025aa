/**
 * What went wrong, GUIDE.md §2: the product failed (product_defect) or people and process failed
 * (staff_inattention). Written from the guide's examples in both languages; never from corpus sentences.
 */
import { cueFamily } from './cue.family';
import { EN_COUNT, EN_ORDINAL, RU_COUNT, RU_ORDINAL } from './numbers.lexicon';

/** The thing itself failed: bugs, breakage, wrong or late delivery, wrong charges. */
export const DEFECT = cueFamily('defect', [
  // en: not working / stopped working
  "(?:not|isn't|is not|aren't|are not|doesn't|does not|don't|didn't|did not|won't|wont|can't|cannot|couldn't|still not) (?:work|working|load|loading|open|opening|start|starting|connect|connecting|sync|syncing|send|sending|arrive|arrived|turn on|boot|booting|respond|responding)",
  'stopped (?:working|loading|sending|firing|ticking|syncing|responding|charging|connecting|arriving|updating|showing|counting)',
  '(?:keeps|kept) (?:crashing|failing|dropping|disconnecting|freezing|restarting|logging me out|resetting)',
  'crash~', 'glitch~', 'buffer(?:s|ing)', 'лага~', 'paying for .. for this', 'за что (?:я )?плачу', 'так и не', '(?:is|are|went|goes|gone|been) offline',
  'keeps? (?:showing|giving|throwing) (?:an? |the )?(?:error|message)', 'showing (?:an? )?error', 'been like this (?:since|for)',
  '(?:froze|frozen|blocked|suspended|held) (?:my|our) (?:withdrawal|transfer|payment|funds|money|deposit)', 'money is (?:just )?gone', 'gone from my (?:balance|account|wallet)',
  'деньги (?:пропали|исчезли)', '(?:сняли|списали|взяли) (?:деньги|оплату)', 'бит(?:ый|ая|ое|ые|ыми|ым|ую|ой)',
  '(?:обменять|вернуть|принять|заменить|починить) отказыва~', 'отказыва~ (?:обменять|вернуть|принять|заменить|менять|чинить)', 'refus(?:e|ed|es) to (?:refund|replace|exchange|accept|return|repair)', 'freez(?:es|ing)', 'bug(?:s|gy)?', 'broken', 'broke', 'breaks', 'fail(?:s|ed|ing|ure)', 'stuck',
  '(?:session|login|redirect|boot|reboot|error) loop', 'disconnect~', 'lagg~',
  // "drop" only of a connection or data: "prices drop" and "drop off an order" are not failures
  '(?:connection|signal|wifi|wi-fi|internet|calls?|line|band|sessions?) .. drop(?:s|ped|ping)?', 'drop(?:s|ped|ping)? .. (?:connection|signal|calls?|band|packets|images|attachments|messages|emails|data|files)',
  "(?:shows|showing|marked|says) (?:as )?'?delivered", '(?:porch|doorstep|mailbox) (?:is |was )?empty', '(?:photo|picture) .. (?:different|someone else)~', 'вместо', '(?:в два|вдвое|в три|втрое) (?:раза )?(?:больше|дороже|быстрее)',
  "(?:is|are|was|were|went|it's|its|been|still|goes|go|all|everything's|everything is) down", 'down (?:again|for|since|across|in|all)',
  'outage~', 'offline', 'no (?:internet|connection|signal|service|network|wifi|wi-fi|power|access|sound|picture)',
  'without (?:internet|connection|service|power|wifi|wi-fi)', "(?:internet|connection|wifi|service|network|app|site|website|server)(?:'s| is)? (?:dead|gone)",
  'error~', 'something went wrong', '(?:error|ошибк~|got|getting|get|gets|код|code|http|status|shows?) .. 5\\d\\d', '5\\d\\d (?:error|ошибк~|errors|on|bad gateway)', 'vanish~', 'disappear~', 'went dark',
  'ordered ... (?:and|but) (?:got|received|recieved)', 'заказал~ .. (?:а|но) (?:пришл~|привезли|получил~)',
  '(?:комисси~|fee|fees|charge|charges|списани~) .. (?:без|никакого|no|without) (?:уведомлени~|предупреждени~|notice|warning)', 'никакого уведомления', 'без уведомления', 'ни пуша', 'without (?:notice|warning)', 'time[ds]? out', 'session expired', 'splash screen',
  "(?:can't|cannot|unable to|couldn't|can not) (?:log ?in|sign ?in|login|access|pay|connect|transfer|withdraw|check ?out|use (?:it|the app|the service))",
  'locked out', '(?:has been|got|was|is|been) (?:suspended|locked|deactivated|banned)',
  // en: delivery and goods
  "(?:not|never|wasn't|hasn't been|has not been|was not) delivered", 'never (?:arrived|came|showed up|got here)',
  "(?:hasn't|has not|haven't|have not|still hasn't|didn't|did not|still not|still hasn't) (?:arrived|come|got it|gotten it|received it|shown up|been delivered)",
  'nobody came', '(?:missing|lost) (?:item|items|order|parcel|package|data|tickets|files|messages|emails)', '(?:arrived|came|delivered) .. (?:without|broken|damaged|opened|empty|crushed|wet)',
  '(?:lost|damaged|broke|broken|destroyed) (?:my |our |the )?(?:luggage|suitcase|bag|baggage|parcel)', 'no (?:hot )?water', 'no (?:heating|electricity|gas|power)',
  '(?:пришл~|пришел|привезли|доставили) (?:без|разбит~|сломан~|вскрыт~|пуст~|мокр~)',
  "(?:lost|deleted|wiped) (?:my|our|all|the|three|two|\\d+) (?:\\p{L}+ )?(?:days|data|tickets|files|messages|orders|history|photos)",
  '(?:item|parcel|package|order) (?:is |was )?(?:missing|lost)', "marked (?:as )?'?delivered", "says '?delivered",
  'late', 'delay(?:ed|s)?', 'wrong', 'incorrect~', 'неправильн~', 'неверн~', 'некорректн~',
  'still not (?:there|here|arrived|received|working|fixed|back|credited|refunded)', "(?:hasn't|has not|haven't|have not) (?:arrived|come through|been credited|been refunded)",
  'до сих пор (?:нет|не (?:пришл~|пришел|работает|зачисл~|вернул~|починил~))', '(?:все еще|всё еще) (?:нет|не (?:пришл~|работает|зачисл~))',
  '(?:received|got|sent me|recieved) (?:a |an |the )?(?:wrong|different|smaller|used)', 'instead of',
  'damaged', 'cracked', 'smashed', 'shattered', 'dented', 'scratch~', 'defect~', 'faulty', 'counterfeit', 'fake',
  'misspelled', 'died after', 'dead on arrival', "(?:isn't|is not|wasn't|not) new", 'expired', 'spoiled', 'rotten',
  'undercooked', 'raw (?:inside|chicken|meat|fish)', 'pink inside', '(?:cold|soggy) (?:food|order|pizza|burger|meal|soup)',
  'overheat~', 'heats up', 'gets (?:very |really )?hot', 'burning smell', 'leaks?',
  '(?:very|so|super|painfully|extremely|unbearably) slow', 'slow (?:speeds?|internet|connection|loading|app|search)',
  'speeds? .. (?:drop~|fall~|of \\d+)', 'paying for \\d+', 'clears itself', 
  // ru: не работает / перестал
  'не (?:работа~|грузит~|загружа~|открыва~|запуска~|включа~|отправля~|приход~|пришел|пришла|пришло|пришли|приехал~|привезли|доставил~|довез~|подключа~|соединя~|проход~|прошел|прошла|прошло|обновля~|синхрониз~|ловит|видит)',
  'перестал~ (?:работать|отправлять|приходить|грузиться|открываться|включаться|видеть|ловить|считать|срабатывать)',
  'не (?:могу|можем|может|получается|удается|смог~) (?:войти|зайти|залогиниться|авторизоваться|оплатить|подключиться|пользоваться|перевести|снять|открыть|воспользоваться|скачать|дозвониться до сервера)',
  'не (?:входит|пускает|пустило|заходит)', '(?:лег|легла|легло|легли|отвалил~|сдох~)', '(?:сайт|сервер|приложение|интернет|сеть|связь|сервис|все|всё|банк) (?:упал~|лежит|умер~)',
  'должен был (?:приехать|прийти|быть|доставить)', 'should have (?:arrived|been delivered|come)', 'is (?:it|the \\p{L}+|\\p{L}+) down',
  '(?:нет|без|пропал~|пропада~) (?:интернет~|инет~|связ~|сет[иь]|свет~|доступ~|сигнал~|wi-?fi|вайфа~|(?:горячей |холодной )?вод[аы]|отоплени~|газа|электричеств~|тепла)',
  '(?:интернет|инет|связь|сеть|свет|сигнал|wi-?fi|вайфай|вода|отопление|газ) (?:пропал~|пропада~|отвалил~|отключ~|нет|тормозит|режет)',
  'пропада~', 'сбо(?:й|я|ю|ем|е|и|ев)', 'авари(?:я|и|ю|ей|й)', 'перебо(?:й|и|ев|ями)', 'неполадк~', 'неисправн~', 'поломк~',
  'ошибк~', 'ошибочн~', 'глюч~', 'глюк~', 'баг(?:и|ов|а)?', 'вылета~', 'вылетел~', 'завис~', 'висн~', 'тормозит', 'тормозят',
  'слома~', 'сломан~', 'разбит~', 'трещин~', 'царапин~', 'поцарапа~', 'вмятин~', 'поврежд~', 'бракован~', 'заводск~ брак',
  'не (?:тот|та|то|те) (?:товар|размер|цвет|модел~|заказ|деталь|пицц~|блюд~)', 'пришла не та', 'пришел не тот', 'перепута~',
  'подделк~', 'поддельн~', 'фейк~', 'контрафакт~', 'паленый|паленая|паленые',
  'опозда~', 'опаздыва~', 'задерж~', 'жду (?:\\d|уже|заказ|доставк|пицц|курьер|посылк|товар)~', '(?:\\d+|два|три) (?:ч|час~|мин~) жду',
  '(?:трекинг|статус) .. (?:стоит|не меня)~', 'нарезает круги', 'так и не (?:приехал~|пришел|пришла|привезли|доставили)',
  'не (?:довез~|доложил~|положил~)', 'недовез~', 'недовложен~', 'недоложил~', 'привезли (?:не|только|\\d+)',
  'холодн(?:ая|ый|ое|ые|ую|ой) (?:приедет|приехал~|привезли|еда|пицц~|заказ|суп|блюд~)', 'холодн(?:ая|ый|ое|ые) (?:приедет|пришл~)',
  'сыр(?:ое|ая|ой) (?:внутри|мясо|курица)', 'недожарен~', 'недоварен~', 'просроч~', 'испорчен~', 'тухл~',
  'греется', 'перегрева~', 'нагрева~', 'дымит', 'искрит', 'горит .. (?:чек|check|ошибк~)', 'как утюг',
  'списал~ (?:дважды|два раза|повторно|лишн~|еще раз)', 'дважды списал~', '(?:двойн~|повторн~|лишн~|ошибочн~) (?:списани~|оплат~|операци~)',
  'две одинаковые операции', 'списал~ .. (?:хотя|без|не подключал~|не заказывал~)', '(?:тихо|молча) ввел~', 'мелким шрифтом',
  '(?:деньги|средства|перевод|платеж|оплата|возврат) (?:так и )?(?:не (?:пришл~|дошл~|вернул~|поступил~|зачисл~)|завис~|пропал~)',
  'не вернули (?:деньги|средства)', 'отказал~ в (?:возврате|гарантии)', 'отказ~ .. возврат~',
  '(?:заблокировал~|заморозил~) (?:карт~|счет~|аккаунт~)', '(?:карт~|счет~|аккаунт~) (?:заблокир~|заморож~)',
  'стоит на "?передан', 'card (?:was |got )?declined', 'карт~ .. отклон~', 'cancel~ (?:my|our) (?:order|booking|flight|subscription)', 'store credit',
  '(?:интернета|связи|света) .. (?:все еще|до сих пор) нет', 'still no (?:internet|service|connection|signal|power|refund)', '(?:froze|frozen|blocked|suspended) (?:my|our) (?:account|card)', "(?:recipient|it) (?:hasn't|has not|never) (?:got|received) it",
  // "where is my order?" / "где курьер?": asking where the delivery is reports that it did not come (money asked
  // about stays a frustrated question: "where is my refund?")
  "where(?:'s| is| are) (?:my|our|the) (?:order|food|parcel|package|delivery|courier|driver|bag|luggage|suitcase)",
  'где (?:(?:мой|моя|мое|мои|наш|наша|наше|наши) )?(?:заказ|курьер|посылк~|доставк~|еда|чемодан|багаж|пицц~)',
  // a status that does not move ("висит «готовится»", "still says processing")
  '(?:висит|висел~|висят) (?:на |в )?"?(?:готовится|в обработке|обрабатыва~|передан~|в пути|собира~|в сборке|ожида~|в работе)', '(?:трекинг|статус) .. (?:висит|завис~)',
  "still (?:says|shows|showing) '?(?:preparing|processing|pending|in transit|on its way|out for delivery)",
  // gamers' and everyday slang for a crash or lost progress
  'краш~', 'слетел~ (?:сохранени~|сейв~|прогресс|настройк~|подписк~)', '(?:прогресс~|сохранени~|сейв~) .. (?:в трубу|пропал~|слетел~|удалил~|стер~)',
  '(?:lost|wiped|deleted|corrupted) .. (?:progress|saves?|save files?)', 'logged (?:me|us) out', "account (?:doesn't|does not|no longer) exist~",
  // food arriving cold, items missing: the verb before the adjective ("arrived cold", "приехала холодная")
  '(?:arrived|came|showed up|got here|was delivered) (?:stone |ice |completely |totally )?cold', '(?:приехал~|привезли|пришл~|доставили) (?:совсем |абсолютно )?холодн~',
  '(?:and|but|with|is|are|was|were) missing', 'without (?:hot |cold )?(?:water|heating|heat|gas|electricity)',
  // Russian word order: the genitive first ("воды нет", "интернета опять нет")
  '(?:интернета|инета|связи|сети|света|сигнала|(?:горячей |холодной )?воды|отопления|газа|электричества|тепла) (?:(?:все еще|до сих пор|опять|снова|уже|совсем) )?нет',
  'батаре~ .. (?:холодн~|ледян~)', '(?:cold|freezing) radiators', 'radiators? .. (?:cold|freezing)', 'прорыв~ (?:трубы|трубопровода)', 'прорвало', 'burst (?:pipe|main)',
  // lost luggage or parcels in Russian ("потерять мой чемодан второй раз", "посылку потеряли")
  'потерял~ (?:мой |мою |наш |нашу )?(?:багаж|чемодан~|посылк~|заказ|сумк~|документ~)', '(?:багаж|чемодан|посылк~|сумк~) .. потерял~', 'потерять (?:мой |мою |наш )?(?:багаж|чемодан|посылк~)',
  // a cancelled flight, trip or order in either word order
  'cancel~ (?:my |our |the )?(?:flight|booking|trip|reservation|train)', '(?:flight|trip|train|booking|reservation) (?:was |got |has been )?cancel~',
  'отменил~ (?:мой |наш )?(?:рейс|заказ|бронь|бронирование|поездк~|перелет|поезд)', '(?:рейс|перелет|поезд|бронь) .. отменил~',
]);

/** The author lost money (GUIDE: severity high). */
export const MONEY_LOSS = cueFamily('money_loss', [
  'charged (?:me |us )?(?:twice|double|two times|again)', 'double[- ]?charg~', 'charged .. twice', 'overcharg~', 'wrong(?:ly)? charg~',
  '(?:charged|billed) (?:me|us) for', 'extra charge', 'hidden (?:fee|charge)', 'billed (?:twice|for)', 'lost (?:[$€£] ?)?\\d+',
  '(?:refund|money) (?:still )?pending', 'refund (?:still )?(?:hasn\'t|has not|not) (?:arrived|come|been issued)',
  '(?:no|never got (?:a|my)|still no|still waiting for (?:a|my|the)) refund', 'refunds? refused', 'refused (?:a |my |the )?refunds?',
  "(?:won't|wouldn't|refuse to|refused to|refuses to) refund", 'refund refused', 'no refund', 'lending you money',
  '(?:we|i) paid for', 'and no (?:dinner|food|refund|order)',
  'списал~ (?:дважды|два раза|повторно|лишн~|еще раз)', 'дважды списал~', '(?:двойн~|повторн~|лишн~|ошибочн~) (?:списани~|оплат~)',
  '(?:с меня|с карты|со счета|у меня|у мужа|нас) ... списал~', 'списал~ \\d+', 'списал~ за', 'две одинаковые операции',
  '(?:верните|вернуть|верните мне) (?:мои )?(?:деньги|средства)', 'не вернули (?:деньги|средства)', 'не (?:возвраща~|вернет~|вернут) (?:мне |нам )?(?:деньги|средства)', 'возврат~ .. (?:так и не|до сих пор не|не (?:пришел|поступил~|оформ~|сделал~|вернул~))',
  'отказал~ в возврате', '(?:деньги|перевод|платеж) (?:так и )?не (?:пришл~|дошл~|поступил~|вернул~)', 'перерасчет',
  'компенсир~', 'компенсаци~', '(?:want|get|need) (?:my|our) money back', 'refund (?:people|us|me|them|customers)', 'оштрафовал~', 'штраф~ .. \\d+', 'store credit', 'плачу \\d+', 'заплатил~ \\d+', 'за заказ, который', '(?:комисси~|fees?) .. \\d+', '\\d[\\d\\s]* ?(?:₽|руб~|р) комисси~',
  // Russian word order: the money first ("денег не вернули", "деньги списались, а ...")
  '(?:деньги|денег|средства|средств) ... не (?:вернули|вернул~|возвраща~|вернут|отда~)', '(?:деньги|средства) (?:списались|ушли)',
  '(?:перевод|платеж) .. завис~',
]);

/**
 * Waiting, in the author's own words inside a money-lost or cannot-use phrase ("still waiting for a refund",
 * "клиенты ждут"): such a phrase is about the wait as much as the loss (severity, convention 6).
 */
export const WAITING_IN_WORDS = cueFamily('waiting_in_words', ['waiting', 'жд~', 'ожида~']);

/** The author cannot use the service at all (GUIDE: severity high). */
export const CANNOT_USE = cueFamily('cannot_use', [
  "(?:can't|cannot|unable to|couldn't|can not) (?:log ?in|sign ?in|login|access|pay|use|connect|get in|transfer)", 'locked out',
  "(?:is|it's|its|went|all|everything's|whole city|whole building) down", 'down across', 'no (?:internet|connection|signal|service|network|access)',
  'without (?:internet|connection|service|power)', "(?:internet|connection|service|network)'?s? (?:dead|gone)", 'whole (?:office|team|building|city) (?:is )?offline',
  '(?:account|workspace) (?:is |was |got )?suspended', "(?:agents|users|we|staff) can't log in", 'not delivered', 'never arrived', 'nobody came',
  'stuck on the splash', 'session expired', 'lost (?:three|two|\\d+|all|our|my) (?:days|data|tickets)',
  'не (?:могу|можем|может|получается) (?:войти|зайти|пользоваться|оплатить|подключиться)', 'не (?:входит|пускает|заходит)', 'вход не работает',
  '(?:нет|без) (?:интернет~|инет~|связи|сети|доступа)', '(?:лег|легла|легло|отвалил~)', 'приложение не работает',
  '(?:карт~|счет~|аккаунт~) (?:заблокир~|заморож~)', 'заблокировал~ (?:карт~|счет~|аккаунт~)', 'так и не (?:приехал~|привезли|доставили)',
  'сидеть без (?:связи|интернета)', 'is (?:it|the \\p{L}+|\\p{L}+) down', '(?:интернета|связи|света) .. (?:все еще|до сих пор) нет', 'still no (?:internet|service|connection|signal|power)',
  '(?:froze|frozen|blocked|suspended) (?:my|our) (?:account|card)', 'card (?:was |got )?declined',
  // the author's own customers or team are stuck (a business cannot work)
  '(?:clients|customers|agents|our team|the team|staff|employees) .. (?:waiting|can\'t|cannot|getting|are stuck|see nothing)',
  '(?:клиенты|сотрудники|операторы|команда) .. (?:ждут|пишут, а мы|не могут|простаивают)', 'работа стоит',
  // "can't even log in": an intensifier between the modal and the verb
  "(?:can't|cannot|unable to|couldn't) (?:even|still|ever) (?:log ?in|sign ?in|login|access|pay|use|connect|get in|transfer)",
  // utilities: no water, heating or power is a service one cannot use at all
  'no (?:hot |cold )?water', 'no (?:heating|electricity|gas|power)', 'without (?:hot |cold )?(?:water|heating|heat|gas|electricity|power)',
  '(?:нет|без) (?:горячей |холодной )?вод[ыа]', '(?:нет|без) (?:отоплени~|электричеств~|газа|тепла)',
  '(?:интернета|инета|связи|сети|сигнала|(?:горячей |холодной )?воды|отопления|газа|электричества|тепла) (?:(?:все еще|до сих пор|опять|снова|уже|совсем) )?нет',
  // a cancelled flight or trip: the service will not be delivered
  'cancel~ (?:my |our |the )?(?:flight|trip|reservation|train)', '(?:flight|trip|train|reservation) (?:was |got |has been )?cancel~',
  'отменил~ (?:мой |наш )?(?:рейс|поездк~|перелет|поезд)', '(?:рейс|перелет|поезд) .. отменил~', "account (?:doesn't|does not|no longer) exist~",
]);

/** People and process failed: silence, repeated contact, scripts, bouncing, rudeness (GUIDE §2, ~80% of anger). */
export const STAFF = cueFamily('staff', [
  // en: silence and broken promises
  '(?:nobody|no one|no-one|noone|not one person) (?:has )?(?:ever )?(?:answered|replied|responded|called|rang|got back|gets back|picks up|picked up|reads?|told|knows|cares|takes|took over|helps|helped|contacted|bothered|can tell|could tell)',
  '(?:no|zero|0|not a single|not one) (?:reply|replies|response|responses|answer|answers|callback|call back|word|update|updates|follow-?up)',
  'without (?:a |any )?(?:single )?(?:reply|response|answer|explanation|notice)',
  "(?:never|didn't|did not|hasn't|has not|haven't|have not|won't|wouldn't|still hasn't|nobody) (?:called|call|replied|reply|responded|respond|answered|answer|got back|get back|gotten back|heard back|contacted|bothered|picked up|pick up) ?(?:me |us )?(?:back)?",
  '(?:still|yet) (?:nothing|no (?:reply|word|answer|response|update|one))', 'still nothing', 'still (?:don\'t|do not) know',
  '(?:still )?waiting (?:for|on) (?:a |an |any |their )?(?:reply|response|answer|callback|call back|update|agent|human|someone)',
  '(?:promised|said|told me|assured|swore) .. (?:call|callback|call back|ring|get back|contact|reply|email|send|fix|come)',
  "(?:will|would|ll) call (?:you|me|us) (?:back|within|tomorrow|today)", 'promised (?:a |an )?(?:technician|engineer|callback|call|refund|visit|fix)',
  'has not called', 'hasn\'t called', 'nobody called', 'nobody told (?:us|me)', 'by whom', 'took a day off',
  // en: repeated contact
  `(?:called|phoned|rang|emailed|messaged|wrote|texted|contacted|chased|asked|pinged|tweeted|visited|reminded|followed up|sent|explained|reported) .. ${EN_COUNT} (?:times|x)`,
  `(?:called|phoned|rang|emailed|messaged|wrote|contacted|chased|asked|visited) .. \\d+x`, `${EN_COUNT} (?:calls|emails|messages|tickets|chats|complaints|requests|follow-?ups|visits|agents|operators|reps)`,
  `for the ${EN_ORDINAL} time`, `${EN_ORDINAL} (?:call|email|ticket|request|message)`, '(?:did|done|sent|asked|called|wrote|emailed|tried|reopened|explained) .. twice', 'again and again', 'over and over', 'all over again',
  'from (?:scratch|zero)', 'starts? (?:from zero|over)', 'a new agent', 'another agent', 'every (?:call|time) (?:starts|i call)',
  'on day \\d+', 'is on day \\d+',
  // en: hold and queues
  'on hold', 'hold music', '(?:in|the) queue', 'queue (?:of|for|position)', '\\d+ ?min(?:ute)?s? (?:in )?(?:the )?queue', 'hung up', 'hang up on', 'call (?:back )?later', 'line is (?:busy|overloaded)', 'all (?:agents|operators|lines) (?:are )?busy',
  // en: scripts and bots
  "(?:copy[- ]?paste~|canned|templated?|scripted|script|boilerplate|stock|automated|auto-?generated|robotic) (?:reply|replies|response|responses|answer|answers|message|messages|email|text|paragraph)",
  'copy[- ]?paste~', 'same (?:\\d+ |three |two )?(?:buttons|answer|reply|response|template|script|message)', '(?:a |the |your )?bot (?:has |keeps |just )?(?:offered|offers|replied|replies|says|said|answers|answered|keeps|sent|sends)',
  'chatbot', 'auto-?clos~', 'auto-?repl~', 'closed (?:my |the |our )?(?:ticket|chat|case|request|complaint)', "marked .. (?:as )?'?resolved", '(?:\\d+|600|long)-word (?:reply|response|answer)',
  'link to (?:the|a|their) (?:faq|marketing|help|pricing) page', "didn't (?:answer|address|read) (?:my|the) question", 'commitment to (?:security|quality|customers)',
  // en: bounced between departments
  'bounced', 'ping[- ]?pong', '(?:sent|passed|transferred|redirected|referred|forwarded|bounced) .. (?:back|around|between|to another|to billing|to the branch|to the hotline|to support|to tier)',
  '(?:branch|hotline|support|billing|store|shop|bank|dealer|agent|operator|they) (?:told|sent|said|tells) (?:me|us) to (?:call|go|contact|visit|ask|email|write)',
  'contact (?:them|the seller|the contractor|the manufacturer|the courier) directly', 'not our (?:department|problem|responsibility|fault)', 'which contractor',
  // en: people
  'rude(?:ly|ness)?', 'yelled', 'shouted', 'insulted', 'unprofessional', 'dismissive', 'condescending', 'shrugged', 'ignor(?:ed|ing|es)',
  '(?:reach|talk to|speak to|speak with|get|hire) (?:an? |to an? )?(?:actual|real|live) (?:human|person|agent|operator)', 'hire a human',
  '(?:does|do) (?:anyone|anybody|somebody) .. (?:read|answer|check|look at)', '(?:read|reads|reading) (?:the|their own|my|previous|their) (?:thread|notes|replies|messages|ticket)',
  '(?:insisted|kept saying|blamed (?:us|me)) .. (?:our|my|it was)', 'lied', 'lying', 'misled', 'misinformed',
  "(?:\\d+|eleven|nine|ten) days to (?:tell|reply|answer|respond|get)", '(?:account manager|manager) left', 'nobody took over', 'went on leave',
  'own each repair', 'pick up the phone', 'прождал~', 'waited (?:all day|the whole day|in vain)', '(?:телефон|линия|номер) .. (?:вечно|постоянно|всегда) занят~', 'разводит~ руками', 'развел~ руками',
  '(?:кто-нибудь|кто-то|вообще кто) .. (?:берет трубку|отвечает|читает)', '(?:does|do) (?:anyone|anybody) .. (?:pick up|answer|read)', '(?:how about|try|start) answering', 'answer (?:your|the) (?:emails|messages|calls|phone|tickets|chat)', 'actually (?:pick up|answer|read|call)',
  // ru: silence and broken promises
  '(?:никто|ни разу|ни один|никого) (?:так и )?(?:не|ни) (?:перезвонил~|ответил~|отвечает|отвечают|позвонил~|пришел|приехал~|связал~|читает|читают|дочитал~|сказал~|может|взял~|помог~|объяснил~|предупредил~|слышит|слышат)',
  'не перезвон~', 'не перезванива~', 'не отвеча(?:ют|ет|ли) (?:на )?(?:звонки|сообщения|письма|обращени~)?', 'на звонки не отвеча~', '(?:без|нет|ни) ответа', 'игнор~',
  'обеща(?:ют|ли|ла|л|ете|ет)? .. (?:перезвонить|позвонить|связаться|приехать|прислать|решить|ответить)', 'обещают перезвонить', 'обещали перезвонить',
  '(?:перезвонить|связаться) .. обеща~', 'перезвоните', 'не слышат', 'меня не слышат', 'хоть кто-то',
  // ru: repeated contact
  `(?:звонил~|звоню|звонила|писал~|пишу|написал~|обращал~|обращаюсь|ходил~|носил~|отправлял~|просил~|приезжал~|напоминал~|объяснял~) .. ${RU_COUNT} раз~`,
  `${RU_COUNT} раз~ (?:звонил~|писал~|обращал~|звоню|пишу|обещ~|носил~)`, `(?:в )?${RU_ORDINAL} раз (?:пишу|звоню|объясняю|прошу|обращаюсь|обещают|отправляю|приезжаю|спрашиваю|говорю|повторяю|присылаю)`, `(?:пишу|звоню|объясняю|прошу|обращаюсь|обещают|обещали|отвечает|отвечают|отправляю|присылаю|напоминаю) .. (?:в )?${RU_ORDINAL} раз`, `${RU_ORDINAL} (?:обращени~|звонок|заявк~|письм~)`,
  `${RU_COUNT} (?:обращени~|звонк~|письм~|сообщени~|жалоб~)`, 'сколько раз (?:писал~|звонил~|обращал~)', 'со счета сбил~',
  '(?:еще раз|снова|опять|заново|повторно) (?:продиктовать|рассказать|объяснять|объясняю|описать|описываю|присылать|прислать|отправить|заполнить|просят|просит|спрашивают|пишу|звоню|носить)',
  '(?:каждый|новый) (?:новый )?(?:оператор|сотрудник|менеджер|специалист)', 'с нуля', 'с самого начала', 'с начала', 'заметки .. не ведутся', 'дочитал~ .. до конца',
  'опять пишете', 'опять просите', 'в очередной раз',
  // ru: hold and queues
  '(?:ожида~|висе~|вишу|висел~|жд~) .. на линии', '(?:все )?операторы заняты', '(?:играет|играла) музыка', 'сброс(?! парол)', 'бросил~ трубку', 'не берет трубку', 'не берут трубку',
  'минут (?:на линии|ожидания)', 'по часу на линии', 'на линии', 'не дозвонил~', 'не дозвониться', 'линия перегружена',
  // ru: scripts and bots
  'шаблон~', 'под копирку', 'копипаст~', 'отписк~', 'скрипт~', 'заготовк~', 'одно и то же', 'одним и тем же', 'одни и те же', 'как робот', 'отвечает робот',
  'бот .. (?:пишет|отвечает|предлагает|выдает|говорит)', 'чат-бот', '(?:закрыл~|закрывает~|закрыли) (?:чат|обращение|заявку|тикет|диалог)', 'чат закрыва~ сам',
  'передал~ специалисту', 'передан~ (?:в|специалисту|продавцу|в профильный)', 'ожидайте', 'просят подождать', '(?:says|said|told me|tells me) (?:to )?(?:just )?wait', 'обращение (?:передано|зарегистрировано|в работе)', 'заявка (?:передана|в работе)',
  '(?:благодарим|спасибо) за (?:терпение|ожидание|обратную связь)', 'приносим извинения за (?:доставленные )?неудобства', 'оцените диалог', 'недостаточно документов',
  // ru: bounced
  'отфутболи~', 'футбол~', 'пинг-?понг', 'переадресовал~', 'перенаправил~', 'гоняют', 'это через (?:колл-центр|офис|чат|отделение)', 'только через (?:офис|чат|отделение|колл-центр)',
  'по телефону .. не (?:разблокиру~|решаем|делаем|можем)', '(?:отправил~|послал~|направил~) (?:меня )?(?:в|на) (?:отделение|офис|горячую линию|колл-центр)',
  'то .. не та, то', 'это не к нам', 'не наш~ (?:вопрос|зона)',
  // ru: people
  '(?:вот )?так .. (?:разговаривает|общается|обращается) с (?:клиент~|покупател~|людьми)', 'обращаются с (?:клиент~|покупател~)', '(?:talks?|speaks?|treats?) (?:to )?(?:customers|clients|people) like',
  'положил~ трубку', '(?:еще|снова) раз (?:звонил~|писал~|обращал~)', 'called .. again', 'request (?:has been|was|is being) (?:forwarded|escalated|passed on)',
  `${EN_ORDINAL} time(?! (?:in|this|that|today|ever))`,
  // dismissive answers: "if you don't like it, terminate the contract"
  'расторгн~ договор', 'если вас не устраивает', 'эмоции .. не влияют', 'cancel your (?:contract|subscription|account) if', 'go elsewhere', "if you don't like it",
  'нахамил~', 'хамит', 'хамят', 'хамство', 'хамск~', 'груб(?:о|ый|ая|ят|ит|ость)', 'наорал~', 'накричал~', 'пожал~ плечами', 'равнодуш~', 'не в курсе', 'никто не в курсе',
  'в отпуске', 'кто вам такое сказал', 'вас нет в системе', 'нет в (?:системе|базе)', 'не врите', 'врут', 'вранье', 'обманыва~', 'лжете',
  '(?:хоть бы|даже не) (?:написали|предупредили|сообщили)', '(?:на сайте|в приложении) .. (?:ни слова|все работает)', 'пишет, что все (?:починили|работает)',
  'живого (?:человека|оператора)', 'не читают', 'ведутся', 'кто-то один',
  // "nobody from billing has replied": the silent team named between subject and verb
  '(?:nobody|no one|no-one) (?:from|in|at) .. (?:has |have |ever )?(?:replied|answered|responded|called|got back|gotten back|contacted)',
  // waiting days for an answer, in any order ("waiting 5 days for support to reply"); silence as a word
  '(?:waiting|waited) ... (?:to (?:reply|respond|answer|get back|call (?:me |us )?back)|for (?:a |an |any )?(?:reply|response|answer|callback))',
  'no news', 'radio silence', 'crickets', '(?:в ответ )?тишина', 'ни слуху ни духу', 'никаких (?:новостей|ответов)',
  // asked for the same data or documents again ("every time someone new asks me to send them again")
  'someone new', '(?:asks?|asked|asking) (?:me )?(?:to (?:send|resend|upload|repeat)|for) .. again', 'keeps asking',
  // dismissive staff ("told me to chill", "сказал не нервничать"), bounced in circles, a shrug in either word order
  'told (?:me|us) to (?:chill|calm down|relax|deal with it|go away|shut up|stop complaining)', 'сказал~ .. (?:не нервничать|успокоиться|не истерить|не скандалить)',
  'по кругу', 'руками развел~', 'руками разводят',
]);

/** Mentions of people and process, which tilt an ambiguous complaint towards staff_inattention. */
export const STAFF_ACTOR = cueFamily('staff_actor', [
  'support', 'customer (?:service|care|support)', 'agents?', 'operators?', 'reps?', 'representatives?', 'hotline', 'call cent(?:er|re)', 'helpline', 'billing',
  'manager', 'tier \\d', 'chat', 'bot', 'staff', 'employees?', 'branch',
  'поддержк~', 'оператор~', 'менеджер~', 'сотрудник~', 'колл-центр~', 'горяч~ лини~', 'чат~', 'бот~', 'специалист~', 'отделени~', 'консультант~', 'служб~ (?:поддержки|безопасности)',
]);

/** Contacting the company: gates counts ("4 times") so that "the 2nd outage this month" is not read as ignored contact. */
export const CONTACT = cueFamily('contact', [
  'call~', 'phon~', 'rang', 'email~', 'wrote', 'writing', 'messag~', 'contact~', 'reach~', 'chas~', 'ask~', 'ticket~', 'dm~', 'remind~', 'follow~ up', 'explain~', 'reopen~',
  'звон~', 'позвон~', 'перезвон~', 'пиш~', 'писал~', 'написал~', 'обращ~', 'напомина~', 'просил~', 'прошу', 'объясн~', 'заявк~', 'жалоб~', 'носил~', 'сообщени~', 'письм~',
]);
