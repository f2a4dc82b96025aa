/**
 * bull-board at /admin/queues, for admins only: queue depths, failed jobs (the dead-letter state) with their
 * reasons, retries. The board's own pages and XHRs carry no Authorization header, so the first visit may pass
 * the access token as `?access_token=`; it is then kept in an httpOnly, same-site cookie scoped to the board.
 * Every request under /admin/queues is checked, including paths the board does not serve (401/403 before 404).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { Logger, NotFoundException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { QueueProducer } from '@otklik/queues';
import type { Runtime } from '@otklik/runtime';
import { deriveSigningKey, verifyAccessToken } from '../auth/access-token.service';
import { problemFromError, sendProblem } from '../http/problem.filter';

const BASE_PATH = '/admin/queues';
const COOKIE = 'otklik_queue_board';
const COOKIE_MAX_AGE_SECONDS = 15 * 60;
const ALL_METHODS = ['DELETE', 'GET', 'HEAD', 'PATCH', 'POST', 'PUT', 'OPTIONS'];

function queryToken(request: FastifyRequest): string | null {
  const query = (request.query as Record<string, unknown>).access_token;
  return typeof query === 'string' && query ? query : null;
}

function tokenFrom(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const query = queryToken(request);
  if (query) return query;
  const cookie = request.headers.cookie
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(COOKIE.length + 1)) : null;
}

export async function mountQueueBoard(app: NestFastifyApplication, runtime: Runtime): Promise<void> {
  const producer = app.get(QueueProducer);
  const dataSource = app.get(DataSource);
  const httpAdapter = app.getHttpAdapter();
  const setCookie = httpAdapter.setCookie?.bind(httpAdapter);
  if (!setCookie) throw new Error('the HTTP adapter cannot set cookies');
  const logger = new Logger('queue-board');
  const key = deriveSigningKey(runtime.secretKey);
  const serverAdapter = new BullBoardFastifyAdapter();
  serverAdapter.setBasePath(BASE_PATH);
  createBullBoard({ queues: producer.all().map((queue) => new BullMQAdapter(queue)), serverAdapter });

  /** False when it has answered (401 or 403). */
  const adminOnly = async (request: FastifyRequest, reply: FastifyReply): Promise<boolean> => {
    const token = tokenFrom(request);
    const check = token ? verifyAccessToken(key, token) : null;
    if (!check?.ok) {
      sendProblem(reply, { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'log in as an admin and open /admin/queues?access_token=<your access token>' });
      return false;
    }
    // The role is read from the database, not trusted from the token: a demoted admin loses the board at once.
    const rows: { role: string }[] = await dataSource.query('SELECT role FROM membership WHERE user_id = $1 AND workspace_id = $2', [check.claims.sub, check.claims.ws]);
    if (rows[0]?.role !== 'admin') {
      sendProblem(reply, { type: 'about:blank', title: 'Forbidden', status: 403, detail: 'the queue board is for admins' });
      return false;
    }
    if (queryToken(request)) {
      setCookie(reply, COOKIE, token!, {
        httpOnly: true,
        sameSite: 'strict',
        path: BASE_PATH,
        maxAge: COOKIE_MAX_AGE_SECONDS,
        expires: new Date(Date.now() + COOKIE_MAX_AGE_SECONDS * 1000),
      });
    }
    return true;
  };

  // One encapsulated context: the check runs before every route in it, and only there.
  await app.register(
    async (board: FastifyInstance) => {
      board.addHook('onRequest', async (request, reply) => {
        try {
          if (await adminOnly(request, reply)) return;
        } catch (error) {
          logger.error(`${request.method} ${request.url}: ${(error as Error)?.stack ?? String(error)}`);
          sendProblem(reply, problemFromError(error), {}, request.url.split('?', 1)[0]);
        }
        // Answered: the request goes no further.
        return reply;
      });
      await board.register(serverAdapter.registerPlugin());
      // A path the board does not serve: the API's own 404, once the caller has passed the check.
      board.route({
        method: ALL_METHODS,
        url: '/*',
        handler: (request, reply) => {
          sendProblem(reply, problemFromError(new NotFoundException(`Cannot ${request.method} ${request.url}`)), {}, request.url.split('?', 1)[0]);
        },
      });
    },
    { prefix: BASE_PATH },
  );
}
