/**
 * What raises severity (SCHEMA severity, GUIDE §5): safety, legal or regulator threats, media asking for
 * comment, mass scope, and critical data (payment details, personal data, account access) affected.
 */
import { cueFamily } from './cue.family';

export const SAFETY = cueFamily('safety', [
  'safety', 'unsafe', 'dangerous', 'brakes?', 'brake pads', 'pedal', '(?:caught|catch~) fire', 'smoke', 'sparks', 'explod~', 'electric shock', 'injur~', 'hospital',
  'ambulance', 'doctor', 'food poisoning', 'poisoned', 'allergic reaction', 'undercooked', 'raw (?:chicken|meat)', 'pink inside', 'choking', 'glass in',
  'опасн~', 'небезопасн~', 'тормоз(?:а|ов|ами|ные|ной|ная)', 'педал~', 'загорел~', 'возгоран~', 'пожар~', 'задымл~', 'искр(?:ит|ы)', 'взрыв~', 'ожог~', 'травм~',
  'больниц~', 'скор(?:ая|ую|ой)', 'врач~', 'отравил~', 'отравлени~', 'аллерги~', 'удуш~',
]);

export const LEGAL_THREAT = cueFamily('legal_threat', [
  'sue', 'suing', 'lawsuit', 'lawyer', 'attorney', 'legal action', 'court', 'small claims', 'regulator', 'ombudsman', 'consumer protection', 'report(?:ing)? (?:you|this) to',
  'file a complaint with', 'police',
  'суд', 'суда', 'суде', 'судом', 'в суд', 'судебн~', 'иск', 'иска', 'иском', 'юрист~', 'адвокат~', 'прокуратур~', 'роспотребнадзор~', 'центробанк~', 'в цб', 'банк росси~',
  'финомбудсмен~', 'омбудсмен~', 'полици~', 'защит~ прав потребител~', 'регулятор~',
]);

export const MEDIA_REQUEST = cueFamily('media_request', [
  '(?:asked|asking|ask|requested|request) .. (?:for )?(?:a )?comment', 'for comment', 'press (?:office|service|inquiry|request)', 'reached out to', 'declined to comment',
  '(?:has|have) not (?:yet )?commented', 'journalist', 'our readers', 'deadline',
  'запрос~ (?:в )?пресс-служб~', 'направили запрос', '(?:не|пока не) (?:дал~|дают) комментари~', 'не комментиру~', 'прокомментировать', 'ждем комментари~', 'редакци~',
  'журналист~', 'наши читатели',
]);

export const MASS_SCOPE = cueFamily('mass_scope', [
  'whole (?:city|building|town|district|area|region|country|office|street|block|neighbou?rhood)', 'city-?wide', 'nationwide', 'everyone', 'everybody', 'all (?:users|customers|of us)',
  'anyone else', 'is it just me', 'mass(?:ive)?', 'thousands', '(?:\\d+\\+?|dozens of|hundreds of) (?:messages|reports|complaints|people|users|customers|followers)', 'widespread',
  'массов~', 'весь (?:город|дом|район|офис|подъезд)', 'всем городом', 'по всему городу', 'у всех', 'у кого (?:еще|ещё)', 'у кого-нибудь', '(?:тоже|также) без', 'жители',
  '(?:\\d+\\+?|десятки|сотни) (?:сообщений|жалоб|человек|пользователей|клиентов)', 'у некоторых', 'целый (?:город|район)', 'районов',
]);

export const DATA_EXPOSURE = cueFamily('data_exposure', [
  "(?:someone|somebody|a stranger|other (?:people|customers|users))(?:'s| else's) (?:account|data|details|name|card|cards|transactions|info|information|balance|statement|profile)",
  '(?:see|seeing|saw|shows|showing|opened|opens) (?:someone|somebody|other people|a stranger|strangers)', 'data (?:leak|breach)', 'leak(?:ed)? (?:of )?(?:data|passwords|cards)',
  '(?:data|personal data|customer data|card details|passwords?|accounts?) .. (?:leak~|exposed|compromised|stolen|hacked|breach~|visible to)', 'hacked', 'breach',
  "(?:password|pin|passcode) .. (?:reset|changed) .. (?:did ?n[o']t|not me|without)", "(?:i|we) (?:did not|didn't) (?:do|make|authori[sz]e|request|approve) (?:this|it|that|these|any)",
  'unauthori[sz]ed (?:charge|transaction|login|log-in|access|payment|transfer|purchase)', 'skimm~', 'cloned', '(?:card|account|identity) .. (?:stolen|compromised)',
  'fraud(?:ulent)? (?:charge|transaction|payment|transfer)', 'identity theft', 'phishing',
  'чуж(?:ой|ие|их|ого|ая|ую|ое|ими|им) (?:человек|данные|данных|счет~|карт~|аккаунт~|личн~|профил~|операци~|имя|кабинет)', '(?:видит|видят|видно|видны|открываются|открылся|открылись) (?:мои |чужие |чужой )?(?:данные|счет~|карт~)',
  'утечк~', 'слив (?:данных|базы)', 'слили', 'взлом~', 'скомпрометир~', '(?:данные|карт~|пароль|аккаунт) .. (?:украл~|похитил~|утек~|слит~|в открытом доступе)',
  '(?:сброс~|сменил~|изменил~) .. парол~ .. (?:не я|без|я не)', 'я (?:ничего )?не (?:покупал~|совершал~|подтверждал~|переводил~|заказывал~)',
  '(?:код|пароль|данные) никому не (?:сообщал~|говорил~|давал~)', 'мошенни~', 'без моего (?:ведома|согласия|участия)', '(?:кто|кто-то) (?:еще )?(?:видит|видел) (?:мои )?данные',
  'мои данные .. (?:кто|видит|видят)',
  // someone else got in: a login from elsewhere, an access the author did not give, a charge in a place never visited
  '(?:someone|somebody|a stranger) (?:else )?(?:has|had|got|gained|now has) access', '(?:logged|signed) in from (?:another|a different|an unknown|a foreign) (?:country|city|device|location)',
  "(?:i've|i have|i) never (?:been|shopped|bought) (?:there|from|in)", '(?:я )?там (?:никогда )?не (?:был~|бывал~|покупал~)', 'кто-то (?:получил доступ|зашел в (?:мой|мою|мое))',
  '(?:вход|вошли|зашли) .. (?:из|с) (?:другой страны|другого города|неизвестного устройства)',
  // my data handed on ("продаёт мои данные", "sold my number") or a stranger knowing it
  '(?:прода~|слива~|переда~|слил~) (?:мои|наши|личные|персональные) данные', '(?:sold|selling|sells|leaked|leaking|shared) (?:my|our) (?:data|personal (?:data|details|information)|details|number|email|address)',
  '(?:знают|называют|назвал~) (?:мой|мои|мою) (?:номер|паспорт~|данные|адрес)',
  "(?:someone|somebody) else's (?:client|customer|contact|order|file|files|documents|messages|photos|address|passport|list)",
]);

