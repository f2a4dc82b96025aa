import { Module } from '@nestjs/common';
import { HealthController } from './health/health.controller';

/** The HTTP surface. Feature modules (auth, inbox, replies, sources...) are imported here. */
@Module({
  controllers: [HealthController],
})
export class ApiModule {}
