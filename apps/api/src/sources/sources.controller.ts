import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth';
import { uuidParam } from '../http';
import {
  ChannelCapabilitiesView,
  CreateSourceDto,
  DeadLetterPage,
  DeadLetterQueryDto,
  SourceView,
  TestResultView,
  UpdateSourceDto,
} from './source.dto';
import { SourcesService } from './sources.service';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('api/sources')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  // Declared before ':id' so "capabilities" is never read as an id.
  @Get('capabilities')
  @ApiOperation({ summary: 'What each channel can do (poll, push, public reply, DM, reply length): for the sources screen and the reply composer.' })
  @ApiOkResponse({ type: [ChannelCapabilitiesView] })
  capabilities(): ChannelCapabilitiesView[] {
    return this.sources.capabilities();
  }

  @Get()
  @Roles('lead', 'admin')
  @ApiOperation({ summary: "The workspace's sources with health, last poll, cursor, last error and counters (lead/admin)." })
  @ApiOkResponse({ type: [SourceView] })
  list(@CurrentUser() user: AuthUser): Promise<SourceView[]> {
    return this.sources.list(user.workspaceId);
  }

  @Get(':id')
  @Roles('lead', 'admin')
  @ApiOperation({ summary: 'One source (lead/admin).' })
  @ApiOkResponse({ type: SourceView })
  get(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<SourceView> {
    return this.sources.get(user.workspaceId, id);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Connect a channel (admin). Credentials are stored encrypted and never returned; the brand is chosen by id or created inline.' })
  @ApiCreatedResponse({ type: SourceView })
  create(@Body() body: CreateSourceDto, @CurrentUser() user: AuthUser): Promise<SourceView> {
    return this.sources.create(user, body);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a source (admin). Credentials are replaced only when given.' })
  @ApiOkResponse({ type: SourceView })
  update(@Param('id', uuidParam()) id: string, @Body() body: UpdateSourceDto, @CurrentUser() user: AuthUser): Promise<SourceView> {
    return this.sources.update(user, id, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Stop polling (and remove the poll scheduler); pushes are refused while disabled.' })
  @ApiOkResponse({ type: SourceView })
  disable(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<SourceView> {
    return this.sources.setEnabled(user, id, false);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Resume polling (the poll scheduler is created again).' })
  @ApiOkResponse({ type: SourceView })
  enable(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<SourceView> {
    return this.sources.setEnabled(user, id, true);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Delete a source (its mentions stay in the inbox).' })
  @ApiNoContentResponse()
  async remove(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.sources.remove(user, id);
  }

  @Post(':id/test')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Test the connection: ok, or the error kind and message (never a secret). A success puts a failing source back to ok.' })
  @ApiOkResponse({ type: TestResultView })
  test(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<TestResultView> {
    return this.sources.test(user, id);
  }
}

@ApiTags('sources')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/dead-letters')
export class DeadLettersController {
  constructor(private readonly sources: SourcesService) {}

  @Get()
  @ApiOperation({ summary: 'Items that could not enter the pipeline, newest first, with the reason (admin).' })
  @ApiOkResponse({ type: DeadLetterPage })
  list(@Query() query: DeadLetterQueryDto, @CurrentUser() user: AuthUser): Promise<DeadLetterPage> {
    return this.sources.deadLetters(user.workspaceId, query);
  }
}
