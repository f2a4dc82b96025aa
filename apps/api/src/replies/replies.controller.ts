import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { bigintParam, uuidParam } from '../http/params';
import { CheckReplyDto, CreateReplyDto, RejectReplyDto } from './reply.dto';
import { RepliesService, type ReplyView } from './replies.service';

@ApiTags('replies')
@ApiBearerAuth()
@Controller('api')
export class RepliesController {
  constructor(private readonly replies: RepliesService) {}

  @Post('mentions/:id/replies/check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Check a draft against the reply policy: verdict and violations with spans and messages in the caller's language.",
  })
  check(@Param('id', bigintParam()) id: string, @Body() body: CheckReplyDto, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.replies.check(user, id, body);
  }

  @Post('mentions/:id/replies')
  @ApiOperation({
    summary:
      'Send a reply. Block rules → 422 (rule ids, spans) unless a lead/pr overrides with a reason; every warn rule must be acknowledged; public replies to critical mentions wait for pr approval.',
  })
  @ApiUnprocessableEntityResponse({ description: 'problem+json: type …reply-blocked or …reply-needs-acknowledgement, ruleIds, violations' })
  create(@Param('id', bigintParam()) id: string, @Body() body: CreateReplyDto, @CurrentUser() user: AuthUser): Promise<ReplyView> {
    return this.replies.create(user, id, body);
  }

  @Get('mentions/:id/suggestions')
  @ApiOperation({ summary: "Suggested replies for the mention, in the mention's language, each already checked ok." })
  suggestions(@Param('id', bigintParam()) id: string, @CurrentUser() user: AuthUser): Promise<unknown> {
    return this.replies.suggestions(user, id);
  }

  @Get('replies/:id')
  @ApiOperation({ summary: 'One reply with its delivery status (queued, sent, failed with reason).' })
  get(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<ReplyView> {
    return this.replies.get(user, id);
  }

  @Post('replies/:id/approve')
  @HttpCode(HttpStatus.OK)
  @Roles('pr', 'admin')
  @ApiOperation({ summary: 'Approve a reply waiting for pr approval (pr/admin; audited); it is queued for sending.' })
  approve(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<ReplyView> {
    return this.replies.approve(user, id);
  }

  @Post('replies/:id/reject')
  @HttpCode(HttpStatus.OK)
  @Roles('pr', 'admin')
  @ApiOperation({ summary: 'Reject a reply waiting for approval, with a reason (pr/admin; audited).' })
  reject(@Param('id', uuidParam()) id: string, @Body() body: RejectReplyDto, @CurrentUser() user: AuthUser): Promise<ReplyView> {
    return this.replies.reject(user, id, body.reason);
  }
}
