/**
 * Login, refresh-token rotation, logout and workspace switching.
 * - Passwords: scrypt (libs/persistence). Unknown emails still pay one scrypt, so timing does not reveal them.
 * - Lockout: LOCK_AFTER consecutive failures lock the account for LOCK_MINUTES (durable, in app_user); a
 *   per-address limiter (memory) slows spraying across accounts.
 * - Refresh tokens: random, stored as SHA-256, single use. A used (rotated) token presented again means it
 *   was copied: its whole family is revoked and the holder must log in again.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { hashPassword, verifyPassword, type Role } from '@otklik/persistence';
import { ProblemException, unauthorized } from '../http/problem';
import { queryRows } from '../http/sql-rows';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenService } from './access-token.service';
import { AuditService } from './audit.service';
import type { TokenPairView, UserView, WorkspaceView } from './auth.dto';
import { LoginRateLimiter } from './login-rate-limiter';

export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  locale: string;
  password_hash: string;
  locked_until: Date | null;
}

interface MembershipRow {
  workspace_id: string;
  name: string;
  slug: string;
  role: Role;
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function userView(row: Pick<UserRow, 'id' | 'email' | 'display_name' | 'locale'>): UserView {
  return { id: row.id, email: row.email, displayName: row.display_name, locale: row.locale };
}

function workspaceView(row: MembershipRow): WorkspaceView {
  return { id: row.workspace_id, name: row.name, slug: row.slug, role: row.role };
}

@Injectable()
export class AuthService {
  readonly limiter = new LoginRateLimiter();
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditService,
  ) {}

  async memberships(userId: string, manager: EntityManager = this.dataSource.manager): Promise<MembershipRow[]> {
    return manager.query(
      `SELECT m.workspace_id, w.name, w.slug, m.role FROM membership m JOIN workspace w ON w.id = m.workspace_id
        WHERE m.user_id = $1 ORDER BY w.created_at, w.id`,
      [userId],
    );
  }

  async login(emailInput: string, password: string, address: string, workspaceId?: string): Promise<TokenPairView> {
    const retryAfterMs = this.limiter.retryAfterMs(address);
    if (retryAfterMs > 0) {
      const seconds = Math.ceil(retryAfterMs / 1000);
      throw new ProblemException(
        HttpStatus.TOO_MANY_REQUESTS,
        'login-rate-limited',
        `too many failed logins from this address; try again in ${seconds} s`,
        {
          retryAfterSeconds: seconds,
          headers: { 'Retry-After': String(seconds) },
        },
      );
    }
    const email = emailInput.trim().toLowerCase();
    const [user] = (await this.dataSource.query(
      `SELECT id, email, display_name, locale, password_hash, CASE WHEN locked_until > now() THEN locked_until END AS locked_until FROM app_user WHERE email = $1`,
      [email],
    )) as UserRow[];
    if (!user) {
      this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
      await verifyPassword(password, await this.dummyHash);
      this.limiter.recordFailure(address);
      await this.audit.record(null, null, 'login.failed', null, { email, address, reason: 'unknown email' });
      throw unauthorized('the email or the password is wrong');
    }
    const memberships = await this.memberships(user.id);
    if (user.locked_until) {
      this.limiter.recordFailure(address);
      await this.recordForUser(memberships, user.id, 'login.failed', { email, address, reason: 'locked' });
      throw this.locked(user.locked_until);
    }
    if (!(await verifyPassword(password, user.password_hash))) {
      this.limiter.recordFailure(address);
      const [result] = await queryRows<{ locked_until: Date | null }>(
        this.dataSource,
        `UPDATE app_user
            SET failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
                locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
          WHERE id = $1 RETURNING locked_until`,
        [user.id, LOCK_AFTER, LOCK_MINUTES],
      );
      const nowLocked = result?.locked_until && result.locked_until.getTime() > Date.now() ? result.locked_until : null;
      await this.recordForUser(memberships, user.id, 'login.failed', {
        email,
        address,
        reason: 'wrong password',
        locked: Boolean(nowLocked),
      });
      if (nowLocked) throw this.locked(nowLocked);
      throw unauthorized('the email or the password is wrong');
    }
    this.limiter.recordSuccess(address);
    await this.dataSource.query(
      'UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = $1 AND (failed_logins <> 0 OR locked_until IS NOT NULL)',
      [user.id],
    );
    const workspace = workspaceId ? memberships.find((membership) => membership.workspace_id === workspaceId) : memberships[0];
    if (!workspace) {
      await this.recordForUser(memberships, user.id, 'login.failed', { email, address, reason: 'no workspace' });
      throw new ProblemException(
        HttpStatus.FORBIDDEN,
        'no-workspace',
        workspaceId
          ? `you are not a member of workspace ${workspaceId}`
          : 'your account is not a member of any workspace yet; ask an admin to add you',
      );
    }
    await this.audit.record(workspace.workspace_id, user.id, 'login.succeeded', { type: 'user', id: user.id }, { address });
    return this.issue(user, workspace, randomUUID(), this.dataSource.manager);
  }

  async refresh(refreshToken: string): Promise<TokenPairView> {
    return this.dataSource
      .transaction(async (manager) => {
        const [row] = (await manager.query(
          `SELECT id, user_id, workspace_id, family_id, expires_at, rotated_at, revoked_at FROM refresh_token WHERE token_hash = $1 FOR UPDATE`,
          [hashRefreshToken(refreshToken)],
        )) as {
          id: string;
          user_id: string;
          workspace_id: string;
          family_id: string;
          expires_at: Date;
          rotated_at: Date | null;
          revoked_at: Date | null;
        }[];
        if (!row) throw unauthorized('the refresh token is unknown');
        if (row.revoked_at) throw unauthorized('the refresh token has been revoked; log in again');
        if (row.rotated_at) {
          await manager.query('UPDATE refresh_token SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL', [row.family_id]);
          await this.audit.record(
            row.workspace_id,
            row.user_id,
            'auth.refresh_reused',
            { type: 'user', id: row.user_id },
            { familyId: row.family_id },
            manager,
          );
          // The revocation must survive the 401 below, so it is committed by returning normally first.
          return null;
        }
        if (row.expires_at.getTime() <= Date.now()) throw unauthorized('the refresh token has expired; log in again');
        const [user] = (await manager.query('SELECT id, email, display_name, locale FROM app_user WHERE id = $1', [
          row.user_id,
        ])) as UserRow[];
        const membership = (await this.memberships(row.user_id, manager)).find((item) => item.workspace_id === row.workspace_id);
        if (!user || !membership) throw unauthorized('you are no longer a member of this workspace; log in again');
        await manager.query('UPDATE refresh_token SET rotated_at = now() WHERE id = $1', [row.id]);
        return this.issue(user, membership, row.family_id, manager);
      })
      .then((pair) => {
        if (!pair) throw unauthorized('the refresh token was already used; every session of this login has been revoked, log in again');
        return pair;
      });
  }

  /** Revokes the token's whole family (this login on this device). Unknown tokens are ignored: logout is idempotent. */
  async logout(refreshToken: string): Promise<void> {
    const [first] = await queryRows<{ user_id: string; workspace_id: string }>(
      this.dataSource,
      `UPDATE refresh_token SET revoked_at = now() WHERE family_id = (SELECT family_id FROM refresh_token WHERE token_hash = $1) AND revoked_at IS NULL
       RETURNING user_id, workspace_id`,
      [hashRefreshToken(refreshToken)],
    );
    if (first) await this.audit.record(first.workspace_id, first.user_id, 'logout', { type: 'user', id: first.user_id });
  }

  /** A new token pair for another workspace of the same user; null when the user is not a member there. */
  async switchWorkspace(userId: string, workspaceId: string): Promise<TokenPairView | null> {
    const [user] = (await this.dataSource.query('SELECT id, email, display_name, locale FROM app_user WHERE id = $1', [
      userId,
    ])) as UserRow[];
    const membership = (await this.memberships(userId)).find((item) => item.workspace_id === workspaceId);
    if (!user || !membership) return null;
    await this.audit.record(workspaceId, userId, 'auth.switch_workspace', { type: 'workspace', id: workspaceId });
    return this.issue(user, membership, randomUUID(), this.dataSource.manager);
  }

  private async issue(
    user: Pick<UserRow, 'id' | 'email' | 'display_name' | 'locale'>,
    membership: MembershipRow,
    familyId: string,
    manager: EntityManager,
  ): Promise<TokenPairView> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.query(
      `INSERT INTO refresh_token (user_id, workspace_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
      [user.id, membership.workspace_id, familyId, hashRefreshToken(refreshToken), REFRESH_TOKEN_TTL_SECONDS],
    );
    const accessToken = this.tokens.sign({
      sub: user.id,
      ws: membership.workspace_id,
      role: membership.role,
      email: user.email,
      name: user.display_name,
      locale: user.locale,
    });
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: REFRESH_TOKEN_TTL_SECONDS,
      user: userView(user),
      workspace: workspaceView(membership),
    };
  }

  private locked(until: Date): ProblemException {
    const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    return new ProblemException(
      HttpStatus.LOCKED,
      'account-locked',
      `too many failed logins: the account is locked until ${until.toISOString()}`,
      {
        lockedUntil: until.toISOString(),
        headers: { 'Retry-After': String(seconds) },
      },
    );
  }

  private async recordForUser(
    memberships: MembershipRow[],
    userId: string,
    action: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    // Each workspace's admins see the attempts on their members; a user without a workspace is logged globally.
    const targets = memberships.length > 0 ? memberships.map((membership) => membership.workspace_id) : [null];
    for (const workspaceId of targets) await this.audit.record(workspaceId, userId, action, { type: 'user', id: userId }, details);
  }

  async me(userId: string): Promise<{ user: UserView; memberships: WorkspaceView[] } | null> {
    const [user] = (await this.dataSource.query('SELECT id, email, display_name, locale FROM app_user WHERE id = $1', [
      userId,
    ])) as UserRow[];
    if (!user) return null;
    return { user: userView(user), memberships: (await this.memberships(userId)).map(workspaceView) };
  }
}
