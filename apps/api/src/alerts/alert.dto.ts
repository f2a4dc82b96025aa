import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsObject, IsOptional, IsString } from 'class-validator';
import { ALERT_KINDS } from '@otklik/persistence';
import { ALERT_LEVELS } from '../../../worker/src/notify/notification-channel.config';
import { queryList, queryBoolean, PageQuery } from '../http/query-params';

export class ListAlertsQuery extends PageQuery {
  @ApiPropertyOptional({ description: `Comma-separated: ${ALERT_KINDS.join(', ')}` })
  @IsOptional()
  @queryList()
  @IsArray()
  @IsIn(ALERT_KINDS as unknown as string[], { each: true, message: `each value must be one of ${ALERT_KINDS.join(', ')}` })
  kind?: string[];

  @ApiPropertyOptional({ description: `Comma-separated: ${ALERT_LEVELS.join(', ')}` })
  @IsOptional()
  @queryList()
  @IsArray()
  @IsIn(ALERT_LEVELS as unknown as string[], { each: true, message: `each value must be one of ${ALERT_LEVELS.join(', ')}` })
  level?: string[];

  @ApiPropertyOptional({ description: 'true: only acknowledged; false: only open' })
  @IsOptional()
  @queryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  acknowledged?: boolean;

  @ApiPropertyOptional({
    description: 'true: only alerts addressed to me (as assignee), to my role, or to the whole team (the SLA digest of mentions nobody is assigned to)',
  })
  @IsOptional()
  @queryBoolean()
  @IsBoolean({ message: 'must be true or false' })
  mine?: boolean;

}

export class AlertDeliveryView {
  @ApiProperty() channelId: string;
  @ApiProperty() channelName: string;
  @ApiProperty() channelKind: string;
  @ApiProperty({ enum: ['pending', 'sending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt: string | null;
}

export class SlaDigestMentionView {
  @ApiProperty() mentionId: string;
  @ApiProperty() threadId: string;
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) severity: string | null;
  @ApiProperty() priority: number;
}

/** The mentions an SLA breach alert is about: one alert per recipient and check, however many breached. */
export class SlaDigestView {
  @ApiProperty({ enum: ['assignee', 'lead'] }) stage: string;
  @ApiProperty() mentionCount: number;
  @ApiProperty({ type: [String], description: 'Every mention of the digest, worst first (severity, priority, longest overdue)' }) mentionIds: string[];
  @ApiProperty({ type: [SlaDigestMentionView], description: 'The worst few, named in the messages' }) worst: SlaDigestMentionView[];
}

export class AlertView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ALERT_KINDS }) kind: string;
  @ApiProperty({ enum: ALERT_LEVELS }) level: string;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ type: [String] }) reasons: string[];
  @ApiProperty({ description: 'Event time: the published_at of the post that raised it (escalation), the due time (SLA)...' }) alertedAt: string;
  @ApiProperty({ description: 'When the alert was written' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String }) threadId: string | null;
  @ApiProperty({ nullable: true, type: String }) incidentId: string | null;
  @ApiProperty({ nullable: true, type: String }) campaignId: string | null;
  @ApiProperty({ nullable: true, type: String }) sourceId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The mention that raised it; for an SLA digest only when it has one mention' }) mentionId: string | null;
  @ApiProperty({ nullable: true, type: SlaDigestView, description: 'SLA breaches: the mentions of the digest' }) slaDigest: SlaDigestView | null;
  @ApiProperty({ nullable: true, type: String }) recipientUserId: string | null;
  @ApiProperty({ nullable: true, type: String }) recipientRole: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedBy: string | null;
  @ApiProperty({ nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiPropertyOptional({ type: [AlertDeliveryView] }) deliveries?: AlertDeliveryView[];
}

export class AlertPage {
  @ApiProperty({ type: [AlertView] }) items: AlertView[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class KeyAccountDto {
  @ApiProperty({ example: 'Northwind Logistics' }) name: string;
  @ApiProperty({ example: 'it-director@northwind.example' }) contact: string;
  @ApiPropertyOptional({ enum: ['ru', 'en'] }) lang?: 'ru' | 'en';
}

/** The alerting part of the workspace settings; fields left out stay as they are, null clears one. */
export class UpdateAlertingSettingsDto {
  @ApiPropertyOptional({ description: 'Escalation threshold overrides (libs/escalation README "How to tune"), e.g. {"levels": {"watch": 40}}', type: Object })
  @IsOptional()
  @IsObject()
  escalation?: Record<string, unknown> | null;

  @ApiPropertyOptional({ description: '{incidentMinMentions, campaignMinPosts, slaLeadGraceMinutes}', type: Object })
  @IsOptional()
  @IsObject()
  alerts?: Record<string, unknown> | null;

  @ApiPropertyOptional({ enum: ['ru', 'en'], description: 'Language of alert messages and the default statement language' })
  @IsOptional()
  @IsIn(['ru', 'en'])
  language?: 'ru' | 'en';

  @ApiPropertyOptional({ type: [KeyAccountDto], description: 'Key corporate customers to notify privately first in an incident' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true })
  keyAccounts?: Record<string, unknown>[] | null;

  @ApiPropertyOptional({ description: 'The product handles payment details or personal data (statements say whether they were affected only then)', nullable: true, type: Boolean })
  @IsOptional()
  @IsBoolean()
  handlesCriticalData?: boolean | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://status.example.com' })
  @IsOptional()
  @IsString()
  statusPageUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'Base URL of the web app, for links in alert messages' })
  @IsOptional()
  @IsString()
  appUrl?: string | null;
}

export class AlertingSettingsView {
  @ApiProperty({ type: Object, description: 'The escalation settings in force (defaults + overrides)' }) escalation: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'The stored overrides' }) escalationOverrides: Record<string, unknown>;
  @ApiProperty({ type: Object }) alerts: { incidentMinMentions: number; campaignMinPosts: number; slaLeadGraceMinutes: number };
  @ApiProperty({ enum: ['ru', 'en'] }) language: string;
  @ApiProperty({ type: [KeyAccountDto] }) keyAccounts: { name: string; contact: string; lang: string | null }[];
  @ApiProperty({ nullable: true, type: Boolean }) handlesCriticalData: boolean | null;
  @ApiProperty({ nullable: true, type: String }) statusPageUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) appUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) timeZone: string;
  @ApiProperty({ type: [String], description: 'Stored values that are ignored, with why' }) problems: string[];
}
