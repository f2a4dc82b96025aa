import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth';
import { bigintParam } from '../http/params';
import { InboxService, type Facets } from './inbox.service';
import { ListMentionsQuery, MentionFiltersQuery } from './list-mentions.dto';
import { MentionDetailService, type MentionDetail } from './mention-detail.service';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('api/mentions')
export class MentionsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly details: MentionDetailService,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The inbox: routed mentions by priority, then waiting time, then id; keyset pagination (nextCursor). Default statuses: new, open, pending; snoozed hidden.',
  })
  @ApiOkResponse({ description: '{ items: MentionListItem[], nextCursor: string | null }' })
  async list(@Query() query: ListMentionsQuery, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) response: Response): Promise<string> {
    // The items arrive as JSON text from PostgreSQL and are sent as they are (see InboxService.listJson).
    const page = await this.inbox.listJson(user, query);
    response.type('application/json');
    return `{"items":${page.itemsJson},"nextCursor":${JSON.stringify(page.nextCursor)}}`;
  }

  @Get('facets')
  @ApiOperation({
    summary: 'Counts per filter value (status, severity, cause, intent, channel, brand, assignee, sla) under the other filters.',
  })
  facets(@Query() query: MentionFiltersQuery, @CurrentUser() user: AuthUser): Promise<Facets> {
    return this.inbox.facets(user, query);
  }

  @Get(':id')
  @ApiOperation({
    summary:
      'One mention: labels with confidence and explanations, thread (root, parents, siblings, replies), author history, notes, replies, case, SLA clocks.',
  })
  detail(@Param('id', bigintParam()) id: string, @CurrentUser() user: AuthUser): Promise<MentionDetail> {
    return this.details.get(user, id);
  }
}
