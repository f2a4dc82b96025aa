import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { uuidParam } from '../http';
import { AlertingSettingsView, AlertPage, AlertView, ListAlertsQuery, UpdateAlertingSettingsDto } from './alert.dto';
import { AlertsService } from './alerts.service';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('api/alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @ApiOperation({
    summary: 'Alerts, newest event first: escalating threads, incidents, campaigns, SLA breaches (a digest per recipient: slaDigest), failing sources. Filters: kind, level, acknowledged, mine.',
  })
  @ApiOkResponse({ type: AlertPage })
  list(@Query() query: ListAlertsQuery, @CurrentUser() user: AuthUser): Promise<AlertPage> {
    return this.alerts.list(user, query);
  }

  // Declared before ':id' so "settings" is never read as an id.
  @Get('settings')
  @ApiOperation({ summary: 'The alerting settings in force: escalation thresholds, alert thresholds, language, key accounts, status page.' })
  @ApiOkResponse({ type: AlertingSettingsView })
  settings(@CurrentUser() user: AuthUser): Promise<AlertingSettingsView> {
    return this.alerts.settings(user.workspaceId);
  }

  @Patch('settings')
  @Roles('lead')
  @ApiOperation({ summary: 'Change the alerting settings (lead/admin): fields left out stay, null clears one. Escalation overrides are validated by libs/escalation.' })
  @ApiOkResponse({ type: AlertingSettingsView })
  updateSettings(@Body() body: UpdateAlertingSettingsDto, @CurrentUser() user: AuthUser): Promise<AlertingSettingsView> {
    return this.alerts.updateSettings(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One alert with its deliveries to notification channels.' })
  @ApiOkResponse({ type: AlertView })
  get(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<AlertView> {
    return this.alerts.get(user, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: 'Acknowledge an alert (idempotent; audited).' })
  @ApiOkResponse({ type: AlertView })
  acknowledge(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<AlertView> {
    return this.alerts.acknowledge(user, id);
  }
}
