/**
 * The building blocks of suggested replies, in Russian and English, written for this product (GUIDE §4 anatomy;
 * never a script from the seeds). `{topic}` is the topic phrase (Russian accusative after "про"/"за"), `{ask}`
 * what to send privately, `{wait}` the customer's own wait ("47 минут"), `{quote}` a few of their words,
 * `{contact}` a private contact for channels without direct messages. The word "проблема"/"problem" never
 * appears (seed 003).
 */
import type { Locale } from '../reply-policy.types';
import type { DataAsk } from './topic.extractor';

export interface Wording {
  greeting: string[];
  greetingNamed: string[];
  agentIntro: string[];
  thanksTopic: string[];
  thanksPlain: string[];
  readQuote: string[];
  read: string[];
  empathy: string[];
  empathyWait: string[];
  empathySafety: string[];
  calmNote: string[];
  ownership: string[];
  commitment: string[];
  fixing: string[];
  nextPublic: string[];
  nextNoDirect: string[];
  nextPrivate: string[];
  closeApology: string[];
  closeWarm: string[];
  longMessage: string[];
  praise: string[];
  praiseTopic: string[];
  praisePassOn: string[];
  question: string[];
  questionTopic: string[];
  questionNext: string[];
  idea: string[];
  ideaTopic: string[];
  ideaNext: string[];
  ideaAngry: string[];
  pilingOn: string[];
  pilingOnTopic: string[];

  pilingOnNext: string[];
  factsTopic: string[];
  facts: string[];
  factsNext: string[];
  factsNextItem: string[];
  factsProcess: string[];
  mentionThanks: string[];
  ownWordsPraise: string[];
  ownWordsQuestion: string[];
  ask: Record<DataAsk, string>;
  defaultContact: string;
}

