import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Length } from 'class-validator';
import { NOTIFICATION_KINDS } from '../../../worker/src/notify/notification-channel.config';

export class CreateNotificationChannelDto {
  @ApiProperty({ enum: NOTIFICATION_KINDS })
  @IsIn(NOTIFICATION_KINDS as unknown as string[], { message: `must be one of ${NOTIFICATION_KINDS.join(', ')}` })
  kind: string;

  @ApiProperty({ example: 'Duty channel' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({
    type: Object,
    description:
      'slack: {url}; mattermost: {url, channel?, username?}; telegram: {botToken, chatId, apiBaseUrl?}; email: {host, port?, secure?, user?, password?, from, to, notifyRecipients?}; webhook: {url, secret}. Secrets are stored encrypted and never returned.',
  })
  @IsObject()
  config: Record<string, unknown>;

  @ApiPropertyOptional({ type: Object, description: '{kinds?: alert kinds, minLevel?: watch|warning|critical}; default: every alert' })
  @IsOptional()
  @IsObject()
  routes?: Record<string, unknown>;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class UpdateNotificationChannelDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: Object, description: 'Settings to change: a secret left out keeps its value, null clears an optional setting.' })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ type: Object })
  @IsOptional()
  @IsObject()
  routes?: Record<string, unknown>;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class NotificationChannelView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty() enabled: boolean;
  @ApiProperty({ type: Object }) routes: { kinds?: string[]; minLevel?: string };
  @ApiProperty({ type: Object, description: 'The settings that are not secret' }) settings: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'For each secret setting, whether it is set (values are never returned)', example: { url: true } }) secrets: Record<string, boolean>;
  @ApiProperty({ type: Object, nullable: true, description: 'The latest delivery through this channel' })
  lastDelivery: { alertId: string; status: string; attempts: number; lastError: string | null; at: string } | null;
}

export class ChannelTestResultView {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'What the receiver answered, or why it failed (never a secret)' }) detail: string;
  @ApiPropertyOptional({ enum: ['transient', 'rate_limited', 'permanent'] }) errorKind?: string;
  @ApiProperty() durationMs: number;
}

export class ChannelKindView {
  @ApiProperty({ enum: NOTIFICATION_KINDS }) kind: string;
  @ApiProperty({ type: [Object] }) fields: { name: string; type: string; required: boolean; secret: boolean }[];
}
