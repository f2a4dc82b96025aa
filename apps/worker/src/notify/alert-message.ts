/**
 * The text of an alert as people read it in Slack, Telegram or an e-mail, in the workspace's language, with
 * the reasons. Pure: the delivery service gathers the context, each sender lays the message out its own way.
 * An SLA digest is rendered from its mentions (count, the worst named with their due time, how many more)
 * instead of its reasons, which say the same in English for machine readers.
 */
import { formatIncidentTime } from '@otklik/escalation';

export type MessageLanguage = 'ru' | 'en';

/** One mention an SLA digest names. */
export interface SlaDigestLine {
  id: string;
  dueAt: string | null;
  severity: string | null;
  priority: number;
  text: string;
  authorHandle: string | null;
  /** The mention in the product when the workspace has a link configured, else the post itself. */
  link: string | null;
}

export interface AlertMessageContext {
  alert: { id: string; kind: string; level: string; score: number | null; reasons: string[]; alertedAt: string };
  workspaceName: string;
  /** The decisive or overdue mention. */
  mention?: { text: string; url: string | null; channel: string; authorHandle: string | null; followers: number | null; publishedAt: string } | null;
  thread?: { channel: string; externalId: string; mentionCount: number } | null;
  incident?: { title: string; mentionCount: number; affected: number; status: string; criticalData: boolean } | null;
  campaign?: { postCount: number } | null;
  source?: { name: string; channel: string } | null;
  /** Who the alert is for (SLA breaches). */
  recipient?: { displayName: string | null; role: string | null } | null;
  /** The mentions of an SLA digest: how many, the worst named; due times in the workspace's time zone. */
  slaDigest?: { mentionCount: number; named: SlaDigestLine[]; timeZone: string } | null;
  /** A link into the product, when the workspace has one configured. */
  link?: string | null;
  /** A test message sent from the channel settings. */
  test?: boolean;
}

export interface AlertMessage {
  language: MessageLanguage;
  /** One line: the e-mail subject, the bold header elsewhere. */
  title: string;
  /** Body lines (no title). */
  lines: string[];
  /** The whole message as plain text: title, then the lines. */
  text: string;
  /** For chat attachments. */
  color: string;
}

const LEVEL: Record<MessageLanguage, Record<string, string>> = {
  ru: { watch: 'наблюдение', warning: 'предупреждение', critical: 'критично' },
  en: { watch: 'watch', warning: 'warning', critical: 'critical' },
};

const KIND: Record<MessageLanguage, Record<string, string>> = {
  ru: {
    escalation: 'Публичная ветка набирает обороты',
    incident: 'Новый инцидент',
    campaign: 'Похоже на скоординированную кампанию (чёрный PR)',
    sla_breach: 'Просрочен ответ (SLA)',
    source_failing: 'Источник упоминаний не работает',
  },
  en: {
    escalation: 'A public thread is escalating',
    incident: 'New incident',
    campaign: 'Looks like a coordinated campaign (black PR)',
    sla_breach: 'Response overdue (SLA)',
    source_failing: 'A mention source is failing',
  },
};

/** What each escalation signal means, for people who never read the scoring README. */
const SIGNAL: Record<MessageLanguage, Record<string, string>> = {
  ru: {
    reply_acceleration: 'ответы ускоряются',
    new_authors: 'подключаются новые люди',
    reach_growth: 'растёт охват',
    repost_growth: 'растут репосты',
    pile_on_calls: 'призывы присоединиться',
    amplifier_joined: 'подключился блогер или крупный аккаунт',
    media_joined: 'подключились СМИ',
    journalist_request: 'журналист просит комментарий',
    private_made_public: 'личная переписка стала публичной',
    negative_share: 'тон ветки',
  },
  en: {
    reply_acceleration: 'replies are accelerating',
    new_authors: 'new people are joining',
    reach_growth: 'reach is growing',
    repost_growth: 'reposts are growing',
    pile_on_calls: 'calls to pile on',
    amplifier_joined: 'an influencer or a large account joined',
    media_joined: 'media joined',
    journalist_request: 'a journalist asks for comment',
    private_made_public: 'a private conversation was made public',
    negative_share: 'tone of the thread',
  },
};

const WORDS = {
  ru: {
    test: 'Тестовое сообщение Otklik: канал уведомлений настроен.',
    score: 'оценка',
    thread: 'ветка',
    posts: 'сообщений',
    post: 'Сообщение',
    followers: 'подписчиков',
    incident: 'Инцидент',
    mentions: 'упоминаний',
    affected: 'затронуто людей',
    criticalData: 'затронуты критичные данные (платежи, персональные данные)',
    campaign: 'постов в кампании',
    source: 'Источник',
    assignee: 'Ответственный',
    forLeads: 'Для руководителей смены: ответственный не ответил вовремя',
    unassigned: 'не назначен',
    open: 'Открыть',
    reasons: 'Причины',
    mentionWords: { one: 'упоминание', few: 'упоминания', many: 'упоминаний', other: 'упоминания' },
    overdue: 'без ответа после срока',
    mostUrgent: 'самые срочные',
    due: 'срок',
    severity: 'важность',
    priority: 'приоритет',
    andMore: (rest: number) => `…и ещё ${rest}`,
  },
  en: {
    test: 'Otklik test message: the notification channel works.',
    score: 'score',
    thread: 'thread',
    posts: 'posts',
    post: 'Post',
    followers: 'followers',
    incident: 'Incident',
    mentions: 'mentions',
    affected: 'people affected',
    criticalData: 'critical data affected (payments, personal data)',
    campaign: 'posts in the campaign',
    source: 'Source',
    assignee: 'Assignee',
    forLeads: 'For the leads: the assignee has not answered in time',
    unassigned: 'unassigned',
    open: 'Open',
    reasons: 'Reasons',
    mentionWords: { one: 'mention', other: 'mentions' },
    overdue: 'past the due time with no answer',
    mostUrgent: 'the most urgent',
    due: 'due',
    severity: 'severity',
    priority: 'priority',
    andMore: (rest: number) => `…and ${rest} more`,
  },
} as const;