const RU: Wording = {
  greeting: ['Здравствуйте!', 'Добрый день!', 'Здравствуйте.', 'Добрый день.'],
  greetingNamed: ['{name}, здравствуйте!', 'Здравствуйте, {name}!'],
  agentIntro: ['На связи {agent}, {role}.', 'Вам отвечает {agent}, {role}.'],
  thanksTopic: [
    'Спасибо, что нашли время написать нам про {topic}.',
    'Спасибо, что подробно рассказали про {topic}.',
    'Благодарим, что сообщили про {topic}: так мы быстрее во всём разберёмся.',
  ],
  thanksPlain: ['Спасибо, что нашли время написать и всё подробно описать.', 'Спасибо, что написали нам и рассказали, что случилось.'],
  readQuote: [
    'Мы внимательно прочитали ваше сообщение («{quote}») и уже выясняем, что пошло не так.',
    'Мы прочитали, что вы пишете («{quote}»), и уже изучаем ваш случай.',
  ],
  read: [
    'Мы прочитали ваше сообщение и уже выясняем, что пошло не так.',
    'Мы уже изучаем ваш случай вместе с профильной командой.',
    'Ваше сообщение уже у профильной команды, мы выясняем, что произошло.',
  ],
  empathy: [
    'Понимаем, как это неприятно.',
    'Ситуация действительно неприятная, и нам жаль, что вы с ней столкнулись.',
    'Понимаем ваше раздражение: так быть не должно.',
  ],
  empathyWait: ['{wait} — это слишком долго, понимаем ваше раздражение.', 'Понимаем ваше раздражение: {wait} — это совсем не то, чего вы ждали.'],
  empathySafety: [
    'Это тревожно, и сейчас для нас главное — ваше здоровье и безопасность.',
    'Нам очень жаль, что так случилось: здоровье и безопасность для нас важнее всего.',
  ],
  calmNote: ['Спасибо за точное описание, оно очень помогает.', 'Подробное описание очень помогает нам, спасибо.'],
  ownership: [
    'Это наша недоработка, и мы берём её на себя: вашим случаем теперь занимается старший специалист, он доведёт его до конца, и повторять всё заново не придётся.',
    'Отвечать вам должны были вовремя и по существу, это наша ошибка. Мы передали ваш случай старшему специалисту, он лично доведёт его до результата.',
  ],
  commitment: ['Мы обязательно разберёмся и доведём дело до конца.', 'Мы разберёмся в этом и вернёмся к вам с ответом по существу.'],
  fixing: [
    'Команда уже работает над исправлением, и мы напишем вам, как только будут новости.',
    'Исправлением уже занимается команда: как только появятся новости, мы напишем вам.',
  ],
  nextPublic: [
    'Пожалуйста, напишите нам в личные сообщения {ask}, чтобы мы нашли историю и вернулись с полным ответом.',
    'Напишите нам, пожалуйста, в личные сообщения {ask}: так мы найдём всё по вашему случаю и ответим подробно.',
  ],
  nextNoDirect: [
    'Пожалуйста, напишите нам на {contact} и укажите {ask}: так мы найдём ваш случай и ответим подробно.',
    'Напишите нам, пожалуйста, на {contact}, указав {ask}, и мы вернёмся с полным ответом.',
  ],
  nextPrivate: ['Пришлите, пожалуйста, здесь же, в этом чате, {ask}, и мы сразу продолжим.', 'Ответьте, пожалуйста, в этом чате и пришлите {ask}: мы сразу продолжим.'],
  closeApology: ['Ещё раз извините за {topic}.', 'Ещё раз просим прощения за {topic}, мы на связи.'],
  closeWarm: ['Мы на связи.', 'Будем рады помочь.', 'Всегда рады вашим сообщениям.'],
  longMessage: ['Вы описали несколько моментов, и мы ответим на каждый.', 'Мы видим в вашем сообщении несколько вопросов и ответим на каждый из них.'],
  praise: ['Спасибо за тёплые слова!', 'Спасибо, что нашли время написать нам такие слова!'],
  praiseTopic: ['Спасибо за тёплые слова про {topic}!', 'Очень приятно читать такой отзыв про {topic}, спасибо!'],
  praisePassOn: ['Обязательно передадим их команде: всем будет очень приятно.', 'Перешлём ваш отзыв ребятам, это лучшая награда для команды.'],
  question: ['Спасибо за вопрос!', 'Спасибо, что спросили!'],
  questionTopic: ['Спасибо за вопрос про {topic}!', 'Спасибо, что спросили про {topic}!'],
  questionNext: [
    'Проверим и вернёмся с ответом в этой ветке; если речь о вашем личном заказе или аккаунте, удобнее написать нам в личные сообщения.',
    'Уточним детали и ответим здесь же. Если вопрос касается вашего аккаунта или заказа, напишите нам в личные сообщения: так будет быстрее.',
    'Сейчас уточним и вернёмся с ответом здесь. А если речь о вашем заказе или аккаунте, напишите нам в личные сообщения.',
  ],
  idea: ['Спасибо за идею!', 'Спасибо, что поделились предложением!'],
  ideaTopic: ['Спасибо за идею про {topic}!', 'Спасибо, что поделились предложением про {topic}!'],
  ideaNext: [
    'Мы передали её команде продукта: такие предложения правда помогают нам становиться удобнее. Если захотите рассказать подробнее, напишите нам в личные сообщения.',
    'Предложение уже у команды продукта, она разбирает такие идеи при планировании. Подробности можно прислать нам в личные сообщения.',
  ],
  ideaAngry: ['Понимаем, что без этого сейчас неудобно.', 'Понимаем, почему это вызывает раздражение.'],
  pilingOn: ['Понимаем ваше недовольство.', 'Слышим вас и понимаем недовольство.', 'Понимаем, откуда такое впечатление.', 'Понимаем, что от нас ждут большего.'],
  pilingOnTopic: ['Понимаем ваше недовольство: {topic} — важная для нас тема.', 'Понимаем недовольство: {topic} мы разбираем очень внимательно.'],
  pilingOnNext: [
    'Если вы сами столкнулись с этим, напишите нам в личные сообщения: разберёмся именно с вашим случаем.',
    'Был неудачный опыт именно у вас? Напишите нам в личные сообщения, и мы спокойно во всём разберёмся.',
    'Если хотите, чтобы мы посмотрели ваш случай, напишите нам в личные сообщения.',
    'Будем рады разобраться с конкретной историей: напишите нам в личные сообщения.',
    'Если за этим стоит ваш собственный случай, расскажите о нём в личных сообщениях, и мы во всём разберёмся.',
    'Если это случилось и с вами, напишите нам, пожалуйста, в личные сообщения, и мы разберём ваш случай отдельно.',
  ],
  factsTopic: [
    'Мы серьёзно относимся к сообщениям про {topic}.',
    'Сообщения про {topic} мы всегда проверяем.',
    'Любой сигнал про {topic} для нас повод для проверки.',
    'Про {topic} мы не отмалчиваемся: каждый такой случай проверяем.',
  ],
  facts: ['Мы серьёзно относимся к таким сообщениям.', 'Такие сообщения мы всегда проверяем.'],
  factsNext: [
    'Если вы делали у нас заказ и столкнулись с этим, напишите нам в личные сообщения номер заказа и фото: проверим и расскажем, что выяснили.',
    'Если у вас был заказ, пришлите нам в личные сообщения его номер и фотографии, и мы проверим всё по фактам.',
    'Если это касается вашего заказа, напишите нам в личные сообщения: по номеру заказа мы поднимем все данные и ответим.',
    'Чтобы проверить конкретный случай, нам нужен номер заказа: пришлите его, пожалуйста, в личные сообщения.',
  ],
  factsNextItem: [
    'Если вы заказывали у нас {item} и столкнулись с этим, напишите нам в личные сообщения номер заказа и фото: проверим и расскажем, что выяснили.',
    'Если {item} заказывали у нас, пришлите, пожалуйста, в личные сообщения номер заказа и фотографии, и мы проверим всё по фактам.',
  ],
  factsProcess: [
    'По каждому такому сигналу мы поднимаем данные заказа и проверяем партнёра.',
    'Мы проверяем такие случаи по фактам: номер заказа, время, фотографии.',
    'Каждое такое сообщение сразу уходит команде качества.',
    'Такие сигналы мы разбираем по документам и данным заказа, а не по слухам.',
  ],
  mentionThanks: ['Спасибо, что упомянули нас!', 'Спасибо, что написали о нас!', 'Приятно, что вспомнили о нас!'],
  ownWordsPraise: ['Такие слова, как «{quote}», очень поддерживают команду.', 'Читать «{quote}» очень приятно.'],
  ownWordsQuestion: ['Вопрос понятен: «{quote}».', 'Понимаем, о чём вы: «{quote}».'],
  ask: {
    order: 'номер заказа',
    contract: 'номер договора или адрес подключения',
    account: 'телефон или e-mail, привязанный к аккаунту',
    contact: 'телефон или e-mail, по которому вы обращались',
    booking: 'номер бронирования',
  },
  defaultContact: 'почту поддержки',
};

