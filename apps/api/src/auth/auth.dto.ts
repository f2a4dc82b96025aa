import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@otklik/persistence';

export class LoginDto {
  @ApiProperty({ example: 'agent@example.com' })
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple' })
  @IsString()
  @Length(1, 1024)
  password: string;

  @ApiPropertyOptional({ description: 'Workspace to sign in to; default: the first one the user belongs to.', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  workspaceId?: string;
}

export class RefreshDto {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh (each is usable once).' })
  @IsString()
  @Length(20, 200)
  refreshToken: string;
}

export class SwitchWorkspaceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  workspaceId: string;
}

export class CreateApiKeyDto {
  @ApiProperty({ example: 'CRM sync' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiProperty({ enum: ROLES, example: 'agent' })
  @IsIn(ROLES as unknown as string[], { message: `must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class WorkspaceView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() slug: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ example: 'ru' }) locale: string;
}

export class TokenPairView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: 'Bearer';
  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 }) expiresIn: number;
  @ApiProperty({ description: 'Opaque; usable once at POST /api/auth/refresh.' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the refresh token expires.' }) refreshExpiresIn: number;
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ type: WorkspaceView }) workspace: WorkspaceView;
}

export class MeView {
  @ApiProperty({ type: UserView }) user: UserView;
  @ApiProperty({ type: [WorkspaceView] }) memberships: WorkspaceView[];
  @ApiProperty({ type: WorkspaceView }) workspace: WorkspaceView;
  @ApiPropertyOptional({ description: 'Set when the caller is an API key.' }) apiKeyId?: string;
}

export class ApiKeyViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ example: 'otk_a1b2c3d4' }) prefix: string;
  @ApiProperty({ nullable: true, type: String }) createdBy: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) lastUsedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) revokedAt: string | null;
}

export class CreatedApiKeyView {
  @ApiProperty({ description: 'The full key: shown only in this response.' }) key: string;
  @ApiProperty({ type: ApiKeyViewDto }) apiKey: ApiKeyViewDto;
}
