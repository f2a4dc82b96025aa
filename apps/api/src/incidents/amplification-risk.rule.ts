/**
 * Streisand caution (GUIDE §5): before hiding, deleting or answering a post, how far it has reached and how
 * likely our action is to spread it further. Removing a post people already saw gets noticed ("they delete
 * criticism" travels further than the post); a brand's public answer puts a post nobody saw in front of the
 * brand's own audience; arguing with a coordinated campaign feeds it. Pure: the API gathers the figures.
 */
export type RiskLevel = 'low' | 'medium' | 'high';
export type Language = 'ru' | 'en';

export interface AmplificationInput {
  isPrivate: boolean;
  followers: number | null;
  verified: boolean | null;
  authorKind: string | null;
  /** Age of the author's account when they posted, in days; null when unknown. */
  accountAgeDays: number | null;
  reposts: number | null;
  likes: number | null;
  /** Posts and distinct authors in the thread so far. */
  threadSize: number;
  threadAuthors: number;
  /** The thread's escalation level (watch, warning, critical) or null. */
  threadLevel: string | null;
  intent: string | null;
  cause: string | null;
  /** Part of a detected coordinated campaign. */
  inCampaign: boolean;
}

export interface ActionRisk {
  risk: RiskLevel;
  why: string;
}

export interface AmplificationRisk {
  reach: {
    level: RiskLevel;
    followers: number;
    reposts: number;
    likes: number;
    threadSize: number;
    threadAuthors: number;
    /** Rough: the author's followers plus an assumed audience per repost. */
    estimatedAudience: number;
  };
  /** The risk of the riskiest action. */
  risk: RiskLevel;
  actions: { answer: ActionRisk; hide: ActionRisk; delete: ActionRisk };
  explanation: string[];
}

/** Followers a typical reposter brings (an assumption; platforms do not report impressions to third parties). */
export const REPOST_AUDIENCE = 100;
const RANK: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2 };

const TEXT = {
  en: {
    reach: (level: RiskLevel, audience: number, reposts: number, size: number) => `reach ${level}: about ${audience} people may have seen it (${reposts} reposts, thread of ${size})`,
    private: 'a private message: nothing public to amplify',
    escalating: 'the thread is already escalating',
    amplifier: 'the author is media, an influencer or a large verified account',
    deleteSeen: 'removing a post people already saw gets noticed: "they delete criticism" travels further than the post (Streisand effect)',
    deleteSmall: 'even a small author can post a screenshot of "they deleted my complaint"; answer and move to private instead',
    deleteSpam: 'looks like spam or a bot (no audience, fresh account): removing it costs nothing',
    campaignRemove: 'part of a coordinated campaign: collect evidence and report it to the platform rather than deleting it yourself',
    hideSeen: 'hiding a post that already travelled is noticed by its author and readers',
    hideSmall: 'hidden posts stay visible to their author and friends; hide only what breaks the rules',
    hideSpam: 'spam or a bot with no audience: hiding it is safe',
    answerCampaign: 'a coordinated attack: engaging point by point spreads it; at most one factual answer if its reach grows',
    answerPilingOn: 'a brand reply lifts a post few people saw; one calm answer at most, or none',
    answerOffTopic: 'answering draws attention to an off-topic post',
    answerGenuine: 'a real customer: answering is the point (reply publicly, resolve privately)',
    answerEscalating: 'silence in an escalating thread reads as ignoring: answer calmly and move details to private',
  },
  ru: {
    reach: (level: RiskLevel, audience: number, reposts: number, size: number) =>
      `охват ${({ low: 'низкий', medium: 'средний', high: 'высокий' } as const)[level]}: пост могли увидеть около ${audience} человек (${reposts} репостов, в ветке ${size})`,
    private: 'личное сообщение: публично усиливать нечего',
    escalating: 'ветка уже разгоняется',
    amplifier: 'автор — СМИ, блогер или крупный подтверждённый аккаунт',
    deleteSeen: 'удаление поста, который уже видели, заметят: «они удаляют критику» разойдётся шире самого поста (эффект Стрейзанд)',
    deleteSmall: 'даже у небольшого автора может появиться скриншот «мою жалобу удалили»; лучше ответить и перевести в личные сообщения',
    deleteSpam: 'похоже на спам или бота (нет аудитории, свежий аккаунт): удаление ничего не стоит',
    campaignRemove: 'часть скоординированной кампании: соберите доказательства и пожалуйтесь площадке, а не удаляйте сами',
    hideSeen: 'скрытие поста, который уже разошёлся, заметят автор и читатели',
    hideSmall: 'скрытый пост видят автор и его друзья; скрывайте только то, что нарушает правила',
    hideSpam: 'спам или бот без аудитории: скрыть безопасно',
    answerCampaign: 'скоординированная атака: спор по пунктам её разгоняет; не более одного ответа с фактами, если охват растёт',
    answerPilingOn: 'ответ бренда поднимет пост, который почти никто не видел; не больше одного спокойного ответа или без ответа',
    answerOffTopic: 'ответ привлечёт внимание к посту не по теме',
    answerGenuine: 'реальный клиент: ответить — правильно (отвечаем публично, решаем в личных сообщениях)',
    answerEscalating: 'молчание в разгорающейся ветке выглядит как игнор: ответьте спокойно и переведите детали в личные сообщения',
  },
};

