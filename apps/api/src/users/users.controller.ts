import { Body, Controller, Get, HttpStatus, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import { generatePassword, hashPassword, ROLES, type Role } from '@otklik/persistence';
import { AuditService, CurrentUser, MembershipCache, Roles, type AuthUser } from '../auth';
import { uuidParam } from '../http/params';
import { conflict, notFound, ProblemException } from '../http/problem';

export class InviteUserDto {
  @ApiProperty({ example: 'new.agent@example.com' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'Anna Petrova' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;

  @ApiPropertyOptional({ enum: ['ru', 'en'], default: 'ru' })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'must be ru or en' })
  locale?: 'ru' | 'en';
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as unknown as string[], { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;
}

interface MemberRow {
  id: string;
  email: string;
  display_name: string;
  locale: string;
  role: Role;
  locked_until: Date | null;
  created_at: Date;
}

function memberView(row: MemberRow) {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    role: row.role,
    lockedUntil: row.locked_until?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly memberships: MembershipCache,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Members of the workspace with their roles.' })
  async list(@CurrentUser() user: AuthUser): Promise<unknown[]> {
    const rows = (await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.locale, m.role, CASE WHEN u.locked_until > now() THEN u.locked_until END AS locked_until, u.created_at
         FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.workspace_id = $1 ORDER BY u.display_name, u.id`,
      [user.workspaceId],
    )) as MemberRow[];
    return rows.map(memberView);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Invite a user with a role (admin). A new account gets a one-time password, shown only in this response.' })
  async invite(@Body() body: InviteUserDto, @CurrentUser() user: AuthUser): Promise<unknown> {
    const email = body.email.trim().toLowerCase();
    const result = await this.dataSource.transaction(async (manager) => {
      const [existing] = (await manager.query('SELECT id FROM app_user WHERE email = $1 FOR UPDATE', [email])) as { id: string }[];
      let userId = existing?.id;
      let oneTimePassword: string | null = null;
      if (!userId) {
        oneTimePassword = generatePassword();
        const [created] = (await manager.query(
          `INSERT INTO app_user (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4) RETURNING id`,
          [email, body.displayName, await hashPassword(oneTimePassword), body.locale ?? 'ru'],
        )) as { id: string }[];
        userId = created!.id;
      }
      const inserted = await manager.query(
        `INSERT INTO membership (user_id, workspace_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING user_id`,
        [userId, user.workspaceId, body.role],
      );
      if (inserted.length === 0) throw conflict('already-member', `${email} is already a member of this workspace`);
      await this.audit.record(
        user.workspaceId,
        user.userId,
        'user.invited',
        { type: 'user', id: userId },
        { email, role: body.role, newAccount: oneTimePassword !== null },
        manager,
      );
      return { userId: userId!, oneTimePassword };
    });
    this.memberships.forget(result.userId, user.workspaceId);
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.locale, m.role, NULL::timestamptz AS locked_until, u.created_at FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [user.workspaceId, result.userId],
    )) as MemberRow[];
    return { user: memberView(row!), oneTimePassword: result.oneTimePassword };
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: "Change a member's role (admin; audited). The last admin cannot be demoted." })
  async changeRole(@Param('id', uuidParam()) id: string, @Body() body: ChangeRoleDto, @CurrentUser() user: AuthUser): Promise<unknown> {
    const before = await this.dataSource.transaction(async (manager) => {
      // Locks every admin row of the workspace, so two demotions at once cannot remove the last admin.
      const admins = (await manager.query(`SELECT user_id FROM membership WHERE workspace_id = $1 AND role = 'admin' FOR UPDATE`, [
        user.workspaceId,
      ])) as { user_id: string }[];
      const [member] = (await manager.query('SELECT role FROM membership WHERE workspace_id = $1 AND user_id = $2 FOR UPDATE', [
        user.workspaceId,
        id,
      ])) as { role: Role }[];
      if (!member) throw notFound('member', id);
      if (member.role === 'admin' && body.role !== 'admin' && admins.length <= 1) {
        throw new ProblemException(HttpStatus.CONFLICT, 'last-admin', 'the workspace needs at least one admin: promote someone else first');
      }
      await manager.query('UPDATE membership SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [user.workspaceId, id, body.role]);
      await this.audit.record(
        user.workspaceId,
        user.userId,
        'user.role_changed',
        { type: 'user', id },
        { from: member.role, to: body.role },
        manager,
      );
      return member.role;
    });
    this.memberships.forget(id, user.workspaceId);
    return { id, role: body.role, previousRole: before };
  }
}
