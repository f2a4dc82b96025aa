import { Module } from '@nestjs/common';
import { connectorResolverProvider } from '../../../worker/src/pipeline/connector-resolver';
import { WebhooksController } from './webhooks.controller';

/** Push deliveries from platforms (Telegram, VK Callback API, the generic signed webhook). */
@Module({
  controllers: [WebhooksController],
  providers: [connectorResolverProvider],
})
export class WebhooksModule {}
