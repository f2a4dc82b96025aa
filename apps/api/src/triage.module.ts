import { Module } from '@nestjs/common';
import { AuditController } from './audit/audit.controller';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { EventsController } from './events/events.controller';
import { EventsHub } from './events/events-hub.service';
import { InboxEventPublisher } from './events/inbox-event.publisher';
import { HotReadPool } from './http/prepared-query';
import { InboxService } from './inbox/inbox.service';
import { MentionDetailService } from './inbox/mention-detail.service';
import { MentionsController } from './inbox/mentions.controller';
import { RepliesController } from './replies/replies.controller';
import { RepliesService } from './replies/replies.service';
import { ReplyContextService } from './replies/reply-context.service';
import { SettingsController } from './settings/settings.controller';
import { SettingsService } from './settings/settings.service';
import { StatsController } from './stats/stats.controller';
import { StatsService } from './stats/stats.service';
import { UsersController } from './users/users.controller';
import { MentionWorkService } from './work/mention-work.service';
import { NotesService } from './work/notes.service';
import { WorkController } from './work/work.controller';

/**
 * The triage inbox the SMM team works through: list and detail, claim/assign/status, notes, replies under the
 * reply policy, private cases, SLA, settings, live events, audit, stats and members. WorkController is listed
 * before MentionsController so `POST /api/mentions/bulk` is not read as a mention id.
 */
@Module({
  controllers: [
    WorkController,
    MentionsController,
    RepliesController,
    CasesController,
    SettingsController,
    EventsController,
    AuditController,
    StatsController,
    UsersController,
  ],
  providers: [
    SettingsService,
    InboxEventPublisher,
    EventsHub,
    HotReadPool,
    InboxService,
    MentionDetailService,
    MentionWorkService,
    NotesService,
    ReplyContextService,
    RepliesService,
    CasesService,
    StatsService,
  ],
  exports: [SettingsService, InboxEventPublisher, EventsHub],
})
export class TriageModule {}
