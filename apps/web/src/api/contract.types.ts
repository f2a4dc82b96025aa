/**
 * The HTTP contract as the web inbox reads it. The api owns the wire format; `normalise.ts` turns whatever the
 * api sends (field names drift while it is built) into these shapes, so screens depend on one definition.
 */
import type { Cause, Intent, Severity, Sentiment } from '@otklik/labels';
import type { ReplyRuleId, RuleLevel } from '@otklik/reply-rules';

export type Role = 'agent' | 'lead' | 'pr' | 'admin';
export type MentionStatus = 'new' | 'open' | 'pending' | 'resolved' | 'spam' | 'do_not_engage';
export type Visibility = 'public' | 'private';
export type ReplyStatus = 'pending_approval' | 'queued' | 'sent' | 'failed';
export type ReplyVerdict = 'block' | 'warn' | 'ok';

export interface Workspace {
  id: string;
  name: string;
  slug: string;
  role: Role;
}

export interface User {
  id: string;
  email: string;
  displayName: string;
  locale: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: User;
  workspace: Workspace;
}

export interface Me {
  user: User;
  memberships: Workspace[];
  workspace: Workspace;
}

export interface PersonRef {
  id: string;
  displayName: string;
}

export interface AuthorSummary {
  id: string;
  handle: string | null;
  followers: number | null;
  verified: boolean | null;
  kind: string | null;
}

export interface MentionSummary {
  id: string;
  channel: string;
  text: string;
  lang: string | null;
  url: string | null;
  isPrivate: boolean;
  publishedAt: string;
  status: MentionStatus;
  priority: number;
  intent: Intent | null;
  cause: Cause | null;
  severity: Severity | null;
  sentiment: Sentiment | null;
  criticalData: boolean | null;
  slaDueAt: string | null;
  /** ok, due_soon, breached or met, as the api computed it when it answered. */
  slaState: string | null;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  author: AuthorSummary;
  claimedBy: PersonRef | null;
  claimExpiresAt: string | null;
  assignee: PersonRef | null;
  incidentId: string | null;
  campaignId: string | null;
  threadId: string | null;
  inReplyTo: string | null;
}

export interface MentionPage {
  items: MentionSummary[];
  nextCursor: string | null;
  total: number | null;
}

/** Counts per value of each filterable dimension, for the filter sidebar. */
export type Facets = Partial<Record<'severity' | 'cause' | 'intent' | 'channel' | 'status', Record<string, number>>>;

export interface LabelExplanation {
  /** intent, cause, severity, sentiment, pii, critical_data, incident, campaign... */
  name: string;
  value: string | null;
  confidence: number | null;
  reasons: string[];
}

/** Where a post sits relative to the open mention. */
export type ThreadRelation = 'root' | 'parent' | 'current' | 'sibling' | 'reply';

export interface ThreadPost {
  id: string;
  text: string;
  author: AuthorSummary;
  publishedAt: string;
  relation: ThreadRelation;
  fromBrand: boolean;
  isCurrent: boolean;
}

/** How this customer was treated before: the context for staff_inattention (GUIDE §2). */
export interface AuthorHistorySummary {
  earlier: number;
  unanswered: number;
  answeredLate: number;
  longestWaitSeconds: number | null;
  cases: number;
}

export interface Note {
  id: string;
  body: string;
  author: PersonRef | null;
  mentionedUsers: PersonRef[];
  createdAt: string;
}

export interface Reply {
  id: string;
  body: string;
  visibility: Visibility;
  status: ReplyStatus;
  failureReason: string | null;
  author: PersonRef | null;
  createdAt: string;
  sentAt: string | null;
  platformUrl: string | null;
  overrideReason: string | null;
}

export interface CaseInfo {
  id: string;
  mentionId: string | null;
  privateChannel: string;
  status: string;
  ackDueAt: string | null;
  resolutionDueAt: string | null;
  createdAt: string;
  resolvedAt: string | null;
  customerConfirmedAt: string | null;
}

export interface SlaClocks {
  firstResponseDueAt: string | null;
  firstResponseAt: string | null;
  resolutionDueAt: string | null;
  resolvedAt: string | null;
}

export interface MentionDetail extends MentionSummary {
  labels: LabelExplanation[];
  thread: ThreadPost[];
  threadEscalation: string | null;
  authorHistory: MentionSummary[];
  authorCases: CaseInfo[];
  authorSummary: AuthorHistorySummary | null;
  incident: { id: string; title: string; status: string } | null;
  notes: Note[];
  replies: Reply[];
  case: CaseInfo | null;
  sla: SlaClocks;
}

export interface TextSpan {
  start: number;
  end: number;
}

export interface Violation {
  rule: ReplyRuleId | string;
  level: RuleLevel;
  spans: TextSpan[];
  message: string;
}

export interface ReplyCheck {
  verdict: ReplyVerdict;
  violations: Violation[];
  /** The channel's reply length limit, when the check says (null: no limit known). */
  replyMaxLength: number | null;
}

/** POST …/take-private: the case, and the public answer that points the customer to it. */
export interface TakePrivateResult {
  created: boolean;
  directMessage: boolean;
  case: CaseInfo | null;
  publicReply: { text: string; lang: string | null } | null;
}

export interface Suggestion {
  id: string;
  body: string;
  approach: string | null;
  visibility: Visibility | null;
}

/** An overdue mention an SLA digest names. */
export interface SlaDigestMention {
  mentionId: string;
  dueAt: string | null;
  severity: string | null;
  priority: number;
}

/** The mentions of an SLA breach alert: one alert per recipient and check, however many breached. */
export interface SlaDigest {
  stage: 'assignee' | 'lead' | string;
  mentionCount: number;
  /** Every mention, worst first. */
  mentionIds: string[];
  /** The worst few. */
  worst: SlaDigestMention[];
}

