import { Module } from '@nestjs/common';
import { ReplyContextService } from '../replies/reply-context.service';
import { TriageModule } from '../triage.module';
import { AmplificationRiskController } from './amplification-risk.controller';
import { IncidentReplyAllService } from './incident-reply-all.service';
import { IncidentsController } from './incidents.controller';
import { IncidentsService } from './incidents.service';

/** Incidents for PR, reply-all through the reply policy, and the Streisand caution on mentions. */
@Module({
  imports: [TriageModule],
  controllers: [IncidentsController, AmplificationRiskController],
  providers: [IncidentsService, IncidentReplyAllService, ReplyContextService],
})
export class IncidentsModule {}
