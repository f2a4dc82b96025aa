import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@otklik/persistence';
import type { AuthUser } from './auth-user';

export const IS_PUBLIC = 'otklik:public';
export const REQUIRED_ROLES = 'otklik:roles';
export const QUERY_TOKEN_ALLOWED = 'otklik:query-token';

/** No authentication on this handler or controller (health, login, refresh). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The caller's role in the current workspace must be one of these (admin always passes). */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * Accept `?access_token=` as well as the header. Only for EventSource endpoints: browsers cannot set headers
 * there, and tokens in URLs end up in logs, so nowhere else.
 */
export const AllowQueryToken = () => SetMetadata(QUERY_TOKEN_ALLOWED, true);

/** Set by the guard (the slot is declared on every request in main.ts: `decorateRequest('authUser', null)`). */
export type AuthenticatedRequest = FastifyRequest & { authUser?: AuthUser | null };

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.authUser) throw new Error('@CurrentUser() used on a @Public() handler');
  return request.authUser;
});