export interface Alert {
  id: string;
  kind: string;
  level: string;
  score: number | null;
  reasons: string[];
  title: string | null;
  threadId: string | null;
  incidentId: string | null;
  mentionId: string | null;
  slaDigest: SlaDigest | null;
  alertedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: PersonRef | null;
}

export interface Place {
  id: string;
  ru: string;
  en: string;
}

export interface Incident {
  id: string;
  title: string;
  status: 'investigating' | 'identified' | 'monitoring' | 'resolved' | string;
  /** Where the status may go from here (the api validates the order). */
  nextStatuses: string[];
  scope: string;
  places: Place[];
  affectedCount: number;
  knownAffected: number | null;
  mentionCount: number | null;
  velocityPerHour: number | null;
  velocityTrend: string | null;
  criticalData: boolean;
  eta: string | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  resolvedAt: string | null;
}

export interface MediaEstimate {
  horizon: string | null;
  expectedFrom: string | null;
  expectedBy: string | null;
  responseWindowHours: [number, number] | null;
  explanation: string[];
}

export interface IncidentDetail extends Incident {
  scopeExplanation: string[];
  timeline: { at: string; count: number; authors: number | null }[];
  media: MediaEstimate | null;
  mentions: MentionSummary[];
  openAlerts: number;
}

/** GET /api/incidents/:id/statements (GUIDE §5: the "fixed" and the "not yet fixed, expected by" statements). */
export interface IncidentStatements {
  fixed: { ru: string; en: string };
  notFixed: { ru: string; en: string };
  recommended: 'fixed' | 'notFixed';
  warnings: string[];
}

export interface SourceInfo {
  id: string;
  channel: string;
  name: string;
  enabled: boolean;
  health: string;
  lastError: string | null;
  lastPollAt: string | null;
  pausedUntil: string | null;
  mentionsIngested: number;
  deadLetters: number;
  brand: { id: string; name: string; aliases: string[]; exclusions: string[] } | null;
  options: Record<string, unknown>;
  /** Names of the secrets that are set (values never leave the server). */
  credentialsSet: string[];
  pollIntervalMs: number | null;
  webhookPath: string | null;
}

export interface NotificationChannel {
  id: string;
  kind: string;
  name: string;
  enabled: boolean;
  settings: Record<string, unknown>;
  /** For each secret setting, whether it is set. */
  secrets: Record<string, boolean>;
  routes: { kinds: string[]; minLevel: string | null };
  lastDelivery: { status: string; lastError: string | null; at: string } | null;
}

export interface WorkspaceUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: PersonRef | null;
  targetType: string | null;
  targetId: string | null;
  at: string;
  details: Record<string, unknown>;
}

export interface ReplyPolicySettings {
  enabledWarnRules: string[];
  bannedPhrases: string[];
  stockPhrases: string[];
  privateContact: string | null;
  [key: string]: unknown;
}

export interface SlaPolicy {
  slaFirstResponseMinutes: Record<Severity, number>;
  slaResolutionMinutes: Record<Severity, number>;
  slaDueSoonMinutes: number;
  timeZone: string;
  replyPolicy: ReplyPolicySettings;
  [key: string]: unknown;
}

/** One bucket of the dashboard series: counts per value of each dimension. */
export interface StatsBucket {
  at: string;
  total: number;
  cause: Record<string, number>;
  severity: Record<string, number>;
  channel: Record<string, number>;
  intent: Record<string, number>;
}

export interface Durations {
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export interface Stats {
  from: string;
  to: string;
  bucket: string;
  totals: { mentions: number; answered: number; resolved: number };
  series: StatsBucket[];
  firstResponse: Durations;
  resolution: Durations;
  slaCompliance: number | null;
  slaDue: number;
  slaMet: number;
  staffInattentionShare: number | null;
  staffInattentionCount: number;
}

/** One mention's outcome in POST /api/mentions/bulk: done, or the problem that stopped it. */
export interface BulkItemResult {
  id: string;
  ok: boolean;
  /** For a failure: the problem type's short code (claimed, invalid-transition, not-found...). */
  code: string | null;
  detail: string | null;
  /** Who holds the claim, when that is why it failed. */
  holder: string | null;
}

export interface BulkReport {
  results: BulkItemResult[];
  succeeded: number;
  failed: number;
}

/** A source setting or secret as GET /api/sources/capabilities describes it (apps/api channel-requirements.ts). */
export interface SourceField {
  name: string;
  type: 'text' | 'url' | 'number' | 'boolean' | 'list' | 'choice';
  secret: boolean;
  required: boolean;
  oneOf: string[];
  values: string[];
  /** A credential the form may read from a file of these types (an `accept` list); null when typed only. */
  fromFile: string | null;
}

export interface ChannelSpec {
  channel: string;
  poll: boolean;
  push: boolean;
  options: SourceField[];
  credentials: SourceField[];
}

/** A notification channel setting (GET /api/notification-channels/kinds). */
export interface ChannelKindField {
  name: string;
  type: string;
  required: boolean;
  secret: boolean;
}

export interface ChannelKind {
  kind: string;
  fields: ChannelKindField[];
}

/** POST /api/sources/:id/test and POST /api/notification-channels/:id/test. */
export interface ConnectionTest {
  ok: boolean;
  kind: string | null;
  message: string;
}

/** An SSE inbox event (libs/queues inbox-events.ts). */
export interface InboxEvent {
  type: 'mention.new' | 'mention.updated' | 'mention.claimed' | 'mention.replied' | 'alert.new' | string;
  ids: string[];
  at: string;
  actor?: string | null;
}
