import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { uuidParam } from '../http';
import { ChannelKindView, ChannelTestResultView, CreateNotificationChannelDto, NotificationChannelView, UpdateNotificationChannelDto } from './notification-channel.dto';
import { NotificationChannelsService } from './notification-channels.service';

@ApiTags('notification-channels')
@ApiBearerAuth()
@Roles('lead', 'admin')
@Controller('api/notification-channels')
export class NotificationChannelsController {
  constructor(private readonly channels: NotificationChannelsService) {}

  @Get()
  @ApiOperation({ summary: 'Where alerts go (lead/admin): Slack, Mattermost, Telegram, e-mail, signed webhooks. Secrets are shown only as set/not set.' })
  @ApiOkResponse({ type: [NotificationChannelView] })
  list(@CurrentUser() user: AuthUser): Promise<NotificationChannelView[]> {
    return this.channels.list(user);
  }

  // Declared before ':id' so "kinds" is never read as an id.
  @Get('kinds')
  @ApiOperation({ summary: 'The settings each channel kind takes, and which of them are secret.' })
  @ApiOkResponse({ type: [ChannelKindView] })
  kinds(): ChannelKindView[] {
    return this.channels.kinds();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One notification channel, without its secrets.' })
  @ApiOkResponse({ type: NotificationChannelView })
  get(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<NotificationChannelView> {
    return this.channels.get(user, id);
  }

  @Post()
  @ApiOperation({ summary: 'Add a notification channel; settings are validated per kind and stored encrypted.' })
  @ApiCreatedResponse({ type: NotificationChannelView })
  create(@Body() body: CreateNotificationChannelDto, @CurrentUser() user: AuthUser): Promise<NotificationChannelView> {
    return this.channels.create(user, body);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a channel: a secret left out keeps its value.' })
  @ApiOkResponse({ type: NotificationChannelView })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateNotificationChannelDto, @CurrentUser() user: AuthUser): Promise<NotificationChannelView> {
    return this.channels.update(user, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a channel (its delivery records go with it).' })
  @ApiNoContentResponse()
  async remove(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.channels.remove(user, id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a test message through this channel now and report what the receiver answered.' })
  @ApiOkResponse({ type: ChannelTestResultView })
  test(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<ChannelTestResultView> {
    return this.channels.test(user, id);
  }
}
