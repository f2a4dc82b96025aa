import { Module } from '@nestjs/common';
import { AuthModule } from './auth';
import { HealthController } from './health/health.controller';
import { HttpFoundationModule } from './http';

/** The HTTP surface. Feature modules (auth, inbox, replies, sources...) are imported here. */
@Module({
  imports: [HttpFoundationModule, AuthModule],
  controllers: [HealthController],
})
export class ApiModule {}