const SEVERITY: Record<MessageLanguage, Record<string, string>> = {
  ru: { critical: 'критичная', high: 'высокая', medium: 'средняя', low: 'низкая', unrated: 'не оценена' },
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', unrated: 'not rated' },
};

const COLORS: Record<string, string> = { watch: '#d9a400', warning: '#e8710a', critical: '#d93025' };

export function messageLanguage(value: unknown): MessageLanguage {
  return value === 'en' ? 'en' : 'ru';
}

function snippet(text: string, max = 280): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** `reply_acceleration=8.3 (...) +20.6` → `replies are accelerating: reply_acceleration=8.3 (...) +20.6`. */
export function explainReason(reason: string, language: MessageLanguage): string {
  const signal = /^([a-z_]+)=/.exec(reason)?.[1];
  const label = signal ? SIGNAL[language][signal] : undefined;
  return label ? `${label}: ${reason}` : reason;
}

/** `1 mention`, `50 mentions`; `21 упоминание`, `3 упоминания`, `50 упоминаний`. */
function countMentions(count: number, language: MessageLanguage): string {
  const forms: Record<string, string> = WORDS[language].mentionWords;
  return `${count} ${forms[new Intl.PluralRules(language).select(count)] ?? forms.other}`;
}

/** `• #123, due 18:30 05.03.2026, severity: high, priority 2100 — @anna: «…» https://…` */
function slaDigestLine(line: SlaDigestLine, timeZone: string, language: MessageLanguage): string {
  const words = WORDS[language];
  const facts = [
    `#${line.id}`,
    line.dueAt ? `${words.due} ${formatIncidentTime(line.dueAt, timeZone)}` : null,
    `${words.severity}: ${SEVERITY[language][line.severity ?? 'unrated'] ?? line.severity}`,
    `${words.priority} ${line.priority}`,
  ].filter(Boolean);
  const who = line.authorHandle ? `@${line.authorHandle.replace(/^@/, '')}: ` : '';
  return `• ${facts.join(', ')} — ${who}«${snippet(line.text, 120)}»${line.link ? ` ${line.link}` : ''}`;
}

function slaDigestLines(digest: NonNullable<AlertMessageContext['slaDigest']>, language: MessageLanguage): string[] {
  const words = WORDS[language];
  const rest = digest.mentionCount - digest.named.length;
  return [
    `${countMentions(digest.mentionCount, language)} ${words.overdue}${rest > 0 ? `; ${words.mostUrgent}:` : ':'}`,
    ...digest.named.map((line) => slaDigestLine(line, digest.timeZone, language)),
    ...(rest > 0 ? [words.andMore(rest)] : []),
  ];
}

function alertTitle(context: AlertMessageContext, language: MessageLanguage): string {
  const words = WORDS[language];
  const { alert } = context;
  if (context.test) return `[${context.workspaceName}] ${words.test}`;
  const level = LEVEL[language][alert.level] ?? alert.level;
  const kind = KIND[language][alert.kind] ?? alert.kind;
  const count = context.slaDigest && context.slaDigest.mentionCount > 1 ? `: ${countMentions(context.slaDigest.mentionCount, language)}` : '';
  return `[${context.workspaceName}] ${kind}${count} — ${level}${alert.score !== null ? ` (${words.score} ${Math.round(alert.score)})` : ''}`;
}

export function composeAlertMessage(context: AlertMessageContext, language: MessageLanguage): AlertMessage {
  const words = WORDS[language];
  const { alert } = context;
  const title = alertTitle(context, language);
  const lines: string[] = [];
  if (context.incident) {
    const incident = context.incident;
    lines.push(`${words.incident}: ${snippet(incident.title, 140)} — ${incident.mentionCount} ${words.mentions}, ${words.affected}: ${incident.affected}`);
    if (incident.criticalData) lines.push(`⚠ ${words.criticalData}`);
  }
  if (context.campaign) lines.push(`${words.campaign}: ${context.campaign.postCount}`);
  if (context.source) lines.push(`${words.source}: ${context.source.name} (${context.source.channel})`);
  if (context.thread) lines.push(`${words.thread}: ${context.thread.channel} ${context.thread.externalId}, ${context.thread.mentionCount} ${words.posts}`);
  if (context.mention) {
    const mention = context.mention;
    const who = [mention.authorHandle ? `@${mention.authorHandle.replace(/^@/, '')}` : null, mention.followers !== null ? `${mention.followers} ${words.followers}` : null].filter(Boolean).join(', ');
    lines.push(`${words.post}${who ? ` (${who})` : ''}: «${snippet(mention.text)}»`);
    if (mention.url) lines.push(mention.url);
  }
  if (context.recipient) {
    if (context.recipient.role === 'lead') lines.push(words.forLeads);
    else lines.push(`${words.assignee}: ${context.recipient.displayName ?? words.unassigned}`);
  }
  if (context.slaDigest) lines.push(...slaDigestLines(context.slaDigest, language));
  else if (alert.reasons.length > 0) {
    lines.push(`${words.reasons}:`);
    for (const reason of alert.reasons) lines.push(`• ${explainReason(reason, language)}`);
  }
  if (context.link) lines.push(`${words.open}: ${context.link}`);
  return { language, title, lines, text: [title, ...lines].join('\n'), color: COLORS[alert.level] ?? COLORS.warning };
}
