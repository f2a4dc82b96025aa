/**
 * Push deliveries: POST /api/webhooks/:sourceId. Public (platforms cannot log in): each delivery is verified
 * by the source's connector against the raw bytes (a signature over a re-serialised body would not match),
 * then stored exactly as a poll's page is (ingest: idempotent per external id, malformed items dead-lettered
 * one by one), and the classify stage is woken. The answer comes after the mentions are durable, so a crash
 * makes the platform retry rather than lose them.
 */
import { Controller, HttpStatus, Inject, Logger, Param, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { ConnectorError } from '@otklik/connectors';
import { CredentialCipher } from '@otklik/persistence';
import { QueueProducer } from '@otklik/queues';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { ingestConnectorBatch } from '../../../worker/src/pipeline/connector-batch';
import { CONNECTOR_RESOLVER, ConnectorResolver, SOURCE_CONNECTION_COLUMNS, sourceSettings, type SourceConnectionRow } from '../../../worker/src/pipeline/connector-resolver';
import { Public } from '../auth';
import { notFound, ProblemException } from '../http';
import { pushRefusal } from './push-refusal';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PushSourceRow extends SourceConnectionRow {
  workspace_id: string;
  brand_id: string | null;
  enabled: boolean;
}

export interface PushAnswer {
  accepted: number;
  duplicates: number;
  deadLettered: number;
  offTopic: number;
}

@ApiTags('webhooks')
@Public()
@Controller('api/webhooks')
export class WebhooksController {
  private readonly logger = new Logger('webhooks');
  private readonly cipher: CredentialCipher;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    @Inject(RUNTIME) runtime: Runtime,
    @Inject(CONNECTOR_RESOLVER) private readonly connectors: ConnectorResolver,
  ) {
    this.cipher = new CredentialCipher(runtime.secretKey);
  }

  @Post(':sourceId')
  @ApiParam({ name: 'sourceId', format: 'uuid' })
  @ApiOperation({
    summary: 'A push delivery for one source (Telegram webhook, VK Callback API, the generic signed webhook).',
    description:
      'Verified by the source\'s secret or signature. 200 with counts (or the literal answer the platform expects, e.g. VK\'s confirmation code); ' +
      '401 for a bad or missing signature/secret; 400 for a body that cannot be read; 404 for an unknown source.',
  })
  async receive(@Param('sourceId') sourceId: string, @Req() request: RawBodyRequest<FastifyRequest>, @Res() reply: FastifyReply): Promise<void> {
    if (!UUID.test(sourceId)) throw notFound('source', sourceId);
    const [source]: PushSourceRow[] = await this.dataSource.query(
      `SELECT ${SOURCE_CONNECTION_COLUMNS}, s.workspace_id, s.brand_id, s.enabled FROM source s LEFT JOIN brand b ON b.id = s.brand_id WHERE s.id = $1`,
      [sourceId],
    );
    if (!source) throw notFound('source', sourceId);
    const connector = this.connectors.get(source.channel, source.options);
    if (!connector?.receive) throw new ProblemException(HttpStatus.NOT_FOUND, 'webhook-not-supported', `${source.channel} sources do not receive pushes`);
    if (!source.enabled) throw new ProblemException(HttpStatus.FORBIDDEN, 'source-disabled', 'this source is disabled; enable it to accept deliveries');

    const rawBody = rawBodyOf(request);
    let result;
    try {
      result = await connector.receive({ source: sourceSettings(source, this.cipher), headers: headersOf(request), rawBody });
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const refusal = pushRefusal(error);
      throw new ProblemException(refusal.status, refusal.code, refusal.detail);
    }
    const stored = await ingestConnectorBatch(this.dataSource, { workspaceId: source.workspace_id, sourceId: source.id, brandId: source.brand_id }, result);
    // For a push source "last poll" is the last verified delivery: what an admin checks when a platform seems silent.
    await this.dataSource.query('UPDATE source SET last_poll_at = now() WHERE id = $1', [source.id]);
    if (stored.inserted > 0) {
      // A lost wake-up is not a lost mention: the sweeper re-wakes stages whose rows wait too long.
      await this.producer.wakeClassify(source.workspace_id).catch((error: Error) => this.logger.warn(`source ${source.id}: classify not woken (${error.message})`));
    }
    if (result.responseBody !== null) {
      reply.code(HttpStatus.OK).type('text/plain; charset=utf-8').send(result.responseBody);
      return;
    }
    const answer: PushAnswer = { accepted: stored.inserted, duplicates: stored.duplicates, deadLettered: stored.deadLettered, offTopic: stored.offTopic };
    reply.code(HttpStatus.OK).send(answer);
  }
}

function headersOf(request: FastifyRequest): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return headers;
}

/**
 * The bytes as sent. Every body is read, up to its limit, by the parser of its content type, which keeps the
 * bytes (`rawBody: true` in main.ts; JSON, form and any other type alike, http/body-parsers.ts); a request
 * without a body has none.
 */
function rawBodyOf(request: RawBodyRequest<FastifyRequest>): Buffer {
  return request.rawBody ?? Buffer.alloc(0);
}
