import { Module } from '@nestjs/common';
import { connectorResolverProvider } from '../../../worker/src/pipeline/connector-resolver';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DeadLettersController, SourcesController } from './sources.controller';
import { SourcesService } from './sources.service';

/** Channel connections: connect, configure, test and watch sources; their dead letters; and (imported) their push endpoint. */
@Module({
  imports: [WebhooksModule],
  controllers: [SourcesController, DeadLettersController],
  providers: [SourcesService, connectorResolverProvider],
})
export class SourcesModule {}
