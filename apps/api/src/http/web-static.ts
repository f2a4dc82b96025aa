/**
 * The built web inbox (apps/web/dist) at `/`, compressed. The web build writes a brotli (`.br`) and a gzip
 * (`.gz`) copy beside each text file (apps/web/scripts/precompress.mjs), so a request costs a file read, never
 * a compression: the copy the client accepts is sent with `Content-Encoding` and `Vary: Accept-Encoding`.
 * Hashed assets are cached for good (`immutable`); index.html — served for every client route that wants
 * HTML, so deep links survive a reload — is revalidated on each load (by `Last-Modified`). /api and /admin
 * stay the API's: a path there that no route serves is the API's 404 problem.
 *
 * API answers over 1 KB are compressed on the fly (@fastify/compress); the event stream never is: a
 * compressor buffers, and a buffered SSE event arrives late or not at all.
 */
import fastifyAccepts from '@fastify/accepts';
import type { FastifyCompressOptions } from '@fastify/compress';
import send from '@fastify/send';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { HttpException } from '@nestjs/common';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { constants as zlib } from 'node:zlib';

/** Encodings the build writes, best first, with the suffix of their file. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const INDEX_CACHE_CONTROL = 'no-cache';
/** Below this an API answer is sent as it is: compressing it would save less than it costs. */
export const COMPRESS_THRESHOLD_BYTES = 1024;

const EVENT_STREAM = /^\/api\/events(\/|$)/;
const API_PATHS = /^\/(api|admin)(\/|$)/;

async function mtimeOf(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mtimeMs : null;
  } catch {
    return null;
  }
}

/** The type of the file itself (a .br copy would otherwise be named application/octet-stream). */
function contentTypeOf(file: string): string {
  const extension = extname(file);
  // As browsers and RFC 9239 name it (the mime table still says application/javascript).
  const type = extension === '.js' || extension === '.mjs' ? 'text/javascript' : (send.mime.getType(file) ?? 'application/octet-stream');
  return send.isUtf8MimeType(type) ? `${type}; charset=utf-8` : type;
}

/**
 * Sends `file` (an absolute path), or its precompressed copy when the client accepts that encoding and the
 * copy is not older than the file (a copy left from an earlier build is never served for a newer file).
 * Conditional and range requests are answered by @fastify/send. False when there is no such file.
 */
export async function sendPrecompressed(
  request: FastifyRequest,
  reply: FastifyReply,
  file: string,
  cacheControl: string,
): Promise<boolean> {
  const original = await mtimeOf(file);
  if (original === null) return false;
  let chosen = file;
  let encoding: string | null = null;
  const accepted = request.accepts();
  for (const variant of PRECOMPRESSED) {
    if (!accepted.encoding([variant.encoding])) continue;
    const copy = await mtimeOf(file + variant.suffix);
    if (copy !== null && copy >= original) {
      chosen = file + variant.suffix;
      encoding = variant.encoding;
      break;
    }
  }
  const sent = await send(request.raw, encodeURI(chosen), {
    dotfiles: 'deny',
    index: false,
    // Revalidation by Last-Modified alone: no ETag, like every other answer of the api.
    etag: false,
    lastModified: true,
    cacheControl: false,
    contentType: false,
  });
  if (sent.type === 'error') {
    sent.stream.destroy();
    if (sent.statusCode === 404) return false;
    throw new HttpException(sent.metadata.error.message, sent.statusCode);
  }
  // Caches must keep one copy per encoding, whichever this answer is.
  reply.code(sent.statusCode).headers(sent.headers).header('Vary', 'Accept-Encoding').header('Cache-Control', cacheControl);
  // A 304 carries no content headers.
  if (sent.statusCode !== 304) {
    reply.header('Content-Type', contentTypeOf(file));
    if (encoding) reply.header('Content-Encoding', encoding);
  }
  reply.send(sent.stream);
  return true;
}

/**
 * Compression of API answers over the threshold. Brotli (quality 4) when the client accepts it, else gzip or
 * deflate at level 1: an inbox page (43 kB of JSON) takes 0.42 ms to gzip to 4.7 kB instead of 0.95 ms to 4.4 kB
 * at the default level 6 — on the api's one thread, per request; brotli at quality 4 costs about what gzip at
 * level 1 does. (The static files are compressed once, at the highest level.) Compressible types are those
 * mime-db marks so, plus text, JSON and XML ones, never the event stream.
 */
export function apiCompressionOptions(): FastifyCompressOptions {
  return {
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip', 'deflate'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 1 },
    customTypes: /^text\/(?!event-stream)|[+/](?:json|text|xml)(?:;|$)/,
  };
}

/** An `onRoute` hook, added before any route: the event stream's route is never compressed, whatever it sends. */
export function noCompressionForEventStream(route: RouteOptions): void {
  if (EVENT_STREAM.test(route.url)) route.compress = false;
}

/** Serves the built web from `dist`: hashed assets, then index.html for client routes. */
export function webUi(dist: string): FastifyPluginAsync {
  const root = join(dist, 'assets');
  const index = join(dist, 'index.html');
  return async (web: FastifyInstance) => {
    await web.register(fastifyAccepts);
    const notFound = (reply: FastifyReply) => reply.code(404).send();
    const asset = async (request: FastifyRequest, reply: FastifyReply) => {
      // The path as sent (a route parameter would come decoded once already).
      const raw = request.url.split('?', 1)[0]!.slice('/assets'.length);
      let path: string;
      try {
        path = decodeURIComponent(raw);
      } catch {
        path = '';
      }
      const file = normalize(join(root, path));
      if (!path || !file.startsWith(root + sep) || PRECOMPRESSED.some((variant) => file.endsWith(variant.suffix))) return notFound(reply);
      if (!(await sendPrecompressed(request, reply, file, ASSET_CACHE_CONTROL))) return notFound(reply);
      return reply;
    };
    // GET routes answer HEAD too.
    web.get('/assets', asset);
    web.get('/assets/*', asset);
    web.get('/*', async (request, reply) => {
      if (API_PATHS.test(request.url.split('?', 1)[0]!) || !request.accepts().type(['html'])) return reply.callNotFound();
      if (!(await sendPrecompressed(request, reply, index, INDEX_CACHE_CONTROL))) return reply.callNotFound();
      return reply;
    });
  };
}
