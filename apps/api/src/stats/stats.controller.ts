import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsIn, IsOptional } from 'class-validator';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { StatsService, type Stats } from './stats.service';

export class StatsQuery {
  @ApiPropertyOptional({ description: 'ISO 8601, inclusive; default: 7 days before `to`' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601, exclusive; default: now' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ enum: ['hour', 'day'], default: 'day' })
  @IsOptional()
  @IsIn(['hour', 'day'], { message: 'must be hour or day' })
  bucket?: 'hour' | 'day';
}

@ApiTags('stats')
@ApiBearerAuth()
@Roles('lead', 'pr', 'admin')
@Controller('api/stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get()
  @ApiOperation({
    summary:
      'Volume by cause, intent, severity and channel over time (buckets in the workspace time zone); first-response and resolution time (median, p90); SLA compliance; the share of staff_inattention.',
  })
  get(@Query() query: StatsQuery, @CurrentUser() user: AuthUser): Promise<Stats> {
    return this.stats.compute(user.workspaceId, query);
  }
}
