/**
 * Reads api responses into the contract types, so screens never touch raw JSON. The mention, reply, case,
 * user, source, settings, stats and audit readers follow the api's views (apps/api/src/inbox/mention-views.ts,
 * mention-detail.service.ts ...). Alerts and incidents were specified before their endpoints existed, so
 * those readers accept the likely spellings of each field.
 */
import type {
  Alert,
  BulkReport,
  ChannelKind,
  ChannelSpec,
  ConnectionTest,
  SourceField,
  AuditEntry,
  AuthorSummary,
  CaseInfo,
  Facets,
  Incident,
  IncidentDetail,
  IncidentStatements,
  LabelExplanation,
  MentionDetail,
  MentionPage,
  MentionSummary,
  Note,
  NotificationChannel,
  PersonRef,
  Place,
  Reply,
  ReplyCheck,
  SlaDigest,
  SourceInfo,
  Stats,
  StatsBucket,
  Suggestion,
  TakePrivateResult,
  ThreadPost,
  ThreadRelation,
  Violation,
  WorkspaceUser,
} from './contract.types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function snake(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The first present value among the keys (each tried camelCased and snake_cased). */
function pick(source: Json, ...keys: string[]): unknown {
  for (const key of keys) {
    if (source[key] !== undefined) return source[key];
    const alt = snake(key);
    if (source[alt] !== undefined) return source[alt];
  }
  return undefined;
}

