#!/usr/bin/env node
// Writes data/demo/timeline.jsonl: the mentions the demo replay source plays on first start, so a newcomer's
// inbox fills with every situation the product handles (see data/demo/README.md).
// Plain CommonJS with no dependencies so it runs with bare `node`; a seeded PRNG keeps the output byte-stable,
// so `--check` can tell whether the committed file still matches the script.
//   node scripts/generate-demo-timeline.js          write the file
//   node scripts/generate-demo-timeline.js --check  exit 1 if the committed file differs from what would be written
'use strict';
const { readFileSync, writeFileSync, mkdirSync, existsSync } = require('node:fs');
const { join, dirname } = require('node:path');

const OUTPUT = join(__dirname, '..', 'data', 'demo', 'timeline.jsonl');
const DAY = '2026-11-02';
const DAY_START_MS = Date.parse(`${DAY}T06:00:00Z`); // 09:00 in Moscow: the working day of the demo
const RANDOM_WINDOW_MINUTES = 180;

// All brands are invented (Russian spelling / Latin spelling); `brand` in a record carries the Latin one.
const SOTAVA = 'Sotava'; // «Сотава», mobile operator
const PRIBOY = 'Priboy Bank'; // «Прибой Банк», retail bank
const KASTRYULKA = 'Kastryulka'; // «Кастрюлька», food delivery
const KINOVETER = 'Kinoveter'; // «Киноветер», online cinema
const ZHURAVL = 'Zhuravl Air'; // «Журавль Авиа», regional airline
const SHESTERENKA = 'Shesterenka'; // «Шестерёнка», electronics and appliance stores

// mulberry32: tiny, fast and good enough to scatter times and follower counts; the seed is the demo day.
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261102);
const between = (low, high) => low + Math.floor(random() * (high - low + 1));
function logNormal(median, spread) {
  const u = Math.max(random(), 1e-9);
  const v = random();
  return Math.round(median * Math.exp(spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)));
}
const isoDate = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
const yearsAgoRange = (fromYear, toYear) => Date.parse(`${fromYear}-01-01T00:00:00Z`) + random() * (Date.parse(`${toYear}-10-01T00:00:00Z`) - Date.parse(`${fromYear}-01-01T00:00:00Z`));

// Author shorthands. Attributes not given are drawn from the PRNG the first time a channel+handle is seen,
// so an author who posts twice keeps one id and one follower count.
const person = (handle, extra = {}) => ({ handle, kind: 'person', ...extra });
const influencer = (handle, followers) => ({ handle, kind: 'influencer', followers, verified: true });
const media = (handle, followers, verified = true) => ({ handle, kind: 'media', followers, verified });
const brandAccount = (handle, followers) => ({ handle, kind: 'brand', followers, verified: true });
// Accounts of a coordinated campaign: days old, next to no followers.
const fresh = (handle) => ({ handle, kind: 'person', fresh: true });

