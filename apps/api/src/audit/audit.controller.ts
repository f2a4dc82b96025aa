import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { queryInteger } from '../http/query-params';

export class AuditQuery {
  @ApiPropertyOptional({ description: 'Exact action (login.failed, reply.override, ...) or a prefix ending with "." (reply.)' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  actorId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 50)
  targetType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 100)
  targetId?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, inclusive' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @queryInteger()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,17}$/, { message: 'is not a cursor returned by this endpoint' })
  cursor?: string;
}

interface AuditRow {
  id: string;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown>;
  at: Date;
}

@ApiTags('audit')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({
    summary: 'The audit log of the workspace, newest first (admin): logins, replies, overrides, approvals, assignments, settings.',
  })
  async list(@Query() query: AuditQuery, @CurrentUser() user: AuthUser): Promise<unknown> {
    const limit = query.limit ?? 100;
    const values: unknown[] = [user.workspaceId];
    const where = ['l.workspace_id = $1'];
    const add = (condition: (param: string) => string, value: unknown) => {
      values.push(value);
      where.push(condition(`$${values.length}`));
    };
    if (query.action) {
      if (query.action.endsWith('.')) add((p) => `starts_with(l.action, ${p})`, query.action);
      else add((p) => `l.action = ${p}`, query.action);
    }
    if (query.actorId) add((p) => `l.actor_id = ${p}`, query.actorId);
    if (query.targetType) add((p) => `l.target_type = ${p}`, query.targetType);
    if (query.targetId) add((p) => `l.target_id = ${p}`, query.targetId);
    if (query.from) add((p) => `l.at >= ${p}`, query.from);
    if (query.to) add((p) => `l.at < ${p}`, query.to);
    if (query.cursor) add((p) => `l.id < ${p}`, query.cursor);
    values.push(limit + 1);
    const rows = (await this.dataSource.query(
      `SELECT l.id::text, l.actor_id, u.display_name AS actor_name, l.action, l.target_type, l.target_id, l.details, l.at
         FROM audit_log l LEFT JOIN app_user u ON u.id = l.actor_id WHERE ${where.join(' AND ')} ORDER BY l.id DESC LIMIT $${values.length}`,
      values,
    )) as AuditRow[];
    const page = rows.slice(0, limit);
    return {
      items: page.map((row) => ({
        id: row.id,
        actor: row.actor_id ? { id: row.actor_id, displayName: row.actor_name } : null,
        action: row.action,
        target: row.target_type ? { type: row.target_type, id: row.target_id } : null,
        details: row.details,
        at: row.at.toISOString(),
      })),
      nextCursor: rows.length > limit ? page.at(-1)!.id : null,
    };
  }
}
