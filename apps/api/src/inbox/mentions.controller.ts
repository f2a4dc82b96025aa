import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthUser } from '../auth';
import { bigintParam } from '../http/params';
import { InboxService, type Facets, type MentionPage } from './inbox.service';
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
  list(@Query() query: ListMentionsQuery, @CurrentUser() user: AuthUser): Promise<MentionPage> {
    return this.inbox.list(user, query);
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
    description:
      '`explanations`: per label (`intent`, `cause`, `severity`, `sentiment`, `pii`, `criticalData`, and `incident` / `campaign` when set) the ' +
      "classifier's reasons as sentences in the caller's language (the user's locale: ru, otherwise en), quoting the mention in its own " +
      'language, e.g. `{ "cause": ["о том, как обошлись с автором: «никто не перезвонил»"] }`. Mentions labelled before the reasons were ' +
      'stored language-neutral show the English sentences they were stored with.',
  })
  detail(@Param('id', bigintParam()) id: string, @CurrentUser() user: AuthUser): Promise<MentionDetail> {
    return this.details.get(user, id);
  }
}
