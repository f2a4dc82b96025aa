/**
 * The classifier's explanation messages: every key a rule may store in `mention.explain`, the parameters it
 * takes and its English and Russian wording. Rules store `because(key, params)` (an Explanation of
 * @otklik/domain: a key plus facts, no language); renderExplanations() turns stored ones into sentences.
 *
 * Keys are `<label>.<reason>` and never change meaning once stored: reword a message freely, but a reason
 * with different facts gets a new key (old rows keep rendering with the old one).
 *
 * English is the wording the classifier used to store verbatim, kept word for word so old and new rows read
 * the same and `otklik classify` prints what it always printed. Russian is written for agents, not translated
 * word for word: phrases quoted from the mention stay in the mention's own language, in «ёлочки».
 */
import { PII_KIND_NAMES, type Explanation } from '@otklik/domain';

export type ExplanationLocale = 'ru' | 'en';

/** The parameters an Explanation may carry (see Explanation in @otklik/domain for their meaning). */
export type ExplanationParam = 'phrases' | 'count' | 'days' | 'campaign' | 'kind' | 'evidence';
type ParamValues<N extends ExplanationParam> = Pick<Required<Explanation>, N>;

export interface ExplanationMessage<N extends ExplanationParam = ExplanationParam> {
  /** The parameters the wording uses; a stored entry without them renders as an unknown key would. */
  params: readonly N[];
  en: (values: ParamValues<N>) => string;
  ru: (values: ParamValues<N>) => string;
}

function message<N extends ExplanationParam = never>(
  params: readonly N[],
  en: (values: ParamValues<N>) => string,
  ru: (values: ParamValues<N>) => string,
): ExplanationMessage<N> {
  return { params, en, ru };
}

/** A fixed sentence, no parameters. */
function fixed(en: string, ru: string): ExplanationMessage<never> {
  return message(
    [],
    () => en,
    () => ru,
  );
}

/** "<what>: "a", "b"" — the reason followed by the mention's own words that decided it. */
function quoting(en: string, ru: string): ExplanationMessage<'phrases'> {
  return message(
    ['phrases'],
    // No phrase matched (the decision came from other signals): the reason alone, no dangling colon.
    ({ phrases }) => (phrases.length > 0 ? `${en}: ${quotedEn(phrases)}` : en),
    ({ phrases }) => (phrases.length > 0 ? `${ru}: ${quotedRu(phrases)}` : ru),
  );
}

export function quotedEn(phrases: readonly string[]): string {
  return phrases.map((phrase) => `"${phrase}"`).join(', ');
}

export function quotedRu(phrases: readonly string[]): string {
  return phrases.map((phrase) => `«${phrase}»`).join(', ');
}

const russianPlurals = new Intl.PluralRules('ru');

/** The Russian noun form for a count (the platform's plural rules): `one` for 1, 21, 101; `few` for 2-4, 22-24; `many` for 0, 5-20, 25... */
export function russianPlural(count: number, one: string, few: string, many: string): string {
  const form = russianPlurals.select(Math.trunc(count));
  return form === 'one' ? one : form === 'few' ? few : many;
}

const times = (count: number) => `${count} ${russianPlural(count, 'раз', 'раза', 'раз')}`;
const days = (count: number) => `${count} ${russianPlural(count, 'день', 'дня', 'дней')}`;

/** A stored kind's name (libs/domain PII_KIND_NAMES); a kind no longer known shows as stored. */
function piiKindName(kind: string, locale: ExplanationLocale): string {
  return (PII_KIND_NAMES as Record<string, Record<ExplanationLocale, string> | undefined>)[kind]?.[locale] ?? kind;
}

