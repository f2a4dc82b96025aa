import { Body, Controller, Get, HttpCode, HttpStatus, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { notFound, unauthorized } from '../http/problem';
import { CurrentUser, Public } from './auth.decorators';
import { LoginDto, MeView, RefreshDto, SwitchWorkspaceDto, TokenPairView } from './auth.dto';
import { AuthService } from './auth.service';
import type { AuthUser } from './auth-user';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Email + password → a 15-minute access token and a single-use refresh token. 5 failures lock the account for 15 minutes.',
  })
  @ApiOkResponse({ type: TokenPairView })
  login(@Body() body: LoginDto, @Req() request: FastifyRequest): Promise<TokenPairView> {
    // The peer's address (no trustProxy in main.ts): a forwarded-for header cannot pick the rate limiter's key.
    return this.auth.login(body.email, body.password, request.ip || 'unknown', body.workspaceId);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Trade a refresh token for a new pair (rotation). Reusing a used token revokes the whole login.' })
  @ApiOkResponse({ type: TokenPairView })
  refresh(@Body() body: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke the refresh token (and its rotations). Idempotent.' })
  @ApiNoContentResponse()
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Post('auth/switch-workspace')
  @HttpCode(HttpStatus.OK)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'A new token pair for another workspace the caller belongs to (an access token carries one workspace).' })
  @ApiOkResponse({ type: TokenPairView })
  async switchWorkspace(@Body() body: SwitchWorkspaceDto, @CurrentUser() user: AuthUser): Promise<TokenPairView> {
    if (user.apiKeyId) throw unauthorized('an API key is bound to its workspace');
    const pair = await this.auth.switchWorkspace(user.userId, body.workspaceId);
    if (!pair) throw notFound('workspace', body.workspaceId);
    return pair;
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller, their memberships and the current workspace.' })
  @ApiOkResponse({ type: MeView })
  async me(@CurrentUser() user: AuthUser): Promise<MeView> {
    const me = await this.auth.me(user.userId);
    if (!me) throw unauthorized('the user no longer exists');
    const workspace = me.memberships.find((membership) => membership.id === user.workspaceId);
    if (!workspace) throw unauthorized('you are no longer a member of this workspace');
    return { ...me, workspace: { ...workspace, role: user.role }, ...(user.apiKeyId ? { apiKeyId: user.apiKeyId } : {}) };
  }
}