function str(source: Json, ...keys: string[]): string | null {
  const value = pick(source, ...keys);
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

function num(source: Json, ...keys: string[]): number | null {
  const value = pick(source, ...keys);
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function bool(source: Json, ...keys: string[]): boolean | null {
  const value = pick(source, ...keys);
  return typeof value === 'boolean' ? value : null;
}

function list(source: Json, ...keys: string[]): unknown[] {
  const value = pick(source, ...keys);
  return Array.isArray(value) ? value : [];
}

function obj(source: Json, ...keys: string[]): Json | null {
  const value = pick(source, ...keys);
  return isObject(value) ? value : null;
}

function strings(value: unknown): string[] {
  if (Array.isArray(value))
    return value.flatMap((item) =>
      typeof item === 'string' ? [item] : isObject(item) ? [String(item.text ?? item.message ?? item.reason ?? JSON.stringify(item))] : [],
    );
  if (typeof value === 'string') return [value];
  return [];
}

/** A person given as an object, or as `<key>` (id) with `<key>Name` beside it. */
export function readPerson(source: Json, key: string): PersonRef | null {
  const value = pick(source, key);
  if (isObject(value)) {
    const id = str(value, 'id', 'userId');
    if (!id) return null;
    return { id, displayName: str(value, 'displayName', 'name', 'email') ?? id };
  }
  if (typeof value === 'string' && value) {
    return { id: value, displayName: str(source, `${key}Name`, `${key}DisplayName`) ?? value };
  }
  return null;
}

export function readAuthor(value: unknown): AuthorSummary {
  const source = isObject(value) ? value : {};
  return {
    id: str(source, 'id', 'externalId') ?? '',
    handle: str(source, 'handle', 'name', 'displayName'),
    followers: num(source, 'followers'),
    verified: bool(source, 'verified'),
    kind: str(source, 'kind'),
  };
}

export function readMention(value: unknown): MentionSummary {
  const source = isObject(value) ? value : {};
  const labels = obj(source, 'labels') ?? {};
  const label = (name: string) => str(labels, name) ?? str(source, name);
  const sla = obj(source, 'sla') ?? {};
  const author = pick(source, 'author');
  return {
    id: str(source, 'id') ?? '',
    channel: str(source, 'channel') ?? 'unknown',
    text: str(source, 'text') ?? '',
    lang: str(source, 'lang'),
    url: str(source, 'url'),
    isPrivate: bool(source, 'isPrivate') ?? false,
    publishedAt: str(source, 'publishedAt') ?? new Date(0).toISOString(),
    status: (str(source, 'status') ?? 'new') as MentionSummary['status'],
    priority: num(source, 'priority') ?? 0,
    intent: label('intent') as MentionSummary['intent'],
    cause: label('cause') as MentionSummary['cause'],
    severity: label('severity') as MentionSummary['severity'],
    sentiment: label('sentiment') as MentionSummary['sentiment'],
    criticalData: bool(labels, 'criticalData') ?? bool(source, 'criticalData'),
    slaDueAt: str(sla, 'dueAt') ?? str(source, 'slaDueAt'),
    slaState: str(sla, 'state'),
    firstResponseAt: str(source, 'firstResponseAt') ?? str(sla, 'doneAt'),
    resolvedAt: str(source, 'resolvedAt'),
    author: readAuthor(isObject(author) ? author : {}),
    claimedBy: readPerson(source, 'claim') ?? readPerson(source, 'claimedBy'),
    claimExpiresAt: str(obj(source, 'claim') ?? {}, 'expiresAt'),
    assignee: readPerson(source, 'assignee') ?? readPerson(source, 'assigneeId'),
    incidentId: str(source, 'incidentId') ?? str(obj(source, 'incident') ?? {}, 'id'),
    campaignId: str(source, 'campaignId') ?? str(obj(source, 'campaign') ?? {}, 'id'),
    threadId: str(source, 'threadId') ?? str(obj(source, 'thread') ?? {}, 'id'),
    inReplyTo: str(source, 'inReplyTo'),
  };
}

export function readMentionPage(value: unknown): MentionPage {
  if (Array.isArray(value)) return { items: value.map(readMention), nextCursor: null, total: value.length };
  const source = isObject(value) ? value : {};
  const page = obj(source, 'page') ?? {};
  return {
    items: list(source, 'items', 'mentions', 'data').map(readMention),
    nextCursor: str(source, 'nextCursor', 'cursor') ?? str(page, 'nextCursor'),
    total: num(source, 'total', 'count') ?? num(page, 'total'),
  };
}

export function readFacets(value: unknown): Facets {
  const source = isObject(value) ? (obj(value, 'facets') ?? value) : {};
  const facets: Facets = {};
  for (const dimension of ['severity', 'cause', 'intent', 'channel', 'status'] as const) {
    const raw = pick(source, dimension);
    if (isObject(raw)) {
      facets[dimension] = Object.fromEntries(Object.entries(raw).map(([key, count]) => [key, Number(count) || 0]));
    } else if (Array.isArray(raw)) {
      // [{ value, count }] form.
      facets[dimension] = Object.fromEntries(
        raw.filter(isObject).map((row) => [String(row.value ?? row.key ?? 'none'), Number(row.count ?? row.n ?? 0)]),
      );
    }
  }
  return facets;
}

function readLabels(source: Json): LabelExplanation[] {
  const given = pick(source, 'labels');
  if (Array.isArray(given)) {
    return given.filter(isObject).map((row) => ({
      name: str(row, 'name', 'label') ?? '',
      value: str(row, 'value'),
      confidence: num(row, 'confidence'),
      reasons: strings(pick(row, 'reasons', 'explanation', 'explanations', 'explain')),
    }));
  }
  // Flat mention fields plus `explain: {label: [reasons]}` and `confidence: {label: n}`.
  const explain = obj(source, 'explain', 'explanations') ?? (isObject(given) ? (obj(given, 'explain', 'explanations') ?? {}) : {});
  const confidence = obj(source, 'confidence') ?? (isObject(given) ? (obj(given, 'confidence') ?? {}) : {});
  const flat = isObject(given) ? given : source;
  const names = ['intent', 'cause', 'severity', 'sentiment', 'criticalData', 'pii'];
  const rows: LabelExplanation[] = [];
  for (const name of new Set([...names, ...Object.keys(explain)])) {
    const raw = pick(flat, name) ?? pick(source, name);
    const value = Array.isArray(raw) ? raw.join(', ') || null : raw === null || raw === undefined ? null : String(raw);
    const reasons = strings(explain[name] ?? explain[snake(name)]);
    if (value === null && reasons.length === 0) continue;
    rows.push({ name: snake(name), value, confidence: num(confidence, name), reasons });
  }
  return rows;
}

function readThreadPost(value: unknown, relation: ThreadRelation): ThreadPost {
  const source = isObject(value) ? value : {};
  const author = readAuthor(pick(source, 'author'));
  return {
    id: str(source, 'id') ?? '',
    text: str(source, 'text', 'body') ?? '',
    author,
    publishedAt: str(source, 'publishedAt', 'createdAt') ?? new Date(0).toISOString(),
    relation,
    fromBrand: author.kind === 'brand',
    isCurrent: relation === 'current',
  };
}

/** Root, parents (farthest first), the mention itself, its siblings and its replies, each post once. */
function readThread(thread: Json, current: MentionSummary): ThreadPost[] {
  const posts: ThreadPost[] = [];
  const seen = new Set<string>();
  const add = (post: ThreadPost) => {
    if (!post.id || seen.has(post.id)) return;
    seen.add(post.id);
    posts.push(post);
  };
  const currentPost: ThreadPost = {
    id: current.id,
    text: current.text,
    author: current.author,
    publishedAt: current.publishedAt,
    relation: 'current',
    fromBrand: current.author.kind === 'brand',
    isCurrent: true,
  };
  const root = pick(thread, 'root');
  if (isObject(root) && str(root, 'id') !== current.id) add(readThreadPost(root, 'root'));
  for (const parent of list(thread, 'parents')) add(readThreadPost(parent, 'parent'));
  add(currentPost);
  for (const reply of list(thread, 'replies', 'children')) add(readThreadPost(reply, 'reply'));
  for (const sibling of list(thread, 'siblings')) add(readThreadPost(sibling, 'sibling'));
  return posts;
}

export function readNote(value: unknown): Note {
  const source = isObject(value) ? value : {};
  return {
    id: str(source, 'id') ?? '',
    body: str(source, 'body', 'text') ?? '',
    author: readPerson(source, 'author') ?? readPerson(source, 'authorId'),
    mentionedUsers: list(source, 'mentionedUsers', 'mentions')
      .filter(isObject)
      .map((row) => readPerson({ user: row }, 'user'))
      .filter((row): row is PersonRef => row !== null),
    createdAt: str(source, 'createdAt') ?? new Date().toISOString(),
  };
}

export function readReply(value: unknown): Reply {
  const source = isObject(value) ? value : {};
  return {
    id: str(source, 'id') ?? '',
    body: str(source, 'body') ?? '',
    visibility: (str(source, 'visibility') ?? 'public') as Reply['visibility'],
    status: (str(source, 'status') ?? 'queued') as Reply['status'],
    failureReason: str(source, 'failureReason'),
    author: readPerson(source, 'author') ?? readPerson(source, 'authorId'),
    createdAt: str(source, 'createdAt') ?? new Date().toISOString(),
    sentAt: str(source, 'sentAt'),
    platformUrl: str(source, 'platformUrl'),
    overrideReason: str(source, 'overrideReason'),
  };
}

export function readCase(value: unknown): CaseInfo | null {
  if (!isObject(value)) return null;
  const id = str(value, 'id');
  if (!id) return null;
  return {
    id,
    mentionId: str(value, 'mentionId'),
    privateChannel: str(value, 'privateChannel', 'channel') ?? '',
    status: str(value, 'status') ?? 'open',
    ackDueAt: str(value, 'ackDueAt'),
    resolutionDueAt: str(value, 'resolutionDueAt'),
    createdAt: str(value, 'createdAt') ?? new Date().toISOString(),
    resolvedAt: str(value, 'resolvedAt'),
    customerConfirmedAt: str(value, 'customerConfirmedAt'),
  };
}

function readClock(value: unknown): { dueAt: string | null; doneAt: string | null } {
  const source = isObject(value) ? value : {};
  return { dueAt: str(source, 'dueAt'), doneAt: str(source, 'doneAt') };
}

export function readMentionDetail(value: unknown): MentionDetail {
  const source = isObject(value) ? value : {};
  const summary = readMention(source);
  const history = obj(source, 'authorHistory') ?? {};
  const historyMentions = list(history, 'mentions').filter(isObject);
  const summaryRow = obj(history, 'summary');
  const clocks = obj(source, 'slaClocks') ?? {};
  const firstResponse = readClock(pick(clocks, 'firstResponse') ?? pick(source, 'sla'));
  const resolution = readClock(pick(clocks, 'resolution'));
  const incident = obj(source, 'incident');
  const thread = obj(source, 'thread') ?? {};
  return {
    ...summary,
    labels: readLabels(source),
    thread: readThread(thread, summary),
    threadEscalation: str(thread, 'escalationLevel'),
    authorHistory: historyMentions.map(readMention).filter((mention) => mention.id !== summary.id),
    authorCases: historyMentions.map((row) => readCase(pick(row, 'case'))).filter((row): row is CaseInfo => row !== null),
    authorSummary: summaryRow
      ? {
          earlier: num(summaryRow, 'earlier') ?? 0,
          unanswered: num(summaryRow, 'unanswered') ?? 0,
          answeredLate: num(summaryRow, 'answeredLate') ?? 0,
          longestWaitSeconds: num(summaryRow, 'longestWaitSeconds'),
          cases: num(summaryRow, 'cases') ?? 0,
        }
      : null,
    incident: incident
      ? { id: str(incident, 'id') ?? '', title: str(incident, 'title') ?? '', status: str(incident, 'status') ?? '' }
      : null,
    notes: list(source, 'notes').map(readNote),
    replies: list(source, 'replies').map(readReply),
    case: readCase(pick(source, 'case')),
    sla: {
      firstResponseDueAt: firstResponse.dueAt ?? summary.slaDueAt,
      firstResponseAt: firstResponse.doneAt ?? summary.firstResponseAt,
      resolutionDueAt: resolution.dueAt,
      resolvedAt: resolution.doneAt ?? summary.resolvedAt,
    },
  };
}

export function readViolation(value: unknown): Violation {
  const source = isObject(value) ? value : {};
  return {
    rule: str(source, 'rule', 'ruleId') ?? 'unknown',
    level: str(source, 'level') === 'block' ? 'block' : 'warn',
    spans: list(source, 'spans')
      .filter(isObject)
      .map((span) => ({ start: num(span, 'start') ?? 0, end: num(span, 'end') ?? 0 }))
      .filter((span) => span.end > span.start),
    message: str(source, 'message', 'explanation') ?? '',
  };
}

export function readCheck(value: unknown): ReplyCheck {
  const source = isObject(value) ? value : {};
  const violations = list(source, 'violations').map(readViolation);
  const verdict = str(source, 'verdict');
  return {
    verdict:
      verdict === 'block' || verdict === 'warn' || verdict === 'ok'
        ? verdict
        : violations.some((v) => v.level === 'block')
          ? 'block'
          : violations.length
            ? 'warn'
            : 'ok',
    violations,
    replyMaxLength: num(obj(source, 'channel') ?? {}, 'replyMaxLength'),
  };
}

export function readTakePrivate(value: unknown): TakePrivateResult {
  const source = isObject(value) ? value : {};
  const reply = obj(source, 'publicReply');
  return {
    created: bool(source, 'created') ?? false,
    directMessage: bool(source, 'directMessage') ?? false,
    case: readCase(pick(source, 'case')),
    publicReply: reply ? { text: str(reply, 'text') ?? '', lang: str(reply, 'lang') } : null,
  };
}

export function readSuggestions(value: unknown): Suggestion[] {
  const rows = Array.isArray(value) ? value : isObject(value) ? list(value, 'suggestions', 'items') : [];
  return rows.map((row, index) => {
    const source = isObject(row) ? row : { body: String(row) };
    return {
      id: str(source, 'id') ?? String(index),
      body: str(source, 'body', 'text') ?? '',
      approach: str(source, 'approach', 'kind'),
      visibility: (str(source, 'visibility') as Suggestion['visibility']) ?? null,
    };
  });
}

function readSlaDigest(source: Json | null): SlaDigest | null {
  if (!source) return null;
  const mentionIds = strings(pick(source, 'mentionIds'));
  return {
    stage: str(source, 'stage') ?? 'assignee',
    mentionCount: num(source, 'mentionCount') ?? mentionIds.length,
    mentionIds,
    worst: list(source, 'worst').map((row) => {
      const mention = isObject(row) ? row : {};
      return { mentionId: str(mention, 'mentionId') ?? '', dueAt: str(mention, 'dueAt'), severity: str(mention, 'severity'), priority: num(mention, 'priority') ?? 0 };
    }),
  };
}

export function readAlert(value: unknown): Alert {
  const source = isObject(value) ? value : {};
  return {
    id: str(source, 'id') ?? '',
    kind: str(source, 'kind') ?? 'alert',
    level: str(source, 'level') ?? 'info',
    score: num(source, 'score'),
    reasons: strings(pick(source, 'reasons')),
    title: str(source, 'title', 'summary'),
    threadId: str(source, 'threadId'),
    incidentId: str(source, 'incidentId'),
    mentionId: str(source, 'mentionId', 'rootMentionId'),
    slaDigest: readSlaDigest(obj(source, 'slaDigest')),
    alertedAt: str(source, 'alertedAt', 'createdAt') ?? new Date().toISOString(),
    acknowledgedAt: str(source, 'acknowledgedAt'),
    acknowledgedBy: readPerson(source, 'acknowledgedBy'),
  };
}

export function readList<T>(value: unknown, reader: (row: unknown) => T, ...keys: string[]): T[] {
  const rows = Array.isArray(value) ? value : isObject(value) ? list(value, ...(keys.length ? keys : ['items', 'data'])) : [];
  return rows.map(reader);
}

function readPlace(value: unknown): Place {
  if (typeof value === 'string') return { id: value, ru: value, en: value };
  const source = isObject(value) ? value : {};
  const id = str(source, 'id') ?? '';
  return { id, ru: str(source, 'ru') ?? id, en: str(source, 'en') ?? id };
}

export function readIncident(value: unknown): Incident {
  const source = isObject(value) ? value : {};
  return {
    id: str(source, 'id') ?? '',
    title: str(source, 'title') ?? '',
    status: str(source, 'status') ?? 'investigating',
    nextStatuses: strings(pick(source, 'nextStatuses')),
    scope: str(source, 'scope') ?? 'single',
    places: list(source, 'places').map(readPlace),
    affectedCount: num(source, 'affectedCount') ?? 0,
    knownAffected: num(source, 'knownAffected'),
    mentionCount: num(source, 'mentionCount'),
    velocityPerHour: num(source, 'velocityPerHour'),
    velocityTrend: str(source, 'velocityTrend'),
    criticalData: bool(source, 'criticalData') ?? false,
    eta: str(source, 'eta'),
    firstSeenAt: str(source, 'firstSeenAt'),
    lastSeenAt: str(source, 'lastSeenAt'),
    resolvedAt: str(source, 'resolvedAt'),
  };
}

export function readIncidentDetail(value: unknown): IncidentDetail {
  const source = isObject(value) ? value : {};
  const timeline = obj(source, 'timeline') ?? {};
  const media = obj(obj(source, 'assessment') ?? {}, 'media');
  const window = pick(media ?? {}, 'responseWindowHours');
  return {
    ...readIncident(source),
    scopeExplanation: strings(pick(source, 'scopeExplanation')),
    timeline: list(timeline, 'buckets')
      .filter(isObject)
      .map((bucket) => ({ at: str(bucket, 'at') ?? '', count: num(bucket, 'mentions') ?? 0, authors: num(bucket, 'authors') })),
    media: media
      ? {
          horizon: str(media, 'horizon'),
          expectedFrom: str(media, 'expectedFrom'),
          expectedBy: str(media, 'expectedBy'),
          responseWindowHours: Array.isArray(window) && window.length === 2 ? [Number(window[0]), Number(window[1])] : null,
          explanation: strings(pick(media, 'explanation')),
        }
      : null,
    mentions: list(source, 'mentions').map(readMention),
    openAlerts: num(source, 'openAlerts') ?? 0,
  };
}

export function readStatements(value: unknown): IncidentStatements {
  const source = isObject(value) ? value : {};
  const pair = (key: string) => {
    const row = obj(source, key) ?? {};
    return { ru: str(row, 'ru') ?? '', en: str(row, 'en') ?? '' };
  };
  return {
    fixed: pair('fixed'),
    notFixed: pair('notFixed'),
    recommended: str(source, 'recommended') === 'fixed' ? 'fixed' : 'notFixed',
    warnings: strings(pick(source, 'warnings')),
  };
}

export function readSource(value: unknown): SourceInfo {
  const source = isObject(value) ? value : {};
  const brand = obj(source, 'brand');
  return {
    id: str(source, 'id') ?? '',
    channel: str(source, 'channel') ?? '',
    name: str(source, 'name') ?? '',
    enabled: bool(source, 'enabled') ?? true,
    health: str(source, 'health') ?? 'ok',
    lastError: str(source, 'lastError'),
    lastPollAt: str(source, 'lastPollAt'),
    pausedUntil: str(source, 'pausedUntil'),
    mentionsIngested: num(source, 'mentionsIngested') ?? 0,
    deadLetters: num(source, 'deadLetters') ?? 0,
    brand: brand
      ? {
          id: str(brand, 'id') ?? '',
          name: str(brand, 'name') ?? '',
          aliases: strings(pick(brand, 'aliases')),
          exclusions: strings(pick(brand, 'exclusions')),
        }
      : null,
    options: obj(source, 'options') ?? {},
    credentialsSet: strings(pick(source, 'credentialsSet')),
    pollIntervalMs: num(source, 'pollIntervalMs'),
    webhookPath: str(source, 'webhookPath'),
  };
}

const FIELD_TYPES: SourceField['type'][] = ['text', 'url', 'number', 'boolean', 'list', 'choice'];

function readSourceField(value: unknown, secret: boolean): SourceField {
  const source = isObject(value) ? value : {};
  const type = str(source, 'type') as SourceField['type'];
  return {
    name: str(source, 'name') ?? '',
    type: FIELD_TYPES.includes(type) ? type : 'text',
    secret: bool(source, 'secret') ?? secret,
    required: bool(source, 'required') ?? false,
    oneOf: strings(pick(source, 'oneOf')),
    values: strings(pick(source, 'values')),
    fromFile: str(source, 'fromFile') ?? null,
  };
}

export function readChannelSpec(value: unknown): ChannelSpec {
  const source = isObject(value) ? value : {};
  const capabilities = obj(source, 'capabilities') ?? {};
  const fields = obj(source, 'fields') ?? {};
  return {
    channel: str(source, 'channel') ?? '',
    poll: bool(capabilities, 'poll') ?? false,
    push: bool(capabilities, 'push') ?? false,
    options: list(fields, 'options').map((field) => readSourceField(field, false)),
    credentials: list(fields, 'credentials').map((field) => readSourceField(field, true)),
  };
}

export function readChannelKind(value: unknown): ChannelKind {
  const source = isObject(value) ? value : {};
  return {
    kind: str(source, 'kind') ?? '',
    fields: list(source, 'fields')
      .filter(isObject)
      .map((field) => ({
        name: str(field, 'name') ?? '',
        type: str(field, 'type') ?? 'text',
        required: bool(field, 'required') ?? false,
        secret: bool(field, 'secret') ?? false,
      })),
  };
}

export function readNotificationChannel(value: unknown): NotificationChannel {
  const source = isObject(value) ? value : {};
  const routes = obj(source, 'routes') ?? {};
  const last = obj(source, 'lastDelivery');
  return {
    id: str(source, 'id') ?? '',
    kind: str(source, 'kind') ?? '',
    name: str(source, 'name') ?? '',
    enabled: bool(source, 'enabled') ?? true,
    settings: obj(source, 'settings') ?? {},
    secrets: Object.fromEntries(Object.entries(obj(source, 'secrets') ?? {}).map(([name, set]) => [name, set === true])),
    routes: { kinds: strings(pick(routes, 'kinds')), minLevel: str(routes, 'minLevel') },
    lastDelivery: last ? { status: str(last, 'status') ?? '', lastError: str(last, 'lastError'), at: str(last, 'at') ?? '' } : null,
  };
}

/** A source test answers {ok, kind?, message}; a channel test {ok, errorKind?, detail}. */
export function readConnectionTest(value: unknown): ConnectionTest {
  const source = isObject(value) ? value : {};
  return {
    ok: bool(source, 'ok') ?? false,
    kind: str(source, 'kind', 'errorKind'),
    message: str(source, 'message', 'detail') ?? '',
  };
}

export function readBulkReport(value: unknown): BulkReport {
  const source = isObject(value) ? value : {};
  const results = list(source, 'results')
    .filter(isObject)
    .map((row) => {
      const problem = obj(row, 'problem') ?? {};
      const ok = bool(row, 'ok') ?? false;
      return {
        id: str(row, 'id') ?? '',
        ok,
        code: ok ? null : ((str(problem, 'type') ?? '').split(':').pop() ?? null),
        detail: ok ? null : str(problem, 'detail', 'title'),
        holder: ok ? null : str(obj(problem, 'holder') ?? {}, 'displayName'),
      };
    });
  const succeeded = results.filter((row) => row.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}

export function readUser(value: unknown): WorkspaceUser {
  const source = isObject(value) ? value : {};
  return {
    id: str(source, 'id', 'userId') ?? '',
    email: str(source, 'email') ?? '',
    displayName: str(source, 'displayName', 'name') ?? str(source, 'email') ?? '',
    role: (str(source, 'role') ?? 'agent') as WorkspaceUser['role'],
  };
}

export function readAudit(value: unknown): AuditEntry {
  const source = isObject(value) ? value : {};
  return {
    id: str(source, 'id') ?? '',
    action: str(source, 'action') ?? '',
    actor: readPerson(source, 'actor') ?? readPerson(source, 'actorId'),
    targetType: str(obj(source, 'target') ?? {}, 'type') ?? str(source, 'targetType'),
    targetId: str(obj(source, 'target') ?? {}, 'id') ?? str(source, 'targetId'),
    at: str(source, 'at', 'createdAt') ?? '',
    details: obj(source, 'details') ?? {},
  };
}

function counts(value: unknown): Record<string, number> {
  return isObject(value) ? Object.fromEntries(Object.entries(value).map(([key, n]) => [key, Number(n) || 0])) : {};
}

function readDurations(value: unknown): Stats['firstResponse'] {
  const source = isObject(value) ? value : {};
  return { count: num(source, 'count') ?? 0, medianSeconds: num(source, 'medianSeconds'), p90Seconds: num(source, 'p90Seconds') };
}

export function readStats(value: unknown): Stats {
  const source = isObject(value) ? value : {};
  const totals = obj(source, 'totals') ?? {};
  const sla = obj(obj(source, 'sla') ?? {}, 'firstResponse') ?? {};
  const staff = obj(source, 'staffInattention') ?? {};
  const series: StatsBucket[] = list(source, 'series')
    .filter(isObject)
    .map((row) => ({
      at: str(row, 'bucket', 'at') ?? '',
      total: num(row, 'total') ?? 0,
      cause: counts(pick(row, 'cause')),
      severity: counts(pick(row, 'severity')),
      channel: counts(pick(row, 'channel')),
      intent: counts(pick(row, 'intent')),
    }));
  return {
    from: str(source, 'from') ?? '',
    to: str(source, 'to') ?? '',
    bucket: str(source, 'bucket') ?? 'day',
    totals: { mentions: num(totals, 'mentions') ?? 0, answered: num(totals, 'answered') ?? 0, resolved: num(totals, 'resolved') ?? 0 },
    series,
    firstResponse: readDurations(pick(source, 'firstResponse')),
    resolution: readDurations(pick(source, 'resolution')),
    slaCompliance: num(sla, 'compliance'),
    slaDue: num(sla, 'due') ?? 0,
    slaMet: num(sla, 'met') ?? 0,
    staffInattentionShare: num(staff, 'share'),
    staffInattentionCount: num(staff, 'count') ?? 0,
  };
}
