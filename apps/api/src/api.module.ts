import { Module } from '@nestjs/common';
import { AuthModule } from './auth';
import { HealthController } from './health/health.controller';
import { HttpFoundationModule } from './http';
import { SourcesModule } from './sources/sources.module';
import { TriageModule } from './triage.module';

/** The HTTP surface. Feature modules (auth, inbox, replies, sources...) are imported here. */
@Module({
  imports: [HttpFoundationModule, AuthModule, SourcesModule, TriageModule],
  controllers: [HealthController],
})
export class ApiModule {}
