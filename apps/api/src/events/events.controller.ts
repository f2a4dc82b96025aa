import { Controller, Get, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AllowQueryToken, CurrentUser, type AuthUser } from '../auth';
import { EventsHub } from './events-hub.service';

export const HEARTBEAT_MS = 15_000;

@ApiTags('events')
@ApiBearerAuth()
@Controller('api/events')
export class EventsController {
  constructor(private readonly hub: EventsHub) {}

  @Get()
  @AllowQueryToken()
  @ApiOperation({
    summary:
      "Server-sent events of the caller's workspace: mention.new, mention.updated, mention.claimed, mention.replied, alert.new (ids only; fetch what you show). Heartbeat comments every 15 s. EventSource cannot send headers: pass ?access_token= here (only here).",
  })
  @ApiQuery({ name: 'access_token', required: false })
  @ApiProduces('text/event-stream')
  async stream(@CurrentUser() user: AuthUser, @Res() reply: FastifyReply): Promise<void> {
    // The stream is written to the Node response directly: Fastify's reply pipeline (serialisation, compression,
    // onSend hooks) would hold the events back.
    reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // Reverse proxies (nginx) would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    response.flushHeaders();
    let closed = false;
    const write = (chunk: string) => {
      if (!closed) response.write(chunk);
    };
    const heartbeat = setInterval(() => write(`: heartbeat ${new Date().toISOString()}\n\n`), HEARTBEAT_MS);
    let remove = () => {};
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      remove();
    };
    // The client went away (the response closes with its connection).
    response.on('close', close);
    try {
      remove = await this.hub.add(
        (event) => {
          if (event.workspaceId !== user.workspaceId) return;
          write(`event: ${event.type}\nid: ${Date.now()}\ndata: ${JSON.stringify(event)}\n\n`);
        },
        // The api shuts down: the stream ends, so the server can close (EventSource reconnects after `retry`).
        () => {
          close();
          response.end();
        },
      );
    } catch (error) {
      close();
      throw error;
    }
    // The client left while the subscription was being made.
    if (closed) {
      remove();
      return;
    }
    write(`retry: 5000\n: connected to workspace ${user.workspaceId}\n\n`);
  }
}
