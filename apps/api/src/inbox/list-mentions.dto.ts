import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { CAUSES, CHANNELS, INTENTS, SEVERITIES } from '@otklik/domain';
import { MENTION_STATUSES } from '@otklik/persistence';
import { queryInteger, queryList } from '../http/query-params';

export const SLA_FILTERS = ['ok', 'due_soon', 'breached'] as const;
export const SNOOZE_FILTERS = ['exclude', 'include', 'only'] as const;

export class MentionFiltersQuery {
  @ApiPropertyOptional({
    description: `Comma-separated; default new,open,pending. Any of ${MENTION_STATUSES.join(', ')}.`,
    example: 'new,open',
  })
  @IsOptional()
  @queryList()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(MENTION_STATUSES as unknown as string[], { each: true, message: `each value must be one of ${MENTION_STATUSES.join(', ')}` })
  status?: string[];

  @ApiPropertyOptional({ description: `Comma-separated: ${SEVERITIES.join(', ')}` })
  @IsOptional()
  @queryList()
  @IsArray()
  @IsIn(SEVERITIES as unknown as string[], { each: true, message: `each value must be one of ${SEVERITIES.join(', ')}` })
  severity?: string[];

  @ApiPropertyOptional({ description: `Comma-separated: ${CAUSES.join(', ')}` })
  @IsOptional()
  @queryList()
  @IsArray()
  @IsIn(CAUSES as unknown as string[], { each: true, message: `each value must be one of ${CAUSES.join(', ')}` })
  cause?: string[];

  @ApiPropertyOptional({ description: `Comma-separated: ${INTENTS.join(', ')}` })
  @IsOptional()
  @queryList()
  @IsArray()
  @IsIn(INTENTS as unknown as string[], { each: true, message: `each value must be one of ${INTENTS.join(', ')}` })
  intent?: string[];

  @ApiPropertyOptional({ description: `Comma-separated: ${CHANNELS.join(', ')}` })
  @IsOptional()
  @queryList()
  @IsArray()
  @IsIn(CHANNELS as unknown as string[], { each: true, message: `each value must be one of ${CHANNELS.join(', ')}` })
  channel?: string[];

  @ApiPropertyOptional({ description: 'Comma-separated brand ids' })
  @IsOptional()
  @queryList()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'each value must be a UUID' })
  brand?: string[];

  @ApiPropertyOptional({ description: '"me", "none" or a user id' })
  @IsOptional()
  @IsString()
  @Matches(/^(me|none|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i, { message: 'must be "me", "none" or a user id' })
  assignee?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  incident?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  campaign?: string;

  @ApiPropertyOptional({ enum: SLA_FILTERS, description: 'First-response clock state.' })
  @IsOptional()
  @IsIn(SLA_FILTERS as unknown as string[], { message: `must be one of ${SLA_FILTERS.join(', ')}` })
  sla?: (typeof SLA_FILTERS)[number];

  @ApiPropertyOptional({ description: 'Words to find (Russian or English); each word matches as a prefix.', example: 'оплата карт' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: SNOOZE_FILTERS, description: 'Snoozed mentions: hidden by default.' })
  @IsOptional()
  @IsIn(SNOOZE_FILTERS as unknown as string[], { message: `must be one of ${SNOOZE_FILTERS.join(', ')}` })
  snoozed?: (typeof SNOOZE_FILTERS)[number];
}

export class ListMentionsQuery extends MentionFiltersQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @queryInteger()
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page (opaque).' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  cursor?: string;
}
