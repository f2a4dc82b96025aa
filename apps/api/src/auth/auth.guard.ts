/**
 * The global guard: every route needs `Authorization: Bearer <access token>` or `X-Api-Key: <key>` unless it
 * is @Public(); @Roles() then checks the caller's role in the token's workspace. The role is re-read from
 * membership (briefly cached), so a removed member loses access within seconds. The caller's language is the one
 * the request asks for in `Accept-Language` (the web inbox sends its interface language), else the account's.
 */
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@otklik/persistence';
import { forbidden, unauthorized } from '../http/problem';
import { AccessTokenService } from './access-token.service';
import { ApiKeyService } from './api-key.service';
import { IS_PUBLIC, QUERY_TOKEN_ALLOWED, REQUIRED_ROLES, type AuthenticatedRequest } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { MembershipCache } from './membership-cache';
import { preferredLocale } from './request-locale';

const REASONS = {
  malformed: 'the access token is malformed',
  signature: 'the access token signature is not valid',
  expired: 'the access token has expired; refresh it',
} as const;

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
    private readonly apiKeys: ApiKeyService,
    private readonly memberships: MembershipCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const authenticated = await this.authenticate(request, this.reflector.getAllAndOverride<boolean>(QUERY_TOKEN_ALLOWED, targets) === true);
    // The language the request asks for (the web inbox's interface language) before the account's.
    const asked = preferredLocale(request.headers['accept-language']);
    const user = asked && asked !== authenticated.locale ? { ...authenticated, locale: asked } : authenticated;
    request.authUser = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && roles.length > 0 && user.role !== 'admin' && !roles.includes(user.role)) {
      throw forbidden(`this action needs the role ${roles.join(' or ')}; your role in this workspace is ${user.role}`);
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, queryTokenAllowed: boolean): Promise<AuthUser> {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.length > 0) {
      const user = await this.apiKeys.authenticate(apiKey.trim());
      if (!user) throw unauthorized('the API key is unknown or revoked');
      return user;
    }
    let token: string | null = null;
    const header = request.headers.authorization;
    if (typeof header === 'string' && header.length > 0) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      if (!match) throw unauthorized('the Authorization header must be "Bearer <access token>"');
      token = match[1]!;
    } else if (queryTokenAllowed) {
      const query = (request.query as Record<string, unknown>).access_token;
      if (typeof query === 'string') token = query;
    }
    if (!token) throw unauthorized('authentication required: send "Authorization: Bearer <access token>" or "X-Api-Key: <key>"');
    const check = this.tokens.verify(token);
    if (!check.ok) throw unauthorized(REASONS[check.reason]);
    const { claims } = check;
    const role = await this.memberships.roleOf(claims.sub, claims.ws);
    if (!role) throw unauthorized('you are no longer a member of this workspace');
    return { userId: claims.sub, workspaceId: claims.ws, role, email: claims.email, displayName: claims.name, locale: claims.locale };
  }
}
