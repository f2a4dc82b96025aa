import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound } from '../http/problem';
import { uuidParam } from '../http/params';
import { ApiKeyService } from './api-key.service';
import { AuditService } from './audit.service';
import { CurrentUser, Roles } from './auth.decorators';
import { ApiKeyViewDto, CreateApiKeyDto, CreatedApiKeyView } from './auth.dto';
import type { AuthUser } from './auth-user';

@ApiTags('api-keys')
@ApiBearerAuth()
@Roles('admin')
@Controller('api/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeyService,
    private readonly audit: AuditService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create an integration key (admin). The key is in this response only.' })
  @ApiCreatedResponse({ type: CreatedApiKeyView })
  async create(@Body() body: CreateApiKeyDto, @CurrentUser() user: AuthUser): Promise<CreatedApiKeyView> {
    const created = await this.keys.create(user.workspaceId, user.userId, body.name, body.role);
    await this.audit.record(
      user.workspaceId,
      user.userId,
      'api_key.created',
      { type: 'api_key', id: created.apiKey.id },
      { name: body.name, role: body.role },
    );
    return created;
  }

  @Get()
  @ApiOperation({ summary: "The workspace's keys (prefix only)." })
  @ApiOkResponse({ type: [ApiKeyViewDto] })
  list(@CurrentUser() user: AuthUser): Promise<ApiKeyViewDto[]> {
    return this.keys.list(user.workspaceId);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a key.' })
  @ApiOkResponse({ type: ApiKeyViewDto })
  async revoke(@Param('id', uuidParam()) id: string, @CurrentUser() user: AuthUser): Promise<ApiKeyViewDto> {
    const revoked = await this.keys.revoke(user.workspaceId, id);
    if (!revoked) throw notFound('API key', id);
    await this.audit.record(user.workspaceId, user.userId, 'api_key.revoked', { type: 'api_key', id });
    return revoked;
  }
}
