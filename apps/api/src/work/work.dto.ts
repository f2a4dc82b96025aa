import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
} from 'class-validator';
import { MENTION_STATUSES, type MentionStatus } from '@otklik/persistence';

export class AssignDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'The new assignee (a member of the workspace), or null to unassign.' })
  @ValidateIf((_, value) => value !== null)
  @IsUUID('all', { message: 'must be a UUID or null' })
  userId: string | null;
}

export class UpdateMentionDto {
  @ApiPropertyOptional({ enum: MENTION_STATUSES })
  @IsOptional()
  @IsIn(MENTION_STATUSES as unknown as string[], { message: `must be one of ${MENTION_STATUSES.join(', ')}` })
  status?: MentionStatus;

  @ApiPropertyOptional({ nullable: true, description: 'Hide from the inbox until then (ISO 8601, in the future); null un-snoozes.' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time or null' })
  snoozedUntil?: string | null;
}

export const BULK_ACTIONS = ['claim', 'release', 'assign', 'status', 'snooze'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export class BulkDto {
  @ApiProperty({ type: [String], description: 'Mention ids (1-500).' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @Matches(/^[1-9]\d{0,17}$/, { each: true, message: 'each id must be a positive integer id' })
  ids: string[];

  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS as unknown as string[], { message: `must be one of ${BULK_ACTIONS.join(', ')}` })
  action: BulkAction;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'For assign.' })
  @ValidateIf((dto: BulkDto, value) => dto.action === 'assign' && value !== null)
  @IsUUID('all', { message: 'must be a UUID or null (required for action assign)' })
  userId?: string | null;

  @ApiPropertyOptional({ enum: MENTION_STATUSES, description: 'For status.' })
  @ValidateIf((dto: BulkDto) => dto.action === 'status')
  @IsIn(MENTION_STATUSES as unknown as string[], { message: `must be one of ${MENTION_STATUSES.join(', ')} (required for action status)` })
  status?: MentionStatus;

  @ApiPropertyOptional({ nullable: true, description: 'For snooze.' })
  @ValidateIf((dto: BulkDto, value) => dto.action === 'snooze' && value !== null)
  @IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time or null (required for action snooze)' })
  snoozedUntil?: string | null;
}

export class CreateNoteDto {
  @ApiProperty({
    description: 'Internal only. "@handle" or "@email" of a colleague notifies them.',
    example: 'Hand-over: @lena please check the refund',
  })
  @IsString()
  @Length(1, 10_000)
  body: string;
}