export const EXPLANATION_MESSAGES = {
  // intent (rules/intent.rule.ts)
  'intent.brand_post': fixed("the brand's own post", 'пост самого бренда'),
  'intent.media': fixed('a media outlet or journalist', 'СМИ или журналист'),
  /** One phrase that marks a media text ("редакция", "we have asked for comment"), listed after intent.media. */
  'intent.media_cue': message(
    ['phrases'],
    ({ phrases }) => phrases.join(', '),
    ({ phrases }) => quotedRu(phrases),
  ),
  'intent.spam': quoting('advertising or spam', 'реклама или спам'),
  'intent.coordinated_attack': fixed(
    'part of a coordinated attack that claims a failure',
    'часть скоординированной атаки с заявлением о сбое',
  ),
  'intent.job_post': quoting('a job post', 'вакансия'),
  'intent.asks_change': quoting('asks for a change', 'просит что-то изменить'),
  'intent.continues_own_complaint': fixed(
    "the complaint thread's author adding to their own complaint",
    'автор ветки дополняет свою жалобу',
  ),
  'intent.opens_with_question': fixed('opens with a question', 'начинается с вопроса'),
  'intent.loaded_question': fixed('(the question carries a complaint about waiting)', '(в вопросе — жалоба на ожидание)'),
  'intent.advice': quoting('advice to another customer', 'совет другому клиенту'),
  'intent.joins_complaint': quoting('joins another complaint', 'присоединяется к чужой жалобе'),
  'intent.attack_without_case': quoting('negativity without an own case', 'негатив без собственного случая'),
  'intent.confirms_with_own_case': quoting('confirms the failure with an own case', 'подтверждает сбой своим случаем'),
  'intent.thanks': quoting('thanks or praise', 'благодарность или похвала'),
  'intent.sarcasm': quoting('sarcastic praise about a failure', 'сарказм по поводу сбоя'),
  'intent.reports_failure': quoting('reports a failure', 'сообщает о сбое'),
  'intent.asks_question': fixed('asks a question', 'задаёт вопрос'),
  'intent.praise': quoting('praise', 'похвала'),
  'intent.upset_customer': fixed(
    'an upset customer addressing the brand (no specific failure words)',
    'расстроенный клиент обращается к бренду (без явных слов о сбое)',
  ),
  'intent.nothing_found': fixed(
    'no request, complaint or praise found (off-topic, news or a name collision)',
    'ни просьбы, ни жалобы, ни похвалы (не по теме, новость или совпадение названия)',
  ),

  // cause (rules/cause.rule.ts)
  'cause.campaign': message(
    ['campaign'],
    ({ campaign }) => `near-duplicate posts from fresh or low-follower accounts (${campaign})`,
    ({ campaign }) => `почти одинаковые посты с новых аккаунтов или аккаунтов без аудитории (${campaign})`,
  ),
  'cause.competitor_plug': quoting(
    'fresh or low-follower account with a competitor plug',
    'новый аккаунт или аккаунт без аудитории продвигает конкурента',
  ),
  'cause.me_too': message(
    ['phrases'],
    ({ phrases }) => `"same here" without an own case: ${quotedEn(phrases)}`,
    ({ phrases }) => `«у меня тоже» без своего случая: ${quotedRu(phrases)}`,
  ),
  'cause.generalised_attack': quoting('generalised attack', 'огульные нападки'),
  'cause.joins_thread': fixed("a reply inside someone else's complaint thread", 'ответ в чужой ветке с жалобой'),
  'cause.continues_thread': fixed('continues the complaint of the thread it started', 'продолжает жалобу из ветки, начатой самим автором'),
  'cause.unspecified_failure': fixed('a failure of the service (no specific cue)', 'сбой сервиса (без явных признаков)'),
  'cause.no_answer_before': message(
    ['count'],
    ({ count }) => `the author wrote before and got no answer (${count})`,
    ({ count }) => `у автора уже есть обращения без ответа (${count})`,
  ),
  'cause.staff_treatment': quoting('about how the author was treated', 'о том, как обошлись с автором'),
  'cause.repeated_contact': message(
    ['count'],
    ({ count }) => `repeated contact (${count}×)`,
    ({ count }) => `обращается повторно (${times(count)})`,
  ),
  'cause.product_failed': quoting('the product or service failed', 'подвёл продукт или сервис'),
  'cause.negative_unspecified': fixed('negative about the service (no specific cue)', 'негатив о сервисе (без явных признаков)'),

  // critical data (rules/critical-data.rule.ts)
  'critical_data.affected': quoting('data or access affected', 'затронуты данные или доступ'),

  // sentiment (rules/sentiment.rule.ts)
  /** One emotional word or phrase of the mention. */
  'sentiment.emotion_word': message(
    ['phrases'],
    ({ phrases }) => quotedEn(phrases),
    ({ phrases }) => quotedRu(phrases),
  ),
  'sentiment.sarcasm': fixed('sarcasm', 'сарказм'),
  'sentiment.capitals': fixed('capitals', 'капслок'),
  'sentiment.emphatic_punctuation': fixed('"!!" / "??"', '«!!» / «??»'),
  'sentiment.praise': quoting('praise', 'похвала'),
  'sentiment.black_pr': fixed('black pr', 'чёрный пиар'),
  'sentiment.piling_on': fixed('piling on', 'подхватывает чужой негатив'),
  'sentiment.calm_report': quoting('a calm, matter-of-fact report', 'спокойное деловое сообщение'),
  'sentiment.reports_failure': fixed('reports a failure', 'сообщает о сбое'),
  'sentiment.loaded_question': quoting('a question hiding a complaint', 'за вопросом — жалоба'),
  'sentiment.plain_question': fixed('a plain question', 'обычный вопрос'),
  'sentiment.angry_suggestion': quoting('an angry suggestion', 'раздражённое предложение'),
  'sentiment.friendly_wish': fixed('a friendly wish', 'дружелюбное пожелание'),
  'sentiment.wish': fixed('a wish or idea', 'пожелание или идея'),
  'sentiment.no_opinion': fixed('no opinion about the brand', 'нет мнения о бренде'),

  // severity (rules/severity.rule.ts)
  'severity.critical_data': fixed('critical data affected', 'затронуты критичные данные'),
  'severity.media_request': quoting('media asking for comment', 'СМИ просят комментарий'),
  'severity.media_failure': fixed('media reporting a failure', 'СМИ пишут о сбое'),
  'severity.media_news': fixed('media news without a failure', 'новость в СМИ, сбоя нет'),
  'severity.black_pr': fixed('black_pr campaign (convention 4)', 'кампания чёрного пиара'),
  'severity.call_to_join': quoting('a call to join in', 'призыв присоединиться'),
  'severity.piling_with_reach': fixed('piling on from an author with reach', 'подхватывает негатив, у автора большой охват'),
  'severity.piling_without_reach': fixed('piling on without reach', 'подхватывает негатив, охвата нет'),
  'severity.praise': fixed('praise', 'похвала'),
  'severity.no_complaint': fixed('no complaint', 'жалобы нет'),
  'severity.neutral_question': fixed('a neutral question', 'нейтральный вопрос'),
  'severity.wish': fixed('a wish or idea', 'пожелание или идея'),
  'severity.safety_threat': quoting('safety', 'угроза безопасности'),
  'severity.legal_threat': quoting('a public legal or regulator threat', 'публичная угроза судом или регулятором'),
  'severity.amplified_mass_failure': fixed(
    'an influencer or verified author amplifying a mass failure',
    'инфлюенсер или верифицированный автор разгоняет массовый сбой',
  ),
  'severity.money_lost': quoting('money lost', 'потеряны деньги'),
  'severity.cannot_use': quoting('cannot use the service', 'не может пользоваться сервисом'),
  'severity.repeated_contact_ignored': message(
    ['count'],
    ({ count }) => `repeated contact ignored (${count}×)`,
    ({ count }) => `повторные обращения без ответа (${times(count)})`,
  ),
  'severity.contacts_over_days': message(
    ['count', 'days'],
    ({ count, days: span }) => `${count} contacts over ${span} days`,
    ({ count, days: span }) => `${count} ${russianPlural(count, 'обращение', 'обращения', 'обращений')} за ${days(span)}`,
  ),
  'severity.waiting_days': message(
    ['days'],
    ({ days: span }) => `waiting ${span} days`,
    ({ days: span }) => `ждёт ответа ${days(span)}`,
  ),
  'severity.no_answer_before': fixed('wrote before and got no answer', 'прошлые обращения остались без ответа'),
  'severity.thread_traction': fixed('a public thread gaining traction', 'публичная ветка набирает обороты'),
  'severity.high_reach': fixed('a verified or influencer author', 'верифицированный автор или инфлюенсер'),
  'severity.mass_incident': fixed('part of a mass incident', 'часть массового сбоя'),
  'severity.long_complaint': fixed('a long, detailed complaint', 'длинная подробная жалоба'),
  'severity.safety': fixed('safety', 'угроза безопасности'),
  'severity.frustrated': fixed('a frustrated question or angry suggestion', 'раздражённый вопрос или недовольное предложение'),
  'severity.single_problem_calm': fixed('a single problem reported calmly', 'единичная проблема, описана спокойно'),
  'severity.single_problem': fixed('a single problem', 'единичная проблема'),

  // personal data, incident and campaign (mention.classifier.ts)
  /** One piece of personal data found in the text: its kind and the masked text. */
  'pii.found': message(
    ['kind', 'evidence'],
    ({ kind, evidence }) => `${piiKindName(kind, 'en')}: ${evidence}`,
    ({ kind, evidence }) => `${piiKindName(kind, 'ru')}: ${evidence}`,
  ),
  'incident.cluster': message(
    ['count'],
    ({ count }) => `one failure of this brand reported by ${count} different authors in a short window`,
    ({ count }) => `об одном сбое бренда за короткое время пишут разные авторы: ${count}`,
  ),
  'campaign.cluster': message(
    ['count'],
    ({ count }) => `near-identical posts from ${count} fresh or low-follower accounts in a burst`,
    ({ count }) => `всплеск почти одинаковых постов с новых аккаунтов или аккаунтов без аудитории: ${count}`,
  ),
} satisfies Record<string, ExplanationMessage>;

export type ExplanationKey = keyof typeof EXPLANATION_MESSAGES;

type ParamsOf<K extends ExplanationKey> = Parameters<(typeof EXPLANATION_MESSAGES)[K]['en']>[0];

/**
 * The explanation a rule stores: `because('cause.staff_treatment', { phrases })`, `because('sentiment.sarcasm')`.
 * The key and its parameters are checked against the catalogue at compile time.
 */
export function because<K extends ExplanationKey>(key: K, ...params: keyof ParamsOf<K> extends never ? [] : [ParamsOf<K>]): Explanation {
  return { key, ...params[0] };
}

export function isExplanationKey(key: string): key is ExplanationKey {
  return Object.prototype.hasOwnProperty.call(EXPLANATION_MESSAGES, key);
}
