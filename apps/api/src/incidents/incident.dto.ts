import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { INCIDENT_STATUSES } from '@otklik/persistence';
import { queryList, queryBoolean, PageQuery } from '../http/query-params';

export const INCIDENT_SCOPES = ['single', 'regional', 'national', 'global'] as const;

export class LocalisedTextDto {
  @ApiPropertyOptional({ example: 'сбой оплаты картой в приложении' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  ru?: string;

  @ApiPropertyOptional({ example: 'a failure of card payments in the app' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  en?: string;
}

export class ListIncidentsQuery extends PageQuery {
  @ApiPropertyOptional({ description: `Comma-separated: ${INCIDENT_STATUSES.join(', ')}; default: all` })
  @IsOptional()
  @queryList()
  @IsArray()
  @IsIn(INCIDENT_STATUSES as unknown as string[], { each: true, message: `each value must be one of ${INCIDENT_STATUSES.join(', ')}` })
  status?: string[];

  @ApiPropertyOptional({ description: 'Also list incidents merged into others', default: false })
  @IsOptional()
  @queryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  includeMerged?: boolean;

}

export class CreateIncidentDto {
  @ApiProperty({ example: 'Card payments fail in the app' })
  @IsString()
  @Length(1, 200)
  title: string;

  @ApiPropertyOptional({ type: LocalisedTextDto, description: 'What happened, as a short noun phrase, for the statements' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  summary?: LocalisedTextDto;

  @ApiPropertyOptional({ enum: INCIDENT_SCOPES })
  @IsOptional()
  @IsIn(INCIDENT_SCOPES as unknown as string[])
  scope?: string;

  @ApiPropertyOptional({ description: 'Payment details, personal data or account access affected' })
  @IsOptional()
  @IsBoolean()
  criticalData?: boolean;

  @ApiPropertyOptional({ description: 'Expected restore time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 time' })
  eta?: string;

  @ApiPropertyOptional({ type: [String], description: 'Mentions to attach (ids)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @Matches(/^[1-9][0-9]{0,17}$/, { each: true, message: 'each value must be a mention id' })
  mentionIds?: string[];
}

export class UpdateIncidentDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  title?: string;

  @ApiPropertyOptional({ enum: INCIDENT_STATUSES, description: 'investigating → identified → monitoring → resolved (validated)' })
  @IsOptional()
  @IsIn(INCIDENT_STATUSES as unknown as string[])
  status?: string;

  @ApiPropertyOptional({ enum: INCIDENT_SCOPES, nullable: true, description: 'Set by hand (the monitor stops recomputing it); null hands it back to the monitor' })
  @IsOptional()
  @IsIn(INCIDENT_SCOPES as unknown as string[])
  scope?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  criticalData?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Expected restore time (ISO 8601); null clears it' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 time' })
  eta?: string | null;

  @ApiPropertyOptional({ type: LocalisedTextDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  summary?: LocalisedTextDto | null;

  @ApiPropertyOptional({ type: LocalisedTextDto, nullable: true, description: 'What customers can do meanwhile (an imperative clause)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalisedTextDto)
  workaround?: LocalisedTextDto | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The real number affected, when engineering or support know it' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  knownAffected?: number | null;
}

export class AttachMentionsDto {
  @ApiProperty({ type: [String], description: 'Mentions to attach (ids, 1-1000); they leave any incident they were in' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @Matches(/^[1-9][0-9]{0,17}$/, { each: true, message: 'each value must be a mention id' })
  mentionIds: string[];
}

export class MergeIncidentDto {
  @ApiProperty({ format: 'uuid', description: 'The incident merged into this one (its mentions move here; it is closed as merged)' })
  @IsUUID('all', { message: 'must be a UUID' })
  otherId: string;
}

export class ReplyAllDto {
  @ApiPropertyOptional({
    description: "The company's position to include in every answer, e.g. the ETA or a workaround (each reply is still written for its own mention)",
    example: 'Engineers are restoring the service; we will post here when it is back.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 600)
  template?: string;
}

export class PlaceView {
  @ApiProperty() id: string;
  @ApiProperty() ru: string;
  @ApiProperty() en: string;
}

export class IncidentSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: string;
  @ApiProperty({ enum: INCIDENT_SCOPES }) scope: string;
  @ApiProperty({ nullable: true, type: String }) scopeConfidence: string | null;
  @ApiProperty() scopeManual: boolean;
  @ApiProperty({ type: [PlaceView] }) places: PlaceView[];
  @ApiProperty({ description: 'Distinct people affected in public (not the brand, not media)' }) affectedCount: number;
  @ApiProperty({ nullable: true, type: Number }) knownAffected: number | null;
  @ApiProperty() mentionCount: number;
  @ApiProperty() velocityPerHour: number;
  @ApiProperty({ enum: ['growing', 'steady', 'slowing'] }) velocityTrend: string;
  @ApiProperty() criticalData: boolean;
  @ApiProperty({ nullable: true, type: String }) eta: string | null;
  @ApiProperty({ nullable: true, type: Object }) summary: { ru?: string; en?: string } | null;
  @ApiProperty({ nullable: true, type: Object }) workaround: { ru?: string; en?: string } | null;
  @ApiProperty({ nullable: true, type: String }) clusterKey: string | null;
  @ApiProperty({ nullable: true, type: String }) mergedIntoId: string | null;
  @ApiProperty({ nullable: true, type: String }) firstSeenAt: string | null;
  @ApiProperty({ nullable: true, type: String }) lastSeenAt: string | null;
  @ApiProperty({ nullable: true, type: String }) resolvedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: [String], enum: INCIDENT_STATUSES, description: 'Where the status may go from here' }) nextStatuses: string[];
}

export class IncidentPage {
  @ApiProperty({ type: [IncidentSummaryView] }) items: IncidentSummaryView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
