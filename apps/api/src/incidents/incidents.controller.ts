import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { uuidParam } from '../http';
import { AttachMentionsDto, CreateIncidentDto, IncidentPage, ListIncidentsQuery, MergeIncidentDto, ReplyAllDto, UpdateIncidentDto } from './incident.dto';
import { IncidentReplyAllService, type ReplyAllReport } from './incident-reply-all.service';
import { IncidentsService, type ClosingUpdate, type IncidentDetail, type KeyAccountNotice, type StatementsView } from './incidents.service';

@ApiTags('incidents')
@ApiBearerAuth()
@Controller('api/incidents')
export class IncidentsController {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly replies: IncidentReplyAllService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Incidents, open first then by latest activity: status, scope, places, affected people, velocity, critical data, ETA.' })
  @ApiOkResponse({ type: IncidentPage })
  list(@Query() query: ListIncidentsQuery, @CurrentUser() user: AuthUser): Promise<IncidentPage> {
    return this.incidents.list(user, query);
  }

  @Post()
  @Roles('lead', 'pr')
  @ApiOperation({ summary: 'Open an incident by hand (lead/pr), optionally attaching mentions; the team is alerted as for an automatic one.' })
  @ApiCreatedResponse({ description: 'The incident detail' })
  create(@Body() body: CreateIncidentDto, @CurrentUser() user: AuthUser): Promise<IncidentDetail> {
    return this.incidents.create(user, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Incident detail: timeline of mentions over time, the mentions, scope with its places and explanation, velocity, and the time-to-media estimate with why.' })
  @ApiOkResponse({ description: 'The incident detail' })
  detail(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<IncidentDetail> {
    return this.incidents.detail(user, id);
  }

  @Patch(':id')
  @Roles('lead', 'pr')
  @ApiOperation({ summary: 'Change status (validated: investigating → identified → monitoring → resolved), scope, critical data, ETA, summary, workaround, known affected (lead/pr; audited).' })
  @ApiOkResponse({ description: 'The incident detail' })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateIncidentDto, @CurrentUser() user: AuthUser): Promise<IncidentDetail> {
    return this.incidents.update(user, id, body);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('lead', 'pr')
  @ApiOperation({ summary: "Merge another incident into this one: its mentions move here and its cluster's new mentions attach here from now on." })
  @ApiOkResponse({ description: 'The merged incident detail' })
  merge(@Param('id', uuidParam()) id: string, @Body() body: MergeIncidentDto, @CurrentUser() user: AuthUser): Promise<IncidentDetail> {
    return this.incidents.merge(user, id, body.otherId);
  }

  @Post(':id/mentions')
  @HttpCode(200)
  @Roles('lead', 'pr')
  @ApiOperation({ summary: 'Attach mentions to this incident by hand (lead/pr; audited): they leave any incident they were in, and both are recounted.' })
  @ApiOkResponse({ description: 'The incident detail' })
  attach(@Param('id', uuidParam()) id: string, @Body() body: AttachMentionsDto, @CurrentUser() user: AuthUser): Promise<IncidentDetail> {
    return this.incidents.attach(user, id, body.mentionIds);
  }

  @Get(':id/statements')
  @ApiOperation({ summary: 'Statement drafts in Russian and English: "fixed" and "not yet fixed, expected by HH:MM DD.MM.YYYY", filled from the incident, with warnings for PR.' })
  @ApiOkResponse({ description: '{fixed: {ru, en}, notFixed: {ru, en}, recommended, warnings}' })
  statements(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<StatementsView> {
    return this.incidents.statements(user, id);
  }

  @Post(':id/notify-key-accounts')
  @HttpCode(200)
  @Roles('lead', 'pr')
  @ApiOperation({ summary: 'Key corporate customers to tell privately first, each with a draft in their language; recorded in the audit log.' })
  @ApiOkResponse({ description: '{accounts: [{name, contact, lang, draft}], recordedAt}' })
  notifyKeyAccounts(
    @Param('id', uuidParam()) id: string,
    @CurrentUser() user: AuthUser,
  ): Promise<{ incidentId: string; recordedAt: string; statement: string; accounts: KeyAccountNotice[]; warnings: string[] }> {
    return this.incidents.notifyKeyAccounts(user, id);
  }

  @Post(':id/reply-all')
  @HttpCode(200)
  @Roles('lead', 'pr')
  @ApiOperation({
    summary:
      "Answer every open mention of the incident in one action: an individual reply per mention (never one script), each checked by the reply policy and queued with its own idempotency key; reported per mention.",
  })
  @ApiOkResponse({ description: '{counts, items: [{mentionId, status, replyId?, body?, reason?}], remaining}' })
  replyAll(@Param('id', uuidParam()) id: string, @Body() body: ReplyAllDto, @CurrentUser() user: AuthUser): Promise<ReplyAllReport> {
    return this.replies.replyAll(user, id, body.template);
  }

  @Get(':id/closing-updates')
  @ApiOperation({ summary: 'A closing update per thread the incident touched, in the thread language, checked by the reply policy (offer them once resolved).' })
  @ApiOkResponse({ description: '{resolved, warnings, updates: [{threadId, lang, draft, check}]}' })
  closingUpdates(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<{ incidentId: string; resolved: boolean; warnings: string[]; updates: ClosingUpdate[] }> {
    return this.incidents.closingUpdates(user, id);
  }
}