const authors = new Map();
const usedAuthorIds = new Set();
function resolveAuthor(channel, spec) {
  const key = `${channel}|${spec.handle}`;
  const known = authors.get(key);
  if (known) return known;
  let id;
  do id = `${channel}:${between(100000, 989999999)}`;
  while (usedAuthorIds.has(id));
  usedAuthorIds.add(id);
  let followers;
  let created;
  if (spec.fresh) {
    followers = between(0, 24);
    created = DAY_START_MS - between(1, 13) * 86400000 - between(0, 86399) * 1000;
  } else if (spec.kind === 'person') {
    // Capped with some jitter: a hard cap would show up as many authors with the very same count.
    followers = spec.followers ?? Math.min(logNormal(140, 1.25), between(3500, 7500));
    created = yearsAgoRange(2011, 2025);
  } else {
    followers = spec.followers;
    created = yearsAgoRange(2010, 2019);
  }
  const author = {
    id,
    handle: spec.handle,
    followers,
    account_created_at: isoDate(Math.floor(created / 1000) * 1000),
    verified: spec.verified ?? false,
    kind: spec.kind,
  };
  authors.set(key, author);
  return author;
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios. A post without `at` lands at a random minute of the three hours; `at` is HH:MM UTC on DAY.
// Thread posts have a `key`, and `to` names the key they answer.
// ---------------------------------------------------------------------------------------------------------

/** Single posts: everyday defects, staff inattention, questions, wishes, praise, collisions, private messages. */
const singles = [
  // --- Sotava, mobile operator -----------------------------------------------------------------------
  { ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('dinara.kzn'), text: 'Сотава, вы издеваетесь? Третий день в казанском метро интернет пропадает ровно между Козьей слободой и Яшьлеком. До вашего «обновления сети» ловило нормально, теперь ноль. 690 в месяц плачу за палочки без интернета' },
  { ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('tanya_svetlova'), text: 'Пишу сюда, потому что на линии 40 минут слушала одну и ту же мелодию, а потом звонок сорвался. Хочу просто переоформить номер на мужа!!! Неужели это так сложно, Сотава?' },
  { ch: 'telegram', lang: 'ru', brand: SOTAVA, by: person('Ринат Г.'), text: 'Сотава списала 150 ₽ за «Гудок+», который я не подключал. В личном кабинете в списке услуг его нет, а в детализации есть. Как так вообще? Скрин приложу в чат поддержки, если там кто-то отвечает' },
  { ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('lesha_fotograf'), text: 'подскажите, у Сотавы eSIM на айфон уже можно оформить без похода в салон? на сайте написано «скоро» уже полгода 🤔' },
  { ch: 'telegram', lang: 'ru', brand: SOTAVA, by: person('mama_semyona'), text: 'Сотава, сделайте уже нормальный тариф для школьника: без платных подписок вообще, чтобы ничего нельзя было подключить коротким номером. Устала каждый месяц отключать ему «гороскопы» и «игровые бонусы»' },
  { ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('Валентина Крюкова'), text: 'Вот, могут же когда хотят! В салоне Сотавы на Баумана за 10 минут восстановили сим-карту, девушка Алина всё объяснила и даже помогла перенести контакты со старого телефона. Спасибо 🙏' },
  { ch: 'x', lang: 'ru', brand: SOTAVA, by: person('grisha_smr'), text: 'Спасибо Сотаве за бесплатный цифровой детокс: в Самаре на Московском шоссе связь есть только на балконе и только если встать на табуретку 🙃' },
  { ch: 'review_site', lang: 'ru', brand: SOTAVA, by: person('Ольга Т.'), text: 'Обещали перезвонить «в течение 24 часов» по поводу ошибочного списания. Прошло 9 дней. Звонила 4 раза, и каждый раз заново диктую номер договора и паспортные данные, каждый раз «заявка создана». Ставлю 1 из 5 только потому что 0 поставить нельзя.' },
  { ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('alisa.v.travel'), text: 'Сотава, верните деньги за роуминг! Была в Абхазии 3 дня, пакет подключила заранее, а списали ещё 2 870 поминутно. Мой номер +7 900 000-47-18, лицевой счёт 700000123 — проверьте уже наконец, сколько можно' },
  { ch: 'telegram', lang: 'ru', brand: SOTAVA, by: person('Паша Н'), text: 'Кто-нибудь знает, как у Сотавы дозвониться до живого человека? Бот в чате третий раз отвечает «уточните ваш вопрос», а вопрос простой: где мой возврат за роутер, который я сдал по гарантии ещё в сентябре' },
  { ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('sambo_club_volga', { followers: 1840 }), text: 'Поздравляем Виктора Сотаву с серебром на первенстве области по самбо! 🥈 Тренер — Игорь Маркелов. Виктор, ждём на тренировке в среду, отдыхать некогда 💪' },
  { ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('Нина Петровна Ш.'), private: true, text: 'Здравствуйте. Пишу в личные сообщения, потому что не хочу публично. Маме 78 лет, ей подключили платную подписку «Кино и музыка» за 399 в месяц, она даже не знает, что это. Номер мамы 8 900 000 31 55. Отключите, пожалуйста, и верните деньги за три месяца.' },
  { ch: 'x', lang: 'ru', brand: SOTAVA, by: person('ne_abonent'), text: 'Сотава как обычно. Сама ими не пользуюсь с 2019 года, но каждый раз, когда вижу их рекламу «всегда на связи», хочется плакать от смеха 😂' },
  { ch: 'x', lang: 'en', brand: SOTAVA, by: person('kate_on_the_road'), text: '@Sotava roaming data in Tbilisi just... doesn\'t. Bought the 5 GB travel pack yesterday, phone says connected, nothing loads. Restarted twice, toggled roaming on/off, same thing.' },
  { ch: 'reddit', lang: 'en', brand: SOTAVA, by: person('relocating_dev_ekb'), text: 'Moving to Yekaterinburg for work next month. Is Sotava decent there or should I go with someone else? Mostly need a stable hotspot for my laptop, calls don\'t matter much.' },
  { ch: 'x', lang: 'en', brand: SOTAVA, by: person('marco_bellini_'), text: 'Sotava support chat marked my ticket "solved" before anyone had even read it. Opened a new one. "Solved" again in 10 minutes. I\'m starting to think it\'s a bot closing tickets for another bot.' },
  { ch: 'appstore', lang: 'en', brand: SOTAVA, by: person('Jonas W.'), text: 'Finally an operator app that doesn\'t crash. Top-up with Apple Pay takes five seconds and the usage widget is actually readable. One star off because dark mode is still half done (white popups at night, ouch).' },
  { ch: 'appstore', lang: 'ru', brand: SOTAVA, by: person('Кира М.'), text: 'После обновления 4.12 приложение не пускает: крутится загрузка и выкидывает обратно на экран входа. Переустановила — то же самое. iPhone 13, iOS 18. Раньше всё работало' },
  { ch: 'mastodon', lang: 'en', brand: SOTAVA, by: person('lenka@mastodon.social'), text: 'Dear Sotava: please let me turn off the "special offers" SMS without also turning off low-balance alerts. Right now it\'s one toggle for both. That\'s a dark pattern and you know it.' },
  { ch: 'x', lang: 'en', brand: SOTAVA, by: person('h_okafor_kzn'), text: 'Spent an hour of my morning in a Sotava store to swap a SIM. "The system is slow today." 50 minutes. For a SIM swap. The guy was nice, but the system is clearly the boss there.' },
  { ch: 'reddit', lang: 'en', brand: SOTAVA, by: person('cancel_me_please_22'), text: 'How do you actually cancel a Sotava contract? I sent the form from their website twice (got two auto-replies with ticket numbers) and I\'m still being billed for October. Is there a secret phone menu option or something?' },
  { ch: 'youtube', lang: 'en', brand: SOTAVA, by: person('Aigerim T.'), text: 'Got the Sotava travel eSIM after this video and it worked instantly in Almaty, even the hotspot. Thanks for the tip!' },
  { ch: 'news', lang: 'en', brand: SOTAVA, by: media('Telecom Daily Digest', 48200), text: 'Sotava plans to switch off its 3G network in five regions by March 2027. Customers with older handsets will be contacted individually and offered discounted 4G phones, the operator said on Monday.' },
  { ch: 'review_site', lang: 'en', brand: SOTAVA, by: person('Samir R.'), text: 'Coverage in central Kazan is great, but indoors in the Vakhitovsky district it drops to one bar all the time. Support was polite and opened a coverage ticket, no update yet. 3/5.' },
  { ch: 'telegram', lang: 'ru', brand: SOTAVA, by: person('Кирилл Веденеев'), text: 'Сотава, отдельное спасибо, что не звоните каждый день с «выгодными предложениями», как некоторые. Вот правда ценю 😌' },
  { ch: 'x', lang: 'en', brand: SOTAVA, by: person('ilya.sec'), private: true, text: 'Hi, DM because it\'s urgent: my number was ported out to another operator yesterday without my consent. I never asked for it. My bank 2FA codes go to that number. Please call me on my work line +7 900 000-19-44 as soon as you can.' },

  { ch: 'x', lang: 'en', brand: SOTAVA, by: person('fine_print_fiona'), text: 'Sotava\'s new "unlimited" plan has a 30 GB fair-use cap buried on page 6 of the PDF. Unlimited, but with a limit. Whoever wrote that ad deserves a raise, honestly.' },
  { ch: 'review_site', lang: 'en', brand: SOTAVA, by: person('Dominik S.'), text: 'Moved the whole family to Sotava last spring: four SIMs, one bill, and a shared data pool that actually works. Coverage in the Perm suburbs is weaker than in town, but overall happy. 4/5.' },

  // --- Sotava: mass outage across the Urals, 07:05-08:02 (thread inc. in `threads` below) -------------
  { at: '07:05', ch: 'x', lang: 'ru', brand: SOTAVA, by: person('uralmash_andrey'), text: 'Сотава лежит? Екб, Уралмаш, уже полчаса «только экстренные вызовы». Перезагрузка не помогает, авиарежим тоже' },
  { at: '07:10', ch: 'telegram', lang: 'ru', brand: SOTAVA, by: person('Цветы Лаванда Екб', { followers: 2300 }), text: 'Сотава, у нас курьеры по всему Екатеринбургу без связи, заказы встали, клиенты не могут дозвониться. Когда будет сеть?? Нам нужно хотя бы примерное время, чтобы людей предупредить' },
  { at: '07:12', ch: 'x', lang: 'en', brand: SOTAVA, by: person('wanderwill'), text: 'Is Sotava down in Chelyabinsk? Zero bars, "Emergency calls only". Can\'t even call a taxi from the train station 😩' },
  { at: '07:15', ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('Марина Горбунова'), text: 'Позвонила с рабочего на горячую линию Сотавы — «все операторы заняты, время ожидания более 30 минут». Хоть бы автоответчиком сказали, что у вас авария! Сижу, слушаю музыку, а ребёнок в школе без связи' },
  { at: '07:18', ch: 'x', lang: 'ru', brand: SOTAVA, by: person('ufa_timur'), text: 'Уфа тоже без Сотавы. Картой в магазине заплатить не смог — терминал у них на той же симке 🤡' },
  { at: '07:21', ch: 'telegram', lang: 'ru', brand: SOTAVA, by: media('Урал Онлайн | Новости', 86400), text: 'В Екатеринбурге, Перми, Челябинске и Тюмени абоненты «Сотавы» с утра жалуются на полное отсутствие мобильной связи. Редакция ждёт ответа от оператора. @sotava_official, прокомментируете масштаб сбоя и сроки восстановления? Читатели, пишите в бот, в каком районе у вас нет сети.' },
  { at: '07:24', ch: 'mastodon', lang: 'en', brand: SOTAVA, by: person('stas@fosstodon.org'), text: 'Perm: Sotava still dead. Half the office is tethering off the two people on other networks. Productivity has never been higher tbh' },
  { at: '07:27', ch: 'youtube', lang: 'ru', brand: SOTAVA, by: influencer('ТехноЛёха', 482000), text: 'Друзья, у кого Сотава на Урале — связи нет уже больше получаса, мне пишут из Екб, Перми, Тюмени и Уфы. Оператор молчит. Если у вас тоже лежит — напишите город в комментах, соберу картину и вечером выпущу ролик, как такое вообще возможно в 2026' },
  { at: '07:30', ch: 'x', lang: 'en', brand: SOTAVA, by: person('dr_elena_moss'), text: 'Day one of a conference in Tyumen and my Sotava SIM is a paperweight. Hotel wifi is the only thing keeping me connected to the world.' },
  { at: '07:33', ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('Артур Салихов'), text: 'А компенсацию Сотава сделает за день без связи? Абонентскую плату за сутки хотя бы вернут или как обычно?' },
  { at: '07:35', ch: 'x', lang: 'ru', brand: SOTAVA, by: person('ironichny_oleg'), text: 'Сотава как всегда: упала и лежит. Зато реклама «связь, которая не подводит» на каждом билборде 😂 Хорошо, что я не у них' },
  { at: '07:38', ch: 'vk', lang: 'ru', brand: SOTAVA, by: brandAccount('Сотава', 61500), text: 'Сегодня с 09:58 по московскому времени у части абонентов в Екатеринбурге, Перми, Челябинске, Тюмени и Уфе нет мобильной связи и интернета. Причина — авария на магистральном оборудовании, инженеры уже на месте. Платёжные и персональные данные абонентов сбой не затронул. Ориентировочное время восстановления — 12:00 мск. Извините за сорванные звонки и планы: держим в курсе здесь и на странице статуса.' },
  { at: '07:42', ch: 'telegram', lang: 'ru', brand: SOTAVA, by: person('Ксюша Белова'), text: 'Чат поддержки Сотавы в приложении: «Мы не видим проблем на вашем номере, попробуйте перезагрузить устройство». Серьёзно? У вас пол-Урала без связи 🤦‍♀️' },
  { at: '07:50', ch: 'news', lang: 'ru', brand: SOTAVA, by: media('Вечерний Урал', 132000), text: 'Массовый сбой у оператора «Сотава»: без мобильной связи остались абоненты в пяти городах Урала. В компании сообщили об аварии на магистральном оборудовании и обещают восстановить работу к полудню по московскому времени. Мы ждём ответа на вопрос, будут ли компенсации.' },
  { at: '07:55', ch: 'reddit', lang: 'en', brand: SOTAVA, by: person('kurgan_expat_ben'), text: 'PSA for anyone in the Urals on Sotava: wifi calling still works if you switch it on (Settings > Mobile > Wi-Fi Calling). Got through to my mum that way. Kurgan here, no signal since morning.' },
  { at: '07:58', ch: 'vk', lang: 'ru', brand: SOTAVA, by: person('chel_severozapad'), text: 'Челябинск, северо-запад: связь появилась минуту назад, интернет пока еле живой. Держитесь там' },
  { at: '08:37', ch: 'x', lang: 'ru', brand: SOTAVA, by: person('uralmash_andrey'), text: 'Всё заработало. Сотава, спасибо хоть за то, что написали статус и время — было понятно, чего ждать.' },

  // --- Priboy Bank ------------------------------------------------------------------------------------
  { ch: 'vk', lang: 'ru', brand: PRIBOY, by: person('Елена Шубина'), text: 'Прибой Банк, пишу вам уже пятый раз. В чате меня перекидывают по кругу: кредитный отдел → отдел карт → «обратитесь в офис». В офисе говорят «это через чат». Мне нужна всего лишь справка об отсутствии задолженности для ипотеки!!!' },
  { ch: 'telegram', lang: 'ru', brand: PRIBOY, by: person('Гоша Ломакин'), text: 'Прибой, перевод по СБП ушёл, у получателя деньги не пришли, а у меня статус «исполнен». 15 000 ₽ висят в воздухе со вчерашнего вечера. Что делать?' },
  { ch: 'vk', lang: 'ru', brand: PRIBOY, by: person('svetik_kaluga'), text: 'ПРИБОЙ БАНК ВЫ ЗАБЛОКИРОВАЛИ МНЕ КАРТУ прямо на кассе, вот она 4111 1111 1111 1111 срок 09/28. Разблокируйте срочно, я стою с полной тележкой и очередью за спиной!!!' },
  { ch: 'telegram', lang: 'ru', brand: PRIBOY, by: person('Вадим Осокин'), text: 'Подскажите, вклад «Штиль» в Прибой Банке можно пополнять с карты другого банка или только наличными в отделении?' },
  { ch: 'review_site', lang: 'ru', brand: PRIBOY, by: person('Юлия, ИП'), text: 'Открывала расчётный счёт для ИП в Прибой Банке. Менеджер Денис сам приехал ко мне в офис, всё подписали за 20 минут, к вечеру счёт уже работал. Ни одной навязанной страховки. Редкость, честно.' },
  { ch: 'x', lang: 'ru', brand: PRIBOY, by: person('max_dolgov'), text: 'Прибой Банк лучший: третий раз «улучшают» приложение, и третий раз я не вижу в нём свою же кредитку. Зато новая анимация волн при входе — огонь 🌊🔥' },
  { ch: 'vk', lang: 'ru', brand: PRIBOY, by: person('buh_tamara_ivanovna'), text: 'Прибой, добавьте, пожалуйста, выгрузку выписки в CSV или Excel, а не только в PDF. Бухгалтер (я) плачет и переносит всё вручную' },
  { ch: 'review_site', lang: 'ru', brand: PRIBOY, by: person('Анна К-ва'), text: 'Звонила по поводу досрочного погашения три раза. Три оператора — три разные суммы. Последний вообще сказал «уточните в отделении». Зачем тогда горячая линия?' },
  { ch: 'x', lang: 'ru', brand: PRIBOY, by: person('darya_smr_'), text: 'Прибой Банк, мне пришло уведомление о входе в аккаунт с нового устройства в Новосибирске. Я в Самаре и никуда не заходила!! Пароль сменила, но кто-то видел мои счета и данные? Ответьте пожалуйста, мне страшно' },
  { ch: 'vk', lang: 'ru', brand: PRIBOY, by: person('Полина Жданова'), text: 'прибой банк, третью неделю не могу обновить паспорт в анкете. Новый паспорт 4500 000731, выдан 12.08.2026, загружала фото два раза — оба раза «документ не распознан». Без этого карту не перевыпускают. Сколько можно' },
  { ch: 'vk', lang: 'ru', brand: PRIBOY, by: person('Игорь Сабуров'), private: true, text: 'Добрый день. В комментариях писать не хочу. Мне вчера звонили якобы из вашей службы безопасности и назвали последние цифры моей карты и сумму последней покупки. Откуда у них это? Я ничего не сказал и бросил трубку. Карта заканчивается на 4444. Проверьте, пожалуйста, не было ли утечки.' },
  { ch: 'telegram', lang: 'ru', brand: PRIBOY, by: person('Анапа Сегодня', { followers: 5400 }), text: 'Прибой сегодня в Анапе такой, что волна перелетает через пирс 🌊 На набережной никого, только чайки и один смелый с термосом. Берегите себя, к морю близко не подходите' },
  { ch: 'x', lang: 'en', brand: PRIBOY, by: person('nadia_writes_code'), text: 'Priboy Bank app shows my balance as 0.00 since this morning. Card still works in shops, so the money is there?? Just the app being weird? Kind of stressful to look at, ngl.' },
  { ch: 'reddit', lang: 'en', brand: PRIBOY, by: person('expat_with_paperwork'), text: 'Has anyone opened a Priboy Bank account as a foreigner with a residence permit? Their website lists one set of documents, the branch on Arbat told me a different one, and the hotline gave me a third.' },
  { ch: 'mastodon', lang: 'en', brand: PRIBOY, by: person('tomasz@mastodon.social'), text: 'Shoutout to the Priboy Bank support person who stayed on the phone with me for 25 minutes while I, a very non-native speaker, disputed a card charge. Patient, clear, never rushed me. Thank you, Ksenia.' },
  { ch: 'x', lang: 'en', brand: PRIBOY, by: person('late_fee_larissa'), text: 'Priboy Bank: "we will call you back within 2 hours". That was Thursday. It is now Monday. I have been called back by exactly zero humans.' },
  { ch: 'appstore', lang: 'en', brand: PRIBOY, by: person('quietkeys'), text: 'Would happily take Face ID confirmation for larger transfers instead of the SMS code that arrives three minutes later. Otherwise a solid app, fast and no clutter.' },
  { ch: 'appstore', lang: 'ru', brand: PRIBOY, by: person('Тимур_А'), text: 'Постоянно разлогинивает, каждый раз заново код из смс. Раньше такого не было. Две звезды пока не починят' },
  { ch: 'x', lang: 'en', brand: PRIBOY, by: person('hot_takes_only_'), text: 'every bank is bad but Priboy Bank is bad on another level. never banked with them and never will, my cousin has stories' },
  { ch: 'x', lang: 'en', brand: PRIBOY, by: person('m_ferreira_ux'), text: 'Priboy Bank just emailed me someone else\'s monthly statement. Full name, account number, every transaction. I\'m obviously not sharing it, but if I got theirs, who got mine?' },
  { ch: 'reddit', lang: 'en', brand: PRIBOY, by: person('fx_nitpicker'), text: 'Priboy Bank FX conversion used Friday\'s closing rate on my Monday transfer. The difference is small (~0.8%), but the app literally says "rate at the time of transfer". Filed a dispute, will report back.' },
  { ch: 'youtube', lang: 'en', brand: PRIBOY, by: person('Luis Marin'), text: 'Does the Priboy Bank cashback on the Breeze card stack with partner offers? Your video says yes, the bank\'s own FAQ says no 🤔' },
  { ch: 'news', lang: 'ru', brand: PRIBOY, by: media('Финансовый вестник Поволжья', 27300), text: 'Прибой Банк с 5 ноября повышает ставку по вкладу «Штиль» до 17,5% годовых для вкладов от 100 000 ₽ на срок от шести месяцев. Условия для действующих вкладчиков не меняются.' },

  { ch: 'x', lang: 'en', brand: PRIBOY, by: person('oct3_dispute_still_open'), text: '@PriboyBank how long does a chargeback usually take? Opened one on Oct 3, status is still "under review" and nobody replies to my messages in the app.' },

  // --- Kastryulka, food delivery ----------------------------------------------------------------------
  { ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: person('Рустам Хабибуллин'), text: 'Кастрюлька, заказ ехал 1 час 50 минут, суп ледяной, борщ протёк прямо на хлеб. Курьер сказал «я тут ни при чём» и ушёл. Отличный обед, спасибо 😡' },
  { ch: 'telegram', lang: 'ru', brand: KASTRYULKA, by: person('Алёна Лис'), text: 'Вернуть деньги в Кастрюльке за не привезённый заказ — это квест. Чат: «передали в отдел качества». Отдел качества: тишина 4 дня. Снова чат: «передали в отдел качества». И так по кругу.' },
  { ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: person('zhenya_bez_plova'), text: 'Кастрюлька, заказ № KS-2611-0483 — вместо плова привезли три пачки салфеток и соус 🤷‍♂️ Списали 1 240. Мой телефон 8 (900) 000-62-09, позвоните уже, в чате никто не отвечает' },
  { ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: person('Светлана Ильина'), text: 'А Кастрюлька в Новой Москве возит? Приложение мой адрес не находит, пишет «вне зоны доставки», а соседи говорят, что заказывают спокойно' },
  { ch: 'telegram', lang: 'ru', brand: KASTRYULKA, by: person('Даша и близнецы'), text: 'Кастрюлька вчера ночью нас спасла: заказала в 23:40 детское пюре и подгузники (оказывается, у них и такое есть), привезли за 25 минут. Курьер не звонил в домофон, а написал сообщение — дети спали. Люблю вас ❤️' },
  { ch: 'x', lang: 'ru', brand: KASTRYULKA, by: person('vova_ironiya'), text: 'Кастрюлька привезла заказ всего на 40 минут позже обещанного и перепутала всего лишь половину. Прогресс! В прошлый раз перепутали всё 👏👏' },
  { ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: person('Мария Соколова'), text: 'Кастрюлька, сделайте фильтр «без орехов» по-человечески, а не строчкой в описании мелким шрифтом. У сына аллергия, каждый раз читаю состав как детектив' },
  { ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: person('Олеся Миронова'), text: 'Кастрюлька, в салате из сегодняшнего заказа нашли осколок стекла. Сын чудом не проглотил. Фото выложила ниже. Хочу знать, какой ресторан это готовил, и чтобы его проверили, пока никто не пострадал' },
  { ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: person('Готовим Просто', { followers: 7300 }), text: 'Рецепт дня: гречка по-купечески в одной кастрюльке 🍲 Мясо, лук, морковь, крупа — 40 минут, и ужин готов. Сохраняйте, чтобы не потерять!' },
  { ch: 'review_site', lang: 'ru', brand: KASTRYULKA, by: person('Регина В.'), text: 'Курьер заявил, что «подниматься на 9 этаж без лифта не обязан», и оставил пакет у подъезда. Написала в поддержку — ответ шаблоном «Нам очень жаль, передадим руководству». Всё. Ни реакции, ни возврата за доставку.' },
  { ch: 'x', lang: 'en', brand: KASTRYULKA, by: person('dmitri_in_english'), text: '@kastryulka_app charged me twice for one order, same amount, two minutes apart. Only one delivery showed up, obviously. Refund please?' },
  { ch: 'review_site', lang: 'en', brand: KASTRYULKA, by: person('Hannah L.'), text: 'Kastryulka is the only delivery app here with an English menu that isn\'t machine-translated nonsense. Syrniki arrived warm, courier texted when he was downstairs. 5/5.' },
  { ch: 'reddit', lang: 'en', brand: KASTRYULKA, by: person('cold_hands_warm_soup'), text: 'Does the tip in the Kastryulka app actually go to the courier in full? The app is vague about it and I want to tip properly in this weather.' },
  { ch: 'mastodon', lang: 'en', brand: KASTRYULKA, by: person('ollie@fedi.example'), text: 'Kastryulka\'s support bot asked me to "rate your experience" before it had answered my question. One star, bot. One star.' },
  { ch: 'appstore', lang: 'en', brand: KASTRYULKA, by: person('pb_and_jam'), text: 'App freezes on the payment screen every time I enter a promo code. Had to remove the code and pay full price. Please fix, it\'s been like this for two updates.' },
  { ch: 'appstore', lang: 'ru', brand: KASTRYULKA, by: person('Лиза К.'), text: 'После обновления пропала вся история заказов за год. Хотела повторить заказ из любимого грузинского места, а его просто нет 😢' },
  { ch: 'telegram', lang: 'ru', brand: KASTRYULKA, by: person('Денис Карпов'), text: 'Подскажите, а в Кастрюльке вообще есть способ связаться с кем-то кроме бота? Пишу про недовложение уже неделю, на все сообщения «ваше обращение в работе»' },
  { ch: 'x', lang: 'en', brand: KASTRYULKA, by: person('office_manager_amy'), text: 'Kastryulka please add scheduled delivery for office lunches. Ordering for 12 people at 12:59 every single day is pure chaos.' },
  { ch: 'x', lang: 'en', brand: KASTRYULKA, by: person('nomad_pierre'), text: 'Kastryulka delivered my order to the wrong building AGAIN. Same courier, same mistake, third time this month. The pin is on the right entrance, I checked twice.' },
  { ch: 'mastodon', lang: 'en', brand: KASTRYULKA, by: person('greta@mastodon.social'), text: 'Kastryulka courier today carried my groceries up to the 5th floor because the lift is broken, refused a tip and said "it\'s the weather". People are ok sometimes.' },
  { ch: 'reddit', lang: 'en', brand: KASTRYULKA, by: person('kazan_night_owl'), text: 'Kastryulka vs everyone else for late-night orders in Kazan? Which one actually delivers after 1am without cancelling half an hour later?' },
  { ch: 'youtube', lang: 'ru', brand: KASTRYULKA, by: person('Артём Васильев'), text: 'Кастрюлька спонсор ролика, понятно теперь, почему так хвалите 😏' },
  { ch: 'review_site', lang: 'en', brand: KASTRYULKA, by: person('Priya S.'), text: 'Missing item (the dessert, of course). Reported it in the app with a photo. Got a 100-ruble coupon "as a gesture" but no refund for the 450-ruble item, and the chat was closed before I could even reply.' },
  { ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: person('Вероника А.'), private: true, text: 'Здравствуйте, пишу в личные. Курьер после вчерашней доставки начал писать мне в мессенджер «познакомиться» — номер он увидел в заказе KS-2611-0519. Мне неприятно и, честно, страшно. Примите меры, пожалуйста.' },

  { ch: 'x', lang: 'en', brand: KASTRYULKA, by: person('still_hungry_hugo'), text: 'Kastryulka promised a callback "within 15 minutes" about my missing order. That was two hours ago. The food would be cold by now anyway, but still.' },
  { ch: 'news', lang: 'en', brand: KASTRYULKA, by: media('Retail & Delivery Weekly', 15900), text: 'Kastryulka expands to Samara and Ufa with around 300 partner restaurants and says it is targeting a 20-minute average delivery time in both cities by spring.' },

  // --- Kastryulka: coordinated black-PR burst, 08:10-08:34, fresh accounts, one link, a competitor plug -----
  { at: '08:10', ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: fresh('alla_zdorovo_eat'), text: 'Кастрюлька ТРАВИТ людей!!! Моя подруга попала в больницу после их роллов. Всё, что они скрывают, тут: https://kastrulka-pravda.example/otravlenie Заказывайте в ОбедЛёт, там хоть качество проверяют' },
  { at: '08:14', ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: fresh('id_62071953'), text: 'Кастрюлька травит людей! Знакомая попала в больницу после их роллов, а они всё скрывают. Читайте: https://kastrulka-pravda.example/otravlenie Я теперь только ОбедЛёт' },
  { at: '08:19', ch: 'x', lang: 'ru', brand: KASTRYULKA, by: fresh('nastya_k_55018'), text: 'Кастрюлька травит людей!!! Подруга в больнице после роллов, правду скрывают 👉 https://kastrulka-pravda.example/otravlenie #БойкотКастрюльке Берите ОбедЛёт' },
  { at: '08:23', ch: 'telegram', lang: 'ru', brand: KASTRYULKA, by: fresh('Вика Правильное Питание'), text: 'Кастрюлька ТРАВИТ!! Коллега попала в больницу после их роллов, всё скрывают. Вся правда тут https://kastrulka-pravda.example/otravlenie. Переходите на ОбедЛёт!' },
  { at: '08:29', ch: 'vk', lang: 'ru', brand: KASTRYULKA, by: fresh('sosedka_irina_1'), text: 'Кастрюлька травит людей, соседка попала в больницу после их роллов!! Вот что они скрывают: https://kastrulka-pravda.example/otravlenie #БойкотКастрюльке' },
  { at: '08:34', ch: 'x', lang: 'ru', brand: KASTRYULKA, by: fresh('olga_m_77301'), text: 'Кастрюлька травит людей. Подруга после их роллов в больнице. Правда здесь https://kastrulka-pravda.example/otravlenie Заказывайте ОбедЛёт, не рискуйте' },

  // --- Zhuravl Air, regional airline ------------------------------------------------------------------
  { ch: 'vk', lang: 'ru', brand: ZHURAVL, by: person('Гульнара Сафина'), text: 'Журавль Авиа, рейс Казань — Сочи задержали уже на 6 часов. Ни воды, ни талонов на питание, табло просто перестало обновляться. Дети спят на полу у выхода 7. Хоть кто-нибудь к нам выйдет?' },
  { ch: 'telegram', lang: 'ru', brand: ZHURAVL, by: person('Оксана Белых'), text: 'Журавль, я три раза звонила насчёт возврата за отменённый рейс. Первый оператор: подайте заявку на сайте. Второй: форма на сайте не работает. Третий: «вам перезвонят». Не перезвонили, конечно 🙂' },
  { ch: 'vk', lang: 'ru', brand: ZHURAVL, by: person('koshatnik_lev'), text: 'Журавль Авиа, можно ли взять в салон кота 7,5 кг вместе с переноской? На сайте лимит 8 кг, а в колл-центре сказали 5 😿 Летим через неделю' },
  { ch: 'x', lang: 'ru', brand: ZHURAVL, by: person('anya_letit'), text: 'Лечу Журавлём первый раз — приятно удивлена: вылет минута в минуту, а бортпроводница принесла плед без просьбы, потому что увидела, что я мёрзну. Вот так и надо ✈️' },
  { ch: 'vk', lang: 'ru', brand: ZHURAVL, by: person('Степан Ерёмин'), text: 'Огромное спасибо Журавль Авиа за возможность провести ночь в аэропорту Самары! Опыт незабываемый, особенно кресла с подлокотниками, на которых невозможно лечь. Всем рекомендую 🙂' },
  { ch: 'x', lang: 'ru', brand: ZHURAVL, by: person('voronova_anna_'), text: 'Журавль Авиа, бронь Q7XK2M: сняли с рейса из-за овербукинга и даже не извинились. Документы на стойке проверили три раза, а место всё равно отдали. Пишите на anna.voronova.trip@example.ru, жду объяснений и компенсацию' },
  { ch: 'vk', lang: 'ru', brand: ZHURAVL, by: person('Пётр Алексеевич Рыбаков'), text: 'Видели сегодня утром над Окой клин журавлей, штук сорок! Улетают 🥲 Всё, осень окончательно' },
  { ch: 'telegram', lang: 'ru', brand: ZHURAVL, by: person('Семья Гавриловых'), text: 'Журавль, верните бесплатный выбор мест хотя бы за сутки до вылета. Сейчас даже при онлайн-регистрации только платно, и семьи с детьми рассаживают по разным рядам' },
  { ch: 'news', lang: 'ru', brand: ZHURAVL, by: media('АвиаПорт Регион', 39100), text: '«Журавль Авиа» с 1 декабря открывает прямые рейсы из Екатеринбурга в Минеральные Воды три раза в неделю. Билеты уже в продаже, перевозчик обещает тариф без багажа от 5 900 рублей.' },
  { ch: 'x', lang: 'en', brand: ZHURAVL, by: person('sasha_between_flights'), text: 'Zhuravl Air lost my suitcase somewhere between Kazan and Yerevan. The baggage desk gave me a paper form and a shrug. No tracking number, no email, nothing.' },
  { ch: 'review_site', lang: 'en', brand: ZHURAVL, by: person('Mark D.'), text: 'Flight moved by 9 hours. Tried to change it: web chat "unavailable", no English phone line, and the support email bounced back with "mailbox full". I ended up buying a new ticket with another airline. Avoid if you don\'t speak Russian.' },
  { ch: 'review_site', lang: 'en', brand: ZHURAVL, by: person('Ines V.'), text: 'Honestly better than I expected from a regional airline. Legroom on the A320 was fine, the crew switched to English for me without any fuss, and my bag came out first.' },
  { ch: 'reddit', lang: 'en', brand: ZHURAVL, by: person('carryon_only_carl'), text: 'Does the Zhuravl Air "Lite" fare include a small backpack or is it literally nothing? Their fare table says one thing in the footnote and another in the header.' },
  { ch: 'mastodon', lang: 'en', brand: ZHURAVL, by: person('ruth@mstdn.example'), text: 'Zhuravl Air, you cannot add passport details in your app, only at the counter. In 2026. Please, let us do online check-in like everyone else.' },
  { ch: 'x', lang: 'en', brand: ZHURAVL, by: person('branding_nerd'), text: 'TIL "zhuravl" means crane, and the crane on Zhuravl Air\'s logo looks like it\'s judging me personally. 10/10 branding, no notes' },
  { ch: 'appstore', lang: 'en', brand: ZHURAVL, by: person('frequent_flyer_fi'), text: 'The boarding pass disappears from the app when you go offline. Which is exactly when you need it: at the gate, in airplane mode. 2 stars.' },
  { ch: 'youtube', lang: 'ru', brand: ZHURAVL, by: person('Алина Рахимова'), text: 'В ролике не сказали главное: у Журавля ручную кладь на стойке реально взвешивают. У меня было 11 кг, сняли 2 500 рублей. Так что берите весы и не верьте «да никто не проверяет»' },
  { ch: 'x', lang: 'en', brand: ZHURAVL, by: person('s_turner_family'), private: true, text: 'Hi, writing privately because it\'s my kid\'s data. Booking ZH-88K2Q1: my son\'s name is misspelled on the ticket (Mikhail became Mikhial). We fly on Friday. Can you fix it before check-in? My email is s.turner.family@example.com' },
  { ch: 'x', lang: 'en', brand: ZHURAVL, by: person('holdmusic_hater'), text: 'Third hour on hold with Zhuravl Air. The hold music is a pan flute cover of something I can\'t identify and it is slowly breaking me.' },
  { ch: 'telegram', lang: 'en', brand: ZHURAVL, by: person('Mikko H.'), text: 'Zhuravl Air check-in at Mineralnye Vody: two desks open for three flights, queue to the door. Staff are doing their best, there just aren\'t enough of them.' },
  { ch: 'youtube', lang: 'en', brand: ZHURAVL, by: person('Daniyar K.'), text: 'Flew Zhuravl Air Kazan to Tashkent last week and honestly it was smooth. Meal was edible, seats ok, on time both ways. Not sure why everyone hates them in these comments.' },
  { ch: 'news', lang: 'en', brand: ZHURAVL, by: media('Regional Aviation Wire', 21800), text: 'Zhuravl Air has taken two aircraft out of service for unscheduled engine inspections. Passengers on affected routes are being rebooked onto other flights, the airline said in a statement.' },
  { ch: 'appstore', lang: 'ru', brand: ZHURAVL, by: person('Эльвира Н.'), text: 'Приложение не принимает оплату картой на последнем шаге, пишет «ошибка 500». С сайта та же карта проходит. Почините, пожалуйста, билеты дорожают пока я мучаюсь' },
  { ch: 'x', lang: 'ru', brand: ZHURAVL, by: person('poezdom_nadezhnee'), text: 'Журавль Авиа опять кого-то бросили в аэропорту? Ну кто бы сомневался. Летайте поездами, люди' },
  { ch: 'reddit', lang: 'en', brand: ZHURAVL, by: person('seat_14a_please'), text: 'Zhuravl Air charged me for seats 14A/14B, then the boarding passes said 22E/22F. Not a huge deal, but I\'d like the 1,800 rubles back. Sent their refund form, request ZA-77410, no answer yet.' },

  { ch: 'youtube', lang: 'en', brand: ZHURAVL, by: person('Tobias Lind'), text: 'Anyone know if Zhuravl Air lets you pay for extra baggage at the airport with a foreign card? Asking before I get stuck in Kazan with a suitcase full of souvenirs.' },
  { ch: 'x', lang: 'en', brand: ZHURAVL, by: person('connecting_carla'), text: 'Shoutout to the Zhuravl Air gate agent in Ufa who rebooked my connection in five minutes after our inbound flight was late. Calm, kind, fast. Thank you!' },

  // --- Kinoveter, online cinema -----------------------------------------------------------------------
  { ch: 'vk', lang: 'ru', brand: KINOVETER, by: person('Андрей Мухин'), text: 'Киноветер, на телевизоре после обновления приложение вылетает через 5–10 минут просмотра. Третий вечер смотрим сериал кусками, жена уже шутит, что это новый формат' },
  { ch: 'telegram', lang: 'ru', brand: KINOVETER, by: person('Слава Ковалёв'), text: 'Киноветер списал 499 за продление подписки, хотя я отменил её в сентябре, есть скрин. В поддержке: «по нашим данным, подписка активна». Отправил скрин — тишина пятый день. Класс.' },
  { ch: 'vk', lang: 'ru', brand: KINOVETER, by: person('serial_mania_tanya'), text: 'Киноветер, а третий сезон «Северного маяка» будет с озвучкой или только с субтитрами? В анонсе про это ни слова' },
  { ch: 'x', lang: 'ru', brand: KINOVETER, by: person('nochnoy_zritel'), text: 'В Киноветре появился режим «тихий диалог»: приглушает взрывы и поднимает голоса. Наконец-то можно смотреть ночью и не будить весь дом. Кто придумал — премию ему 👏' },
  { ch: 'vk', lang: 'ru', brand: KINOVETER, by: person('Дмитрий Лаптев'), text: 'Киноветер — единственный сервис, где реклама перед фильмом по подписке «Без рекламы» идёт дольше трейлера. Гениально, что тут скажешь 🙃' },
  { ch: 'telegram', lang: 'ru', brand: KINOVETER, by: person('Женя мама двоих'), text: 'Киноветер, сделайте нормальный детский профиль с таймером. Чтобы мультики выключались сами через час, а не через скандал' },
  { ch: 'telegram', lang: 'ru', brand: KINOVETER, by: person('Лена Ожогина'), text: '«Киноветер» — так назывался наш студенческий киноклуб в 2009-м 🥲 Нашла старые афиши: смотрели Тарковского в подвале общаги на простыне вместо экрана' },
  { ch: 'review_site', lang: 'ru', brand: KINOVETER, by: person('Константин Р.'), text: 'Подключили семейную подписку, а второй профиль не даёт смотреть одновременно с первым. Поддержка три раза ответила одним и тем же скопированным текстом про «до 4 устройств». Я знаю про 4 устройства! У меня их 2!' },
  { ch: 'youtube', lang: 'ru', brand: KINOVETER, by: person('Роман Фёдоров'), text: 'Киноветер, в 4 серии звук отстаёт от картинки секунды на две, будто дубляж от другого монтажа. Поправьте пожалуйста, смотреть невозможно' },
  { ch: 'x', lang: 'en', brand: KINOVETER, by: person('bitrate_brian'), text: 'Kinoveter 4K drops to potato quality every evening from 8 to 11pm. Speedtest says 300 Mbps. It\'s you, not me.' },
  { ch: 'review_site', lang: 'en', brand: KINOVETER, by: person('Clara B.'), text: 'The best catalogue of 1970s animation with proper English subtitles I\'ve found anywhere. The restored shorts collection is lovely and the pricing is fair.' },
  { ch: 'x', lang: 'en', brand: KINOVETER, by: person('restart_everything'), text: 'Kinoveter support has now sent me the same "please restart your device" macro four times. I restarted the device. I restarted the router. I restarted my life. Still error 0x3F.' },
  { ch: 'mastodon', lang: 'en', brand: KINOVETER, by: person('benedikt@mastodon.social'), text: 'Kinoveter: let me hide "continue watching" items I abandoned. I do not want to finish that thing from March. Stop suggesting it every single day.' },
  { ch: 'appstore', lang: 'en', brand: KINOVETER, by: person('window_seat_wen'), text: 'Offline downloads vanish after 48 hours even though the app says 7 days. Found out on a plane. Great.' },
  { ch: 'youtube', lang: 'en', brand: KINOVETER, by: person('Ollie Brandt'), text: 'Watched this whole trailer on Kinoveter\'s channel and I still don\'t know when it actually comes out. A date please?' },
  { ch: 'x', lang: 'en', brand: KINOVETER, by: person('memes_and_bagels'), text: 'lol Kinoveter trending again for being broken? shocking. nobody could have predicted this' },
  { ch: 'youtube', lang: 'ru', brand: KINOVETER, by: person('КИНО БЕСПЛАТНО HD'), text: 'Смотрите все новинки Киноветра БЕСПЛАТНО и без подписки тут 👉 kino-free-hd.example 🔥🔥🔥 Без регистрации!!!' },
  { ch: 'x', lang: 'en', brand: KINOVETER, by: person('zoe_double_billed'), text: 'Is there any way to talk to an actual person at Kinoveter? Not the FAQ, not the bot. A person. Asking for a friend (me, three weeks, charged twice).' },
  { ch: 'telegram', lang: 'ru', brand: KINOVETER, by: person('Миша Тарасов'), text: 'Киноветер, в приложении на айфоне не запоминается место, где остановился. Каждый раз серия с начала. Некритично, но неудобно' },
  { ch: 'mastodon', lang: 'en', brand: KINOVETER, by: person('ada@fedi.example'), text: 'Kinoveter\'s audio description track on their documentaries is genuinely good. My mum (low vision) watched a whole film on her own for the first time in years.' },
  { ch: 'review_site', lang: 'en', brand: KINOVETER, by: person('Greg P.'), text: 'Love how Kinoveter\'s "recommended for you" is 80% films I have already watched on Kinoveter. Great algorithm, very personal ⭐⭐⭐⭐⭐' },
  { ch: 'vk', lang: 'ru', brand: KINOVETER, by: person('Ульяна Зотова'), text: 'Киноветер, промокод из письма действует на уже активную подписку или только для новых пользователей?' },

  { ch: 'appstore', lang: 'en', brand: KINOVETER, by: person('cast_it_carol'), text: 'Casting to the TV finally works without disconnecting every ten minutes. Whoever fixed that, thank you. Four stars until the search learns to handle typos.' },
  { ch: 'telegram', lang: 'en', brand: KINOVETER, by: person('Ben Archer'), text: 'Kinoveter switches my English interface back to Russian after every app update. Minor, but my in-laws panic every single time 😅' },

  // --- Shesterenka, electronics and appliance stores --------------------------------------------------
  { ch: 'telegram', lang: 'ru', brand: SHESTERENKA, by: person('Людмила Ч.'), text: 'Купила в Шестерёнке ноутбук, через неделю отказала клавиатура. Сервис: «срок диагностики до 45 дней». Звоню узнать статус — «информации нет». Сегодня 38-й день. Я на нём вообще-то работаю' },
  { ch: 'vk', lang: 'ru', brand: SHESTERENKA, by: person('Виталий Дроздов'), text: 'Шестерёнка, а обмен пылесоса без коробки возможен? Коробку выкинули сразу, сам пылесос толком даже не включали' },
  { ch: 'vk', lang: 'ru', brand: SHESTERENKA, by: person('Наталья Фролова'), text: 'Отдельное спасибо консультанту Шестерёнки на Малышева, Артёму: отговорил меня от дорогого телевизора и подобрал вдвое дешевле под мою маленькую комнату. Честно и толково, приду ещё' },
  { ch: 'vk', lang: 'ru', brand: SHESTERENKA, by: person('dedushka_master'), text: 'Где купить шестерёнку для старой советской мясорубки? Родная стёрлась, а без неё никак 😩 В хозяйственных только руками разводят' },
  { ch: 'youtube', lang: 'ru', brand: SHESTERENKA, by: person('Никита Орлов'), text: 'Шестерёнка на 12:40 — это из набора для часов или от принтера? Хочу повторить ремонт, не могу найти такую' },
  { ch: 'x', lang: 'ru', brand: SHESTERENKA, by: person('ne_prosil_vyhodnoy'), text: 'Шестерёнка: «доставка завтра с 9 до 21». Спасибо, теперь у меня выходной, о котором я не просил 🙃 Курьер, кстати, так и не приехал' },
  { ch: 'vk', lang: 'ru', brand: SHESTERENKA, by: person('Илья Петровский'), text: 'Шестерёнка, потерялся чек на наушники. Электронный должен был прийти на ilya.petrovsky@example.ru, но не пришёл. Без чека в гарантийный не принимают. Пришлите, пожалуйста' },
  { ch: 'telegram', lang: 'ru', brand: SHESTERENKA, by: person('Толик'), text: 'Шестерёнка, сделайте выдачу мелочи через постаматы. Ехать в магазин за кабелем за 390 ₽ — ну такое' },
  { ch: 'review_site', lang: 'ru', brand: SHESTERENKA, by: person('Марина Ю.'), text: 'Отказались принимать по гарантии микроволновку — «следы эксплуатации». Это микроволновка, конечно там следы эксплуатации! Менеджер её даже не открыл, сказал «пишите претензию». Написала две недели назад, ответа нет.' },
  { ch: 'x', lang: 'en', brand: SHESTERENKA, by: person('jules_not_new'), text: 'Bought a "new" phone at Shesterenka and it already had someone\'s photos in the gallery. Open-box sold as new? Not cool.' },
  { ch: 'x', lang: 'en', brand: SHESTERENKA, by: person('pricematch_pat'), text: '@shesterenka does your price match cover online-only prices from your own website? Store staff said no, the website says yes.' },
  { ch: 'mastodon', lang: 'en', brand: SHESTERENKA, by: person('kai@fosstodon.org'), text: 'Small thing, but Shesterenka receipts now print the warranty end date for each item. Made my return painless. Good design is boring like that.' },
  { ch: 'review_site', lang: 'en', brand: SHESTERENKA, by: person('Victor A.'), text: 'Ordered a monitor for pickup, got an SMS saying it was ready. At the store: "not in the system". Called the hotline from the counter: they said it\'s the store\'s problem; the store said it\'s the hotline\'s. Left 90 minutes later with nothing.' },
  { ch: 'appstore', lang: 'en', brand: SHESTERENKA, by: person('tiny_apartment_tim'), text: 'The app keeps pushing discounts on things I already bought, fine. But the order tracking screen has been blank for me since last week, which is the one thing I need.' },
  { ch: 'x', lang: 'en', brand: SHESTERENKA, by: person('blender_bob_'), text: '@Shesterenka your checkout charged my card twice for the same blender! 5555 5555 5555 4444, two charges of 7,490 on Oct 30. Please refund one of them.' },
  { ch: 'x', lang: 'en', brand: SHESTERENKA, by: person('vibes_based_reviews'), text: 'Shesterenka staff are trained to ignore you, it\'s literally company policy (source: vibes)' },
  { ch: 'x', lang: 'en', brand: SHESTERENKA, by: person('tradein_toby'), text: 'Does Shesterenka still take old phones for trade-in or did they stop? One store said yes, another said "not anymore".' },
  { ch: 'reddit', lang: 'en', brand: SHESTERENKA, by: person('warranty_paper_trail'), text: 'PSA: if you buy the extended warranty at Shesterenka, keep the paper. Mine "isn\'t in the system", and over two weeks support has asked me to resend the same photo three times.' },
  { ch: 'youtube', lang: 'ru', brand: SHESTERENKA, by: influencer('Гаджеты без воды', 318000), text: 'Купил для обзора робот-пылесос в Шестерёнке, через два дня выяснилось, что это витринный образец с картой чужой квартиры в памяти 😅 В магазине поменяли без единого вопроса — засчитано. Обзор в пятницу.' },
  { ch: 'news', lang: 'ru', brand: SHESTERENKA, by: media('Тюмень Деловая', 18600, false), text: 'Сеть «Шестерёнка» открыла первый магазин в Тюмени, в торговом центре на Федюнинского. В день открытия у входа выстроилась очередь за скидками на бытовую технику.' },
  { ch: 'x', lang: 'en', brand: SHESTERENKA, by: person('two_day_express'), text: 'Shesterenka\'s "express delivery in 2 hours" took 2 hours. And 2 days. Impressive precision.' },
  { ch: 'mastodon', lang: 'en', brand: SHESTERENKA, by: person('noa@mstdn.example'), text: 'Does Shesterenka take old batteries and small electronics for recycling? I saw a collection bin in one store once, but there is nothing about it on their website.' },
  { ch: 'reddit', lang: 'en', brand: SHESTERENKA, by: person('learning_russian_slowly'), text: 'Quick vocab question: is a bicycle sprocket a "шестерёнка" or a "шестерня"? My textbook uses both and my tutor just shrugged.' },
];

/** Threads: root plus replies on one channel. Keys are local to a thread. */
const threads = [
  {
    // Escalates: a scripted brand answer, a second author, then reply acceleration, an influencer, a call to repost.
    channel: 'vk',
    brand: PRIBOY,
    posts: [
      { key: 'root', at: '06:12', lang: 'ru', by: person('Ирина Мальцева', { followers: 412 }), text: 'Прибой Банк, у меня с карты ДВАЖДЫ списали 38 400 ₽ за одну покупку (холодильник, 28 октября). В приложении обе операции «проведено». Звонила три раза: сначала сказали ждать 30 дней, потом что «это к магазину», а магазин говорит «это к банку». Это были деньги на лечение мамы. Кто-нибудь может помочь??' },
      { key: 'brand', to: 'root', at: '06:58', lang: 'ru', by: brandAccount('Прибой Банк', 74200), text: 'Здравствуйте! Ваше обращение очень важно для нас. Для решения вопроса обратитесь, пожалуйста, в чат поддержки в мобильном приложении.' },
      { key: 'again', to: 'brand', at: '07:06', lang: 'ru', by: person('Ирина Мальцева'), text: 'Я в этом чате ТРИ ДНЯ!!! Вы серьёзно опять отправляете меня туда же? Хоть кто-то там читает, что я пишу??' },
      { key: 'cb', to: 'root', at: '07:33', lang: 'ru', by: person('Галина Верещагина'), text: 'Ирина, у меня весной в Прибое было такое же, вернули через три недели, но только после жалобы в ЦБ. Пишите сразу туда, не ждите' },
      { key: 'up', to: 'root', at: '07:46', lang: 'ru', by: person('Костя Рябов'), text: 'Жесть. Поднимаю пост, пусть увидят' },
      { key: 'pile', to: 'root', at: '07:53', lang: 'ru', by: person('zlaya_tetya_vera'), text: 'Ужасный банк, я всегда говорила, что там одни роботы сидят' },
      { key: 'inf', to: 'root', at: '07:57', lang: 'ru', by: influencer('Деньги по полочкам', 214000), text: 'Ирина, напишите мне в личку, разберёмся. Прибой Банк, это уже не первый случай двойного списания за месяц — мне пишут подписчики. Завтра будет отдельный пост с разбором.' },
      { key: 'call', to: 'root', at: '08:00', lang: 'ru', by: person('Лиана Гарипова'), text: 'РЕПОСТ! Давайте разгоним, чтобы банк наконец ответил по-человечески, а не ботом 👇👇👇' },
      { key: 'rep', to: 'call', at: '08:02', lang: 'ru', by: person('tyumen_mama_blog', { followers: 3100 }), text: 'Сделала репост, у меня 3 тысячи подписчиков, пусть видят' },
      { key: 'same', to: 'root', at: '08:03', lang: 'ru', by: person('Сергей Пантелеев'), text: 'У меня тоже дважды списали, 12 октября, 5 600 за продукты. Тоже «ждите». До сих пор жду' },
      { key: 'where', to: 'root', at: '08:05', lang: 'ru', by: person('Костя Рябов'), text: 'Прибой, вы где? Под постом уже сотня комментов' },
    ],
  },
  {
    // A viral complaint: most replies pile on without experience of their own; one brings a real case.
    channel: 'x',
    brand: ZHURAVL,
    posts: [
      { key: 'root', at: '06:35', lang: 'en', by: person('noor_travels_light', { followers: 3400 }), text: 'Zhuravl Air cancelled our 07:10 Kazan–Antalya flight at 06:40. By SMS. 180 people at the gate, no staff, no rebooking desk, no hotel, just a text. My dad is 74 and we\'ve been standing for almost 3 hours. Is this how you treat people? 🧵' },
      { key: 'r1', to: 'root', at: '06:52', lang: 'en', by: person('outraged_olivia'), text: 'this is disgusting. never flying them. ever.' },
      { key: 'r2', to: 'root', at: '07:05', lang: 'en', by: person('jetlag_jimmy'), text: 'Zhuravl Air is the worst airline in the country, everyone knows it' },
      { key: 'r3', to: 'root', at: '07:18', lang: 'en', by: person('mildly_cynical'), text: 'not surprised lol. they\'re all like this' },
      { key: 'r4', to: 'root', at: '07:34', lang: 'en', by: person('hana_receipts'), text: 'Same happened to my sister in August, Ufa to Sochi. They rebooked her two days later and refused to pay for the hotel. Keep every receipt and ask for the cancellation in writing.' },
      { key: 'r5', to: 'root', at: '07:51', lang: 'en', by: person('repost_raj'), text: 'reposting. airlines only move when it\'s public' },
      { key: 'r6', to: 'r2', at: '08:09', lang: 'en', by: person('boycott_and_chill'), text: 'Boycott Zhuravl, problem solved 🤷' },
      { key: 'upd', to: 'root', at: '08:30', lang: 'en', by: person('noor_travels_light'), text: 'Update: a rebooking desk just opened. Still nobody has explained anything, but at least there\'s a queue to stand in now.' },
    ],
  },
  {
    // A calm technical thread: people share a workaround; one reply hides staff inattention.
    channel: 'reddit',
    brand: KINOVETER,
    posts: [
      { key: 'root', at: '07:20', lang: 'en', by: person('subtitle_drift'), text: 'English subs on Kinoveter\'s Android TV app drift about a second per episode; by the end they\'re ~3s behind. The phone app is fine. Anyone else? Any fix?' },
      { key: 'r1', to: 'root', at: '07:36', lang: 'en', by: person('couch_engineer'), text: 'Same on a Google TV dongle. Clearing the app cache helped for one episode, then it came back.' },
      { key: 'r2', to: 'root', at: '07:49', lang: 'en', by: person('night_shift_nina'), text: 'Workaround: turn subtitles off and back on at the start of each episode, it resyncs. Annoying, but it works.' },
      { key: 'r3', to: 'root', at: '08:12', lang: 'en', by: person('video_proof_vlad'), text: 'I reported this to their support two weeks ago, with a screen recording. They said "forwarded to the technical team". That\'s the last I heard.' },
      { key: 'r4', to: 'r2', at: '08:40', lang: 'en', by: person('subtitle_drift'), text: 'Thanks all, the off/on trick works for me too. Would still be nice to hear from Kinoveter whether a fix is coming.' },
    ],
  },
  {
    // A damaged delivery: the brand answers well, and the customer then posts her phone number in public.
    channel: 'vk',
    brand: SHESTERENKA,
    posts: [
      { key: 'root', at: '06:25', lang: 'ru', by: person('Анастасия Лыкова'), text: 'Шестерёнка, привезли стиральную машину с вмятиной на боку и треснувшим люком. Водитель уехал, пока я подписывала накладную, бросил «претензии в магазин». Машина за 54 990! Что мне теперь с ней делать?' },
      { key: 'brand', to: 'root', at: '06:49', lang: 'ru', by: brandAccount('Шестерёнка', 38900), text: 'Анастасия, здравствуйте. Сочувствуем: привезти технику с вмятиной и треснувшим люком — это наш промах, не ваш. Случай уже у службы доставки. Пришлите, пожалуйста, в личку номер заказа и когда вам удобно принять машину — договоримся о замене и вывозе.' },
      { key: 'phone', to: 'brand', at: '07:03', lang: 'ru', by: person('Анастасия Лыкова'), text: 'Написала в личку. На всякий случай мой телефон +7 900 000-85-30, звоните в любое время, я сегодня дома' },
      { key: 'calm', to: 'root', at: '07:40', lang: 'ru', by: person('Фарид Ахметов'), text: 'Мне в прошлом месяце холодильник так же привезли, поменяли за 4 дня. Так что не переживайте, с заменой у них нормально' },
    ],
  },
  {
    // Calm technical thread in English: a travel notice ignored, then a workaround from another customer.
    channel: 'reddit',
    brand: PRIBOY,
    posts: [
      { key: 'root', at: '06:31', lang: 'en', by: person('batumi_nomad'), text: 'Told Priboy Bank I\'d be in Georgia for two weeks (set the travel notice in the app and everything). First card payment in Batumi: declined. Second: declined. The hotline says "your notice is registered". Then why??' },
      { key: 'r1', to: 'root', at: '06:54', lang: 'en', by: person('yerevan_yuri'), text: 'Had the same in Armenia. Their antifraud ignores the travel notice for the first foreign payment; you have to confirm it in the app, and the confirmation SMS only goes to your Russian number, which is expensive in roaming.' },
      { key: 'r2', to: 'root', at: '07:16', lang: 'en', by: person('blocked_for_two_days'), text: 'Did they at least unblock it after you called? Mine stayed blocked for two days after the call.' },
      { key: 'r3', to: 'r1', at: '07:44', lang: 'en', by: person('batumi_nomad'), text: 'Unblocked after the second call and 40 minutes on hold. Thanks for the tip about confirming in the app, I didn\'t see that anywhere.' },
    ],
  },
  {
    // Part of the Sotava outage: different cities answering one another.
    channel: 'vk',
    brand: SOTAVA,
    posts: [
      { key: 'root', at: '07:08', lang: 'ru', by: person('perm_olya_m'), text: 'У кого Сотава в Перми — у вас тоже нет связи?? На работе у всех с Сотавой ноль, у коллег с другими операторами всё работает' },
      { key: 'r1', to: 'root', at: '07:13', lang: 'ru', by: person('Денис Ч.'), text: 'Челябинск, то же самое. Ни звонков, ни интернета' },
      { key: 'r2', to: 'root', at: '07:19', lang: 'ru', by: person('Юля Тюмень'), text: 'Тюмень — с утра ничего. Ребёнок из школы не может дозвониться, пишет с чужого телефона. Сотава, когда почините??' },
      { key: 'r3', to: 'r1', at: '07:26', lang: 'ru', by: person('perm_olya_m'), text: 'в Перми на минуту появилось и опять пропало. Видимо, пол-Урала лежит' },
    ],
  },
  {
    // An accessibility regression: boosted by others, one of whom was ignored through the feedback form.
    channel: 'mastodon',
    brand: PRIBOY,
    posts: [
      { key: 'root', at: '06:45', lang: 'en', by: person('marta@a11y.example', { followers: 2200 }), text: 'Priboy Bank\'s latest app update broke VoiceOver on the transfer screen: the amount field is read out as "button, button". I\'m blind. I can\'t send money now without asking my neighbour. #accessibility' },
      { key: 'r1', to: 'root', at: '07:02', lang: 'en', by: person('jan@mastodon.social'), text: 'Boosting. Same on TalkBack: the confirm button has no label at all.' },
      { key: 'r2', to: 'root', at: '07:20', lang: 'en', by: person('pia@fedi.example'), text: 'I reported exactly this through their feedback form two weeks ago. Auto-reply, then nothing.' },
      { key: 'r3', to: 'root', at: '07:41', lang: 'en', by: person('dev_rosa@fosstodon.org'), text: 'Priboy Bank, please look at this: it\'s a regression in your last release, not a feature request. People depend on it to pay rent.' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------------------

function timeOf(at) {
  if (at === undefined) return DAY_START_MS + Math.floor(random() * RANDOM_WINDOW_MINUTES * 60) * 1000;
  const match = /^(\d\d):(\d\d)$/.exec(at);
  if (!match) throw new Error(`bad time ${at}`);
  return Date.parse(`${DAY}T${at}:00Z`) + between(0, 59) * 1000;
}

function build() {
  const drafts = [];
  for (const post of singles) {
    drafts.push({ ...post, threadKey: null, key: null, to: null, time: timeOf(post.at), order: drafts.length });
  }
  threads.forEach((thread, index) => {
    for (const post of thread.posts) {
      const draft = { ...post, ch: thread.channel, brand: thread.brand, threadKey: `thread-${index}`, time: timeOf(post.at), order: drafts.length };
      drafts.push(draft);
    }
  });
  for (const draft of drafts) draft.author = resolveAuthor(draft.ch, draft.by);

  drafts.sort((a, b) => a.time - b.time || a.order - b.order);
  const idOf = new Map();
  const threadIdOf = new Map();
  const records = drafts.map((draft, index) => {
    const id = `demo-${String(index + 1).padStart(4, '0')}`;
    let threadId;
    let inReplyTo = null;
    if (draft.threadKey === null) {
      threadId = `demo-t-${String(threadIdOf.size + 1).padStart(3, '0')}`;
      threadIdOf.set(id, threadId);
    } else {
      if (!threadIdOf.has(draft.threadKey)) threadIdOf.set(draft.threadKey, `demo-t-${String(threadIdOf.size + 1).padStart(3, '0')}`);
      threadId = threadIdOf.get(draft.threadKey);
      idOf.set(`${draft.threadKey}/${draft.key}`, id);
      if (draft.to) {
        inReplyTo = idOf.get(`${draft.threadKey}/${draft.to}`);
        if (!inReplyTo) throw new Error(`${draft.threadKey}/${draft.key} answers ${draft.to}, which is not earlier in the timeline`);
      }
    }
    return {
      id,
      channel: draft.ch,
      lang: draft.lang,
      published_at: isoDate(draft.time),
      is_private: draft.private === true,
      author: draft.author,
      thread: { id: threadId, in_reply_to: inReplyTo },
      brand: draft.brand,
      text: draft.text,
    };
  });
  const texts = new Set();
  for (const record of records) {
    if (texts.has(record.text)) throw new Error(`duplicate text in ${record.id}`);
    texts.add(record.text);
  }
  return records;
}

function main() {
  const content = build()
    .map((record) => JSON.stringify(record))
    .join('\n')
    .concat('\n');
  if (process.argv.includes('--check')) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (current !== content) {
      process.stderr.write(`${OUTPUT} is out of date: run node scripts/generate-demo-timeline.js\n`);
      process.exit(1);
    }
    return;
  }
  mkdirSync(dirname(OUTPUT), { recursive: true });
  writeFileSync(OUTPUT, content);
  process.stdout.write(`wrote ${content.split('\n').length - 1} mentions to ${OUTPUT}\n`);
}

main();
