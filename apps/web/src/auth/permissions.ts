/**
 * Which controls to offer to which role. The api enforces every one of these (its @Roles on each endpoint;
 * an admin may do everything); the UI only avoids offering what would be refused.
 */
import type { Role } from '../api/contract.types';

const RULES = {
  assign: ['lead'],
  viewStats: ['lead', 'pr'],
  manageIncidents: ['lead', 'pr'],
  approveReplies: ['pr'],
  overridePolicy: ['lead', 'pr'],
  openAdmin: ['lead'],
  manageUsers: [],
  manageSources: [],
  viewAudit: [],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof RULES;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return role === 'admin' || (RULES[permission] as readonly Role[]).includes(role);
}
