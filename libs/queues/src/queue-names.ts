/**
 * The whole queue contract in one place: queue names (stable strings, they are Redis keys and PostgreSQL
 * rows) and the payload of each job. Producers and processors import these; nothing else spells a name.
 */
export enum QueueName {
  /** One job scheduler per enabled source emits `poll` jobs. */
  Poll = 'poll',
  /** Wake-ups: label the workspace's ingested mentions, in arrival order. */
  Classify = 'classify',
  /** Wake-ups: priority, SLA, inbox events for the workspace's classified mentions. */
  Route = 'route',
  /** Send an accepted reply through its connector. */
  Send = 'send',
  /** Deliver an alert to a notification channel. */
  Notify = 'notify',
}

export const ALL_QUEUES: QueueName[] = Object.values(QueueName);

export enum JobName {
  PollSource = 'poll-source',
  ClassifyWorkspace = 'classify-workspace',
  RouteWorkspace = 'route-workspace',
  SendReply = 'send-reply',
  DeliverAlert = 'deliver-alert',
}

/** Each job name tied to its payload type. */
export type JobPayload =
  | { name: JobName.PollSource; data: { sourceId: string } }
  | { name: JobName.ClassifyWorkspace; data: { workspaceId: string } }
  | { name: JobName.RouteWorkspace; data: { workspaceId: string } }
  | { name: JobName.SendReply; data: { replyId: string } }
  | { name: JobName.DeliverAlert; data: { alertId: string; channelId: string } };

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.PollSource]: QueueName.Poll,
  [JobName.ClassifyWorkspace]: QueueName.Classify,
  [JobName.RouteWorkspace]: QueueName.Route,
  [JobName.SendReply]: QueueName.Send,
  [JobName.DeliverAlert]: QueueName.Notify,
};

export function parseQueueList(names: string[]): QueueName[] {
  if (names.length === 0) return ALL_QUEUES;
  const unknown = names.filter((name) => !(ALL_QUEUES as string[]).includes(name));
  if (unknown.length > 0) throw new Error(`OTKLIK_WORKER_QUEUES: unknown queue ${unknown.join(', ')} (queues: ${ALL_QUEUES.join(', ')})`);
  return names as QueueName[];
}

/** Retries with exponential backoff for every job; failed jobs stay visible (dead-letter state) for a week. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const;
