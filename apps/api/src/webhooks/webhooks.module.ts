import { Module } from '@nestjs/common';
import { CONNECTOR_RESOLVER, ConnectorResolver } from '../../../worker/src/pipeline/connector-resolver';
import { WebhooksController } from './webhooks.controller';

/** Push deliveries from platforms (Telegram, VK Callback API, the generic signed webhook). */
@Module({
  controllers: [WebhooksController],
  providers: [{ provide: CONNECTOR_RESOLVER, useFactory: () => new ConnectorResolver() }],
})
export class WebhooksModule {}
