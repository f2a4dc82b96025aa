import type { Role } from '@otklik/persistence';

/** Who is calling, in which workspace, with which role: what every handler gets from @CurrentUser(). */
export interface AuthUser {
  userId: string;
  workspaceId: string;
  role: Role;
  email: string;
  displayName: string;
  locale: string;
  /** Set when the caller is an integration key (acting as the user who created it, with the key's role). */
  apiKeyId?: string;
}
