import { Module } from '@nestjs/common';
import { AlertingModule } from './alerts/alerting.module';
import { AuthModule } from './auth';
import { HealthController } from './health/health.controller';
import { HttpFoundationModule } from './http';
import { SourcesModule } from './sources/sources.module';
import { TriageModule } from './triage.module';

/** The HTTP surface. Feature modules (auth, inbox, replies, sources...) are imported here. */
@Module({
  imports: [HttpFoundationModule, AuthModule, SourcesModule, TriageModule, AlertingModule],
  controllers: [HealthController],
})
export class ApiModule {}
