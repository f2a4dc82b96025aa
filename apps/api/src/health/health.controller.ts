import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { QueueProducer } from '@otklik/queues';
import { RUNTIME, type Runtime } from '@otklik/runtime';
import { Public } from '../auth';

interface QueueHealth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  oldestWaitingMs: number | null;
}

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers.' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get(['', 'ready'])
  @ApiOperation({ summary: 'Readiness: database, queues, queue depths and the oldest waiting job.' })
  async ready(@Res({ passthrough: true }) response: FastifyReply): Promise<unknown> {
    const checks: Record<string, { ok: boolean; detail?: string }> = {};
    try {
      await this.dataSource.query('SELECT 1');
      checks.database = { ok: true };
    } catch (error) {
      checks.database = { ok: false, detail: (error as Error).message };
    }
    const queues: Record<string, QueueHealth> = {};
    try {
      for (const queue of this.producer.all()) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
        const [oldest] = await queue.getJobs(['waiting'], 0, 0, true);
        queues[queue.name] = {
          waiting: counts.waiting ?? 0,
          active: counts.active ?? 0,
          delayed: counts.delayed ?? 0,
          failed: counts.failed ?? 0,
          oldestWaitingMs: oldest ? Date.now() - oldest.timestamp : null,
        };
      }
      checks.queues = { ok: true, detail: this.runtime.queue.kind };
    } catch (error) {
      checks.queues = { ok: false, detail: (error as Error).message };
    }
    const [pipeline] = await this.dataSource
      .query(`SELECT count(*)::int AS pending, min(stage_at) AS oldest FROM mention WHERE stage IN ('ingested', 'classified')`)
      .catch(() => [{ pending: null, oldest: null }]);
    const ok = Object.values(checks).every((check) => check.ok);
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: ok ? 'ok' : 'degraded',
      checks,
      queues,
      pipeline: { pending: pipeline.pending, oldestPendingMs: pipeline.oldest ? Date.now() - new Date(pipeline.oldest).getTime() : null },
    };
  }
}
