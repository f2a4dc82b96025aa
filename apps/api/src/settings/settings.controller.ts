import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { SettingsService } from './settings.service';
import type { TriageSettings } from './triage-settings';

const SETTINGS_SCHEMA = {
  type: 'object',
  properties: {
    slaFirstResponseMinutes: { type: 'object', example: { critical: 15, high: 60, medium: 240, low: 1440 } },
    slaResolutionMinutes: { type: 'object', example: { critical: 240, high: 1440, medium: 2880, low: 10080 } },
    timeZone: { type: 'string', example: 'Europe/Moscow' },
    businessHours: { type: 'object', nullable: true, example: { '1': [9, 18], '2': [9, 18], '3': [9, 18], '4': [9, 18], '5': [9, 18] } },
    slaDueSoonMinutes: { type: 'integer', example: 30 },
    replyPolicy: {
      type: 'object',
      properties: {
        enabledWarnRules: { type: 'array', items: { type: 'string' } },
        brandVoice: { type: 'object', example: { kind: 'we' } },
        bannedPhrases: { type: 'array', items: { type: 'string' } },
        stockPhrases: { type: 'array', items: { type: 'string' } },
        privateContact: { type: 'string', nullable: true, example: 'support@example.com' },
        repeatedParagraphThreshold: { type: 'integer', example: 2 },
      },
    },
  },
};

@ApiTags('settings')
@ApiBearerAuth()
@Roles('lead', 'admin')
@Controller('api/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'SLA targets per severity, business calendar, due-soon window and reply policy (lead/admin).' })
  @ApiOkResponse({ schema: SETTINGS_SCHEMA })
  get(@CurrentUser() user: AuthUser): Promise<TriageSettings> {
    return this.settings.get(user.workspaceId);
  }

  @Put()
  @ApiOperation({ summary: 'Update any subset of the settings (validated field by field; audited).' })
  @ApiBody({ schema: SETTINGS_SCHEMA })
  @ApiOkResponse({ schema: SETTINGS_SCHEMA })
  update(@Body() body: unknown, @CurrentUser() user: AuthUser): Promise<TriageSettings> {
    return this.settings.update(user.workspaceId, user.userId, body);
  }
}