/** Third-person reporting: news items, the brand's own announcements, public-service notes. */
export const NEWS_STYLE = cueFamily('news_style', [
  'сообщают', 'сообщает', 'по данным', 'следим за ситуацией', 'в компании', 'открывает', 'открыл', 'запускает', 'повышает', 'raises', 'announces', 'announced', 'reports',
  'according to', 'opens', 'launches', 'уважаемые (?:абоненты|клиенты|пользователи)', 'dear (?:customers|users|subscribers)', 'приносим извинения', 'psa',
]);

export const SPAM = cueFamily('spam', [
  '(?:пишите|напишите) в (?:лс|личку|директ)', 'недорого', '(?:подним~|накрут~) .. (?:рейтинг|отзыв|подписчик)', '\\$\\d+ ?(?:daily|per day|/day|a day)', 'earn (?:\\$|money)',
  'work from home', 'dm me', 'x\\d{2,}', 'token', 'crypto', 'airdrop', 'заработок', 'без вложений', 'отзывы от реальных', 'promo for sellers', 'free followers',
  'link in bio', 'trading bot', 'investment plan', 'to the moon', 'presale', 'giveaway', 'подписчики недорого', 'накрутк~',
]);

export const HIRING = cueFamily('hiring', ['(?:is |are |we\'re )?hiring', '#jobs', 'job opening', 'join our team', 'ваканси~', 'ищу работу', 'требуются', 'мы ищем']);

/** A helpful reply from another customer ("try the in-app chat, it worked for me"). */
export const ADVICE = cueFamily('advice', [
  'try (?:that|this|it|emailing|calling|the|in-app|writing|asking)', 'попробуйте', 'совет', 'требуй~', 'обратитесь', '(?:worked|works) for me', 'напишите .. претензи~',
]);

/** Service coming back after an outage (incident members that thank or report restoration). */
export const RESTORATION = cueFamily('restoration', [
  'back (?:online|up|to normal)', 'is back', 'came back', 'working again', 'restored', 'up again',
  'дали (?:интернет|связь|свет)', 'заработал~', 'восстановил~', 'починил~', 'пустило', 'время восстановления', 'восстановлени~', 'ремонтник~', 'бригад~',
]);

/** Words of an outage or maintenance that tie a mention to an ongoing incident. */
export const OUTAGE = cueFamily('outage', [
  'down', 'outage', 'offline', 'maintenance', 'eta', 'trunk line', 'engineers? (?:are )?working', 'status page', 'all systems',
  'авари~', 'сбо(?:й|я|ю|ем|е|и|ев)', 'плановые работы', 'технические работы', 'поврежд~', 'магистрал~', 'перебо~', 'лег', 'лежит', 'отвалил~', 'не работа~',
  'ошибк~ \\d{3}', 'error \\d{3}', '50\\d', 'не входит', 'вход', 'login', 'log in',
]);

/** A journalist introducing themselves from a personal account (counts as media, GUIDE §5). */
export const JOURNALIST = cueFamily('journalist', [
  "i'm a (?:reporter|journalist|correspondent|producer)", 'i am a (?:reporter|journalist)', 'working on a (?:story|piece|article|report)', 'writing (?:a|an) (?:story|piece|article) (?:about|on)',
  'я (?:журналист~|корреспондент~|редактор~)', 'готовим (?:материал|статью|сюжет)', 'готовлю (?:материал|статью|сюжет)', 'для (?:статьи|материала|публикации|сюжета)',
]);
