/** Api payloads shaped like apps/api's views (mention-views.ts, mention-detail.service.ts). */
export function listItem(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    channel: 'x',
    lang: 'en',
    text: `Mention ${id}: the app charged me twice`,
    url: null,
    isPrivate: false,
    publishedAt: '2026-03-01T08:00:00.000Z',
    waitingSeconds: 600,
    status: 'new',
    priority: 2000,
    labels: { intent: 'problem', cause: 'product_defect', severity: 'high', sentiment: 'negative', pii: [], criticalData: false },
    author: { id: `a-${id}`, handle: `customer_${id}`, followers: 1200, verified: false, kind: 'person' },
    brandId: null,
    threadId: `t-${id}`,
    incidentId: null,
    campaignId: null,
    assigneeId: null,
    claim: null,
    snoozedUntil: null,
    firstResponseAt: null,
    sla: { dueAt: '2099-03-01T09:00:00.000Z', doneAt: null, state: 'ok', remainingSeconds: 3600 },
    ...overrides,
  };
}

export function detail(id: string, overrides: Record<string, unknown> = {}) {
  return {
    ...listItem(id),
    externalId: `ext-${id}`,
    inReplyTo: null,
    explanations: { cause: ['a payment failed twice'], severity: ['money lost'] },
    confidence: { cause: 0.8 },
    assignee: null,
    incident: null,
    campaign: null,
    thread: {
      id: `t-${id}`,
      externalId: 'x',
      mentionCount: 1,
      escalationLevel: null,
      lastActivityAt: null,
      root: null,
      parents: [],
      siblings: [],
      replies: [],
    },
    authorHistory: {
      summary: { earlier: 0, unanswered: 0, answeredLate: 0, longestWaitSeconds: null, medianWaitSeconds: null, cases: 0 },
      mentions: [],
    },
    notes: [],
    replies: [],
    case: null,
    slaClocks: {
      firstResponse: { dueAt: '2099-03-01T09:00:00.000Z', doneAt: null, state: 'ok', remainingSeconds: 3600 },
      resolution: { dueAt: null, doneAt: null, state: 'ok', remainingSeconds: null },
    },
    ...overrides,
  };
}
