import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessTokenService } from './access-token.service';
import { ApiKeyService } from './api-key.service';
import { ApiKeysController } from './api-keys.controller';
import { AuditService } from './audit.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { MembershipCache } from './membership-cache';

/** Global: AuthGuard guards every route of the API; AuditService and MembershipCache are injectable anywhere. */
@Global()
@Module({
  controllers: [AuthController, ApiKeysController],
  providers: [AccessTokenService, ApiKeyService, AuditService, AuthService, MembershipCache, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AccessTokenService, AuditService, AuthService, MembershipCache],
})
export class AuthModule {}
