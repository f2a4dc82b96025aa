/**
 * bull-board at /admin/queues, for admins only: queue depths, failed jobs (the dead-letter state) with their
 * reasons, retries. The board's own pages and XHRs carry no Authorization header, so the first visit may pass
 * the access token as `?access_token=`; it is then kept in an httpOnly, same-site cookie scoped to the board.
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { QueueProducer } from '@otklik/queues';
import type { Runtime } from '@otklik/runtime';
import { deriveSigningKey, verifyAccessToken } from '../auth/access-token.service';

const BASE_PATH = '/admin/queues';
const COOKIE = 'otklik_queue_board';

function tokenFrom(request: Request): string | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7);
  const query = request.query.access_token;
  if (typeof query === 'string' && query) return query;
  const cookie = request.headers.cookie
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${COOKIE}=`));
  return cookie ? decodeURIComponent(cookie.slice(COOKIE.length + 1)) : null;
}

export function mountQueueBoard(app: NestExpressApplication, runtime: Runtime): void {
  const producer = app.get(QueueProducer);
  const dataSource = app.get(DataSource);
  const key = deriveSigningKey(runtime.secretKey);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(BASE_PATH);
  createBullBoard({ queues: producer.all().map((queue) => new BullMQAdapter(queue)), serverAdapter });

  const adminOnly = async (request: Request, response: Response, next: NextFunction) => {
    const token = tokenFrom(request);
    const check = token ? verifyAccessToken(key, token) : null;
    if (!check?.ok) {
      response.status(401).type('application/problem+json').send({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'log in as an admin and open /admin/queues?access_token=<your access token>' });
      return;
    }
    // The role is read from the database, not trusted from the token: a demoted admin loses the board at once.
    const rows: { role: string }[] = await dataSource.query('SELECT role FROM membership WHERE user_id = $1 AND workspace_id = $2', [check.claims.sub, check.claims.ws]);
    if (rows[0]?.role !== 'admin') {
      response.status(403).type('application/problem+json').send({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'the queue board is for admins' });
      return;
    }
    if (typeof request.query.access_token === 'string') {
      response.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: BASE_PATH, maxAge: 15 * 60_000 });
    }
    next();
  };
  app.use(BASE_PATH, (request: Request, response: Response, next: NextFunction) => {
    adminOnly(request, response, next).catch(next);
  }, serverAdapter.getRouter());
}
