/**
 * Authentication and authorisation for the API. Everything is authenticated by default (global AuthGuard);
 * use @Public() to opt out, @Roles('lead', 'admin') to restrict (admin passes every check), and
 * @CurrentUser() for `{ userId, workspaceId, role, email, displayName, locale, apiKeyId? }`. Scope every query
 * by `user.workspaceId`: another workspace's object is a 404. AuditService.record(...) writes audit_log.
 */
export { AuthModule } from './auth.module';
export { AuthGuard } from './auth.guard';
export { AllowQueryToken, CurrentUser, Public, Roles, type AuthenticatedRequest } from './auth.decorators';
export type { AuthUser } from './auth-user';
export { AuditService, type AuditTarget } from './audit.service';
export { AccessTokenService } from './access-token.service';
export { MembershipCache } from './membership-cache';