const max = (...levels: RiskLevel[]): RiskLevel => levels.reduce((worst, level) => (RANK[level] > RANK[worst] ? level : worst), 'low');

export function assessAmplificationRisk(input: AmplificationInput, language: Language = 'en'): AmplificationRisk {
  const text = TEXT[language];
  const followers = Math.max(0, input.followers ?? 0);
  const reposts = Math.max(0, input.reposts ?? 0);
  const likes = Math.max(0, input.likes ?? 0);
  const audience = followers + reposts * REPOST_AUDIENCE;
  const escalating = input.threadLevel === 'warning' || input.threadLevel === 'critical';
  const amplifier = input.authorKind === 'media' || input.authorKind === 'influencer' || (input.verified === true && followers >= 5_000);
  let level: RiskLevel;
  if (input.isPrivate) level = 'low';
  else if (audience >= 10_000 || reposts >= 50 || escalating || amplifier) level = 'high';
  else if (audience < 1_000 && reposts < 5 && likes < 50 && input.threadSize < 10) level = 'low';
  else level = 'medium';
  const reach = { level, followers, reposts, likes, threadSize: input.threadSize, threadAuthors: input.threadAuthors, estimatedAudience: audience };
  const explanation = [text.reach(level, audience, reposts, input.threadSize)];

  if (input.isPrivate) {
    const none = { risk: 'low' as const, why: text.private };
    return { reach, risk: 'low', actions: { answer: none, hide: none, delete: none }, explanation: [...explanation, text.private] };
  }
  if (escalating) explanation.push(text.escalating);
  if (amplifier) explanation.push(text.amplifier);

  const spamLike = followers <= 2 && (input.intent === 'other' || input.intent === null) && (input.accountAgeDays === null || input.accountAgeDays < 30) && level === 'low';
  const campaign = input.inCampaign || input.cause === 'black_pr';

  const remove: ActionRisk =
    level !== 'low' || amplifier
      ? { risk: 'high', why: text.deleteSeen }
      : campaign
        ? { risk: 'medium', why: text.campaignRemove }
        : spamLike
          ? { risk: 'low', why: text.deleteSpam }
          : { risk: 'medium', why: text.deleteSmall };
  const hide: ActionRisk =
    level === 'high' || amplifier
      ? { risk: 'high', why: text.hideSeen }
      : campaign
        ? { risk: 'medium', why: text.campaignRemove }
        : spamLike
          ? { risk: 'low', why: text.hideSpam }
          : level === 'medium'
            ? { risk: 'medium', why: text.hideSeen }
            : { risk: 'low', why: text.hideSmall };
  let answer: ActionRisk;
  if (campaign) answer = { risk: 'high', why: text.answerCampaign };
  else if (escalating) answer = { risk: 'low', why: text.answerEscalating };
  else if (input.cause === 'piling_on' && level === 'low') answer = { risk: 'medium', why: text.answerPilingOn };
  else if (input.intent === 'other' && level === 'low') answer = { risk: 'medium', why: text.answerOffTopic };
  else answer = { risk: 'low', why: text.answerGenuine };

  return {
    reach,
    risk: max(answer.risk, hide.risk, remove.risk),
    actions: { answer, hide, delete: remove },
    explanation: [...explanation, `answer: ${answer.why}`, `hide: ${hide.why}`, `delete: ${remove.why}`],
  };
}
