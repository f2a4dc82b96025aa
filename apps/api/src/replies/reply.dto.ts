import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { REPLY_RULE_IDS, WORKSPACE_RULE_IDS } from '@otklik/reply-policy';

const RULE_IDS = [...REPLY_RULE_IDS, ...WORKSPACE_RULE_IDS] as string[];
export const VISIBILITIES = ['public', 'private'] as const;

export class CheckReplyDto {
  @ApiProperty({ description: 'The draft.', example: 'Thank you for writing to us...' })
  @IsString()
  @Length(1, 10_000)
  body: string;

  @ApiProperty({ enum: VISIBILITIES })
  @IsIn(VISIBILITIES as unknown as string[], { message: 'must be public or private' })
  visibility: 'public' | 'private';
}

export class OverrideDto {
  @ApiProperty({
    description: 'Why the blocked draft must go out anyway (audited).',
    example: 'The customer asked us to confirm the order number publicly',
  })
  @IsString()
  @Length(10, 1000, { message: 'must be 10 to 1000 characters: say why the rule does not apply' })
  reason: string;
}

export class CreateReplyDto extends CheckReplyDto {
  @ApiPropertyOptional({ type: [String], description: 'Warn rule ids the author has read and accepts.', example: ['no_call_to_action'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(RULE_IDS, { each: true, message: `each value must be a rule id (${RULE_IDS.join(', ')})` })
  acknowledged?: string[];

  @ApiPropertyOptional({ type: OverrideDto, description: 'Publish despite block rules (lead or pr only).' })
  @IsOptional()
  @ValidateNested()
  @Type(() => OverrideDto)
  override?: OverrideDto;
}

export class RejectReplyDto {
  @ApiProperty({ example: 'Wait for the incident statement before answering' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}