const EN: Wording = {
  greeting: ['Hi!', 'Hello!', 'Hi there!', 'Hello there!'],
  greetingNamed: ['Hi {name}!', 'Hello {name}!'],
  agentIntro: ['This is {agent}, {role}.', '{agent} here, {role}.'],
  thanksTopic: [
    'Thank you for telling us about {topic} and taking the time to write it all down.',
    'Thanks for letting us know about {topic} in such detail.',
    'Thank you for flagging {topic}: it helps us get to the bottom of it faster.',
  ],
  thanksPlain: ['Thank you for taking the time to write to us in such detail.', 'Thanks for writing to us and telling us what happened.'],
  readQuote: [
    'We have read your message ("{quote}") and are already looking at what went wrong.',
    'We read what you wrote ("{quote}") and are already looking into your case.',
  ],
  read: [
    'We have read your message and are already looking at what went wrong.',
    'Your case is already with the right team, and we are looking into what happened.',
    'We are already going through your case with the team responsible.',
  ],
  empathy: ['We understand how frustrating this is.', "That's a genuinely annoying experience, and we're sorry you ran into it.", 'We get why you are upset: this is not how it should be.'],
  empathyWait: ['{wait} is far too long, and we understand your frustration.', 'We understand your frustration: {wait} is not what you signed up for.'],
  empathySafety: [
    "That is worrying, and your health and safety come first for us right now.",
    "We're truly sorry this happened: your health and safety matter more than anything else here.",
  ],
  calmNote: ['Thanks for the precise description, it really helps.', 'The detail you gave helps us a lot, thank you.'],
  ownership: [
    "That's on us, and we own it: a senior specialist now has your case and will see it through, so you won't have to repeat yourself.",
    'You should have had a timely, proper answer, and we got that wrong. We have passed your case to a senior specialist who will take ownership of it to the end.',
  ],
  commitment: ['We will get to the bottom of this and see it through.', 'We will sort this out and come back to you with a proper answer.'],
  fixing: [
    'The team is already working on a fix, and we will update you as soon as there is news.',
    "A fix is already being worked on, and we'll update you as soon as we know more.",
  ],
  nextPublic: [
    'Please send us a direct message with {ask} so we can find the history and come back with a full answer.',
    'Could you DM us {ask}? That way we can find everything about your case and reply in full.',
  ],
  nextNoDirect: [
    'Please email us at {contact} with {ask} so we can find your case and reply in full.',
    'Could you write to us at {contact} with {ask}? We will come back with a full answer.',
  ],
  nextPrivate: ['Please reply here in this chat with {ask} and we will carry on right away.', 'Could you send {ask} in this chat? We will pick it up straight away.'],
  closeApology: ['Sorry again about {topic}.', 'Once more, we are sorry about {topic}, and we are here for you.'],
  closeWarm: ['We are here if you need us.', 'Happy to help.', 'Always glad to hear from you.'],
  longMessage: ['You raised several points, and we will answer each of them.', 'We can see several questions in your message and will answer every one.'],
  praise: ['Thank you so much for the kind words!', 'Thank you for taking the time to write this!'],
  praiseTopic: ['Thank you for the kind words about {topic}!', 'It is lovely to read this about {topic}, thank you!'],
  praisePassOn: ['We will pass them on to the team, it will make their day.', 'We are sharing this with the team right away; it means a lot to them.'],
  question: ['Thanks for the question!', 'Thank you for asking!'],
  questionTopic: ['Thanks for the question about {topic}!', 'Thank you for asking about {topic}!'],
  questionNext: [
    'We will check and come back with an answer in this thread; for anything about your own order or account, a DM is quicker.',
    'We will check the details and answer here. If it concerns your own account or order, DM us and it will be quicker.',
    'Let us confirm the details and reply in this thread. If it is about your order or account, please send us a DM.',
  ],
  idea: ['Thanks for the idea!', 'Thank you for the suggestion!'],
  ideaTopic: ['Thanks for the idea about {topic}!', 'Thank you for the suggestion about {topic}!'],
  ideaNext: [
    'We have passed it to the product team: ideas like this genuinely shape what we build. If you would like to share more, send us a DM.',
    'It is now with the product team, who review suggestions like this when planning. Feel free to DM us with more detail.',
  ],
  ideaAngry: ['We understand it is inconvenient without it right now.', 'We understand why this is frustrating.'],
  pilingOn: ['We hear your frustration.', 'We understand the frustration.', 'We understand where that impression comes from.', 'We understand you expect better from us.'],
  pilingOnTopic: ['We hear your frustration about {topic}.', 'We understand the frustration, and we are paying close attention to {topic}.'],
  pilingOnNext: [
    'If this happened to you personally, please DM us and we will look at your case specifically.',
    'Had a bad experience with us yourself? Send us a DM and we will look into it properly.',
    'If you would like us to look at your own case, send us a DM.',
    'Happy to dig into a specific story: just send us a DM.',
    'If there is a case of your own behind this, tell us about it in a DM and we will look into it.',
    'If you ran into this yourself, send us a DM and we will look into your case individually.',
  ],
  factsTopic: [
    'We take reports about {topic} seriously.',
    'We always check reports about {topic}.',
    'Any report about {topic} is a reason for us to check.',
    'We do not brush off reports about {topic}: each one gets checked.',
  ],
  facts: ['We take reports like this seriously.', 'We always check reports like this.'],
  factsNext: [
    'If you ordered from us and ran into this, please DM us the order number and photos: we will check and tell you what we find.',
    'If you had an order with us, send us a DM with its number and photos, and we will check the facts.',
    'If this is about an order of yours, DM us: with the order number we can pull every record and reply.',
    'To check a specific case we need the order number, so please send it to us by DM.',
  ],
  factsNextItem: [
    'If you ordered {item} from us and ran into this, please DM us the order number and photos: we will check and tell you what we find.',
    'If the {item} came from us, send us a DM with the order number and photos, and we will check the facts.',
  ],
  factsProcess: [
    'For every such report we pull the order data and check the partner involved.',
    'We check cases like this against the facts: order number, time and photos.',
    'Every report like this goes straight to our quality team.',
    'We look at reports like this through order records and evidence, not rumours.',
  ],
  mentionThanks: ['Thanks for the mention!', 'Thank you for mentioning us!', 'Nice to see us mentioned here!'],
  ownWordsPraise: ['Words like "{quote}" really make the team\'s day.', 'Reading "{quote}" is a real pleasure.'],
  ownWordsQuestion: ['Got it: "{quote}".', 'We see what you mean: "{quote}".'],
  ask: {
    order: 'your order number',
    contract: 'your account number or service address',
    account: 'the phone number or email linked to your account',
    contact: 'the phone number or email you contacted us from',
    booking: 'your booking reference',
  },
  defaultContact: 'the support address in our app profile',
};

export const WORDING: Record<Locale, Wording> = { ru: RU, en: EN };
