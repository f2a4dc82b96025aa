/**
 * The incident lifecycle (as on public status pages): investigating → identified → monitoring → resolved.
 * Moving forward may skip steps (a fix found and deployed at once); the only ways back are a fix that did not
 * hold (monitoring → identified or investigating) and reopening a resolved incident (→ investigating).
 */
import { INCIDENT_STATUSES, type IncidentStatus } from '@otklik/persistence';

const BACKWARD: Record<IncidentStatus, readonly IncidentStatus[]> = {
  investigating: [],
  identified: ['investigating'],
  monitoring: ['identified', 'investigating'],
  resolved: ['investigating'],
};

export function isIncidentStatus(value: unknown): value is IncidentStatus {
  return typeof value === 'string' && (INCIDENT_STATUSES as readonly string[]).includes(value);
}

export function allowedTransitions(from: IncidentStatus): IncidentStatus[] {
  const rank = INCIDENT_STATUSES.indexOf(from);
  return [...INCIDENT_STATUSES.filter((_, index) => index > rank), ...BACKWARD[from]];
}

/** Null when the move is allowed, else why not. */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus): string | null {
  if (from === to) return `the incident is already ${to}`;
  const allowed = allowedTransitions(from);
  return allowed.includes(to) ? null : `an incident cannot go from ${from} to ${to} (from ${from}: ${allowed.join(', ') || 'nowhere'})`;
}
