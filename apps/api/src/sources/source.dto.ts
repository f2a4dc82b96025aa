import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import type { ConnectorCapabilities } from '@otklik/connectors';
import type { SourceFieldSpec, SourceFields } from './channel-requirements';
import { queryInteger } from '../http/query-params';

/** Poll intervals an admin may choose (the database allows faster ones for tests and the demo). */
export const MIN_POLL_INTERVAL_MS = 500;
export const MAX_POLL_INTERVAL_MS = 86_400_000;

export class BrandInputDto {
  @ApiProperty({ example: 'Acme', description: 'The brand name (also the first keyword). An existing brand of this name is reused.' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ type: [String], example: ['Акме', 'acme.ru'], description: 'Other names the brand goes by: transliterations, misspellings, handles.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Same as aliases (merged into them): keywords the brand is matched by.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  keywords?: string[];

  @ApiPropertyOptional({ type: [String], example: ['acme corp'], description: 'Words that mark a name collision: a hit containing one is off-topic.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  exclusions?: string[];
}

export class CreateSourceDto {
  @ApiProperty({ example: 'vk', description: 'A registered connector (GET /api/sources/capabilities) or "demo".' })
  @IsString()
  @Length(1, 50)
  channel: string;

  @ApiProperty({ example: 'VK: Acme community' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The brand this source watches; or give `brand` to create (or reuse) one by name.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  brandId?: string;

  @ApiPropertyOptional({ type: BrandInputDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => BrandInputDto)
  brand?: BrandInputDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { groupId: 123456, search: false }, description: 'Platform options (docs/connectors.md).' })
  @IsOptional()
  @IsObject()
  options?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { groupToken: 'vk1.a.…' },
    description: 'Stored encrypted; never returned (responses list which fields are set).',
  })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, string>;

  @ApiPropertyOptional({ example: 60_000, minimum: MIN_POLL_INTERVAL_MS, maximum: MAX_POLL_INTERVAL_MS })
  @IsOptional()
  @IsInt()
  @Min(MIN_POLL_INTERVAL_MS)
  @Max(MAX_POLL_INTERVAL_MS)
  pollIntervalMs?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateSourceDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  brandId?: string;

  @ApiPropertyOptional({ type: BrandInputDto, description: 'Create or reuse a brand by name (and set its aliases/exclusions when given), and link it.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BrandInputDto)
  brand?: BrandInputDto;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Replaces the options.' })
  @IsOptional()
  @IsObject()
  options?: Record<string, unknown>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'Replaces the stored credentials; omitted = kept as they are.' })
  @IsOptional()
  @IsObject()
  credentials?: Record<string, string>;

  @ApiPropertyOptional({
    type: [String],
    example: ['clientSecret'],
    description:
      'With `credentials`: names of stored credentials to keep rather than drop (a form that replaces one secret keeps the others it cannot see).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  keepCredentials?: string[];

  @ApiPropertyOptional({ minimum: MIN_POLL_INTERVAL_MS, maximum: MAX_POLL_INTERVAL_MS })
  @IsOptional()
  @IsInt()
  @Min(MIN_POLL_INTERVAL_MS)
  @Max(MAX_POLL_INTERVAL_MS)
  pollIntervalMs?: number;

  @ApiPropertyOptional({ description: 'Start polling from scratch (needed when options change what is watched).' })
  @IsOptional()
  @IsBoolean()
  resetCursor?: boolean;
}

export class DeadLetterQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  sourceId?: string;

  @ApiPropertyOptional({ description: 'Only rows with an id below this (paging back).' })
  @IsOptional()
  @queryInteger()
  @IsInt()
  @Min(1)
  beforeId?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @queryInteger()
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class CapabilitiesDto {
  @ApiProperty() poll: boolean;
  @ApiProperty() push: boolean;
  @ApiProperty() publicReply: boolean;
  @ApiProperty() privateMessage: boolean;
  @ApiProperty({ nullable: true, type: Number }) replyMaxLength: number | null;
}

export class SourceFieldView implements SourceFieldSpec {
  @ApiProperty({ example: 'accessToken' }) name: string;
  @ApiProperty({ enum: ['text', 'url', 'number', 'boolean', 'list', 'choice'], description: 'list: strings; choice: one of values' })
  type: SourceFieldSpec['type'];
  @ApiProperty({ description: 'Stored encrypted and never returned (credentials)' }) secret: boolean;
  @ApiProperty({ description: 'Needed on its own' }) required: boolean;
  @ApiPropertyOptional({ type: [String], description: 'Needed unless one of these others is set' }) oneOf?: string[];
  @ApiPropertyOptional({ type: [String], description: 'The allowed values of a choice' }) values?: string[];
  @ApiPropertyOptional({ example: '.json,application/json', description: 'A credential a form may read from a file of these types' }) fromFile?: string;
}

export class SourceFieldsView implements SourceFields {
  @ApiProperty({ type: [SourceFieldView], description: 'Settings (`options`)' }) options: SourceFieldView[];
  @ApiProperty({ type: [SourceFieldView], description: 'Secrets (`credentials`)' }) credentials: SourceFieldView[];
}

export class ChannelCapabilitiesView {
  @ApiProperty({ example: 'vk' }) channel: string;
  @ApiProperty({ type: CapabilitiesDto }) capabilities: ConnectorCapabilities;
  @ApiProperty({ type: SourceFieldsView, description: 'What a source of this channel is configured with' }) fields: SourceFields;
}

export class BrandView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ type: [String] }) exclusions: string[];
}

export class SourceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() channel: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: BrandView, nullable: true }) brand: BrandView | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) options: Record<string, unknown>;
  @ApiProperty({ type: [String], description: 'Names of the credential fields that are set (values are never returned).' }) credentialsSet: string[];
  @ApiProperty({ enum: ['poll', 'push', 'both'] }) delivery: 'poll' | 'push' | 'both';
  @ApiProperty({ nullable: true, type: String, description: 'Where the platform must POST deliveries (push sources).' }) webhookPath: string | null;
  @ApiProperty({ type: CapabilitiesDto }) capabilities: ConnectorCapabilities;
  @ApiProperty() enabled: boolean;
  @ApiProperty() pollIntervalMs: number;
  @ApiProperty({ enum: ['ok', 'failing', 'paused'] }) health: string;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastPollAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) pausedUntil: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Opaque connector cursor.' }) cursor: string | null;
  @ApiProperty() mentionsIngested: number;
  @ApiProperty({ description: 'Search hits the brand filter dropped.' }) mentionsOffTopic: number;
  @ApiProperty({ description: 'Items dead-lettered for this source.' }) deadLetters: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TestResultView {
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ enum: ['transient', 'rate_limited', 'auth_revoked', 'bad_request', 'not_permitted', 'error'] }) kind?: string;
  @ApiProperty({ description: 'What worked, or what went wrong (no secrets).' }) message: string;
  @ApiProperty({ enum: ['ok', 'failing', 'paused'] }) health: string;
}

export class DeadLetterView {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) sourceId: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceName: string | null;
  @ApiProperty() stage: string;
  @ApiProperty({ nullable: true, type: String }) externalId: string | null;
  @ApiProperty() reason: string;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) payload: unknown;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class DeadLetterPage {
  @ApiProperty({ type: [DeadLetterView] }) items: DeadLetterView[];
  @ApiProperty({ nullable: true, type: Number, description: 'Pass as beforeId for the next page.' }) nextBeforeId: number | null;
}
