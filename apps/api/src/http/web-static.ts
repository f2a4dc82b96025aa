/**
 * The built web inbox (apps/web/dist) at `/`, compressed. The web build writes a brotli (`.br`) and a gzip
 * (`.gz`) copy beside each text file (apps/web/scripts/precompress.mjs), so a request costs a file read, never
 * a compression: the copy the client accepts is sent with `Content-Encoding` and `Vary: Accept-Encoding`.
 * Hashed assets are cached for good (`immutable`); index.html — served for every client route that wants
 * HTML, so deep links survive a reload — is revalidated on each load. /api and /admin stay the API's.
 *
 * API answers over 1 KB are gzipped on the fly (the `compression` package); the event stream never is: a
 * compressor buffers, and a buffered SSE event arrives late or not at all.
 */
import compression from 'compression';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

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

async function mtimeOf(path: string): Promise<number | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.mtimeMs : null;
  } catch {
    return null;
  }
}

/**
 * Sends `file` (an absolute path), or its precompressed copy when the client accepts that encoding and the
 * copy is not older than the file (a copy left from an earlier build is never served for a newer file).
 */
export async function sendPrecompressed(
  request: Request,
  response: Response,
  next: NextFunction,
  file: string,
  cacheControl: string,
): Promise<void> {
  const original = await mtimeOf(file);
  if (original === null) {
    next();
    return;
  }
  let chosen = file;
  let encoding: string | null = null;
  for (const variant of PRECOMPRESSED) {
    if (!request.acceptsEncodings(variant.encoding)) continue;
    const copy = await mtimeOf(file + variant.suffix);
    if (copy !== null && copy >= original) {
      chosen = file + variant.suffix;
      encoding = variant.encoding;
      break;
    }
  }
  // Caches must keep one copy per encoding, whichever this answer is.
  response.vary('Accept-Encoding');
  // The type of the file itself (send would name a .br copy application/octet-stream).
  response.type(extname(file));
  const headers: Record<string, string> = { 'Cache-Control': cacheControl };
  if (encoding) headers['Content-Encoding'] = encoding;
  response.sendFile(chosen, { headers, cacheControl: false, dotfiles: 'deny' }, (error) => {
    if (error && !response.headersSent) next(error);
  });
}

/**
 * gzip for API answers over the threshold, never for the event stream (or anything marked no-transform). Level 1:
 * an inbox page (43 kB of JSON) takes 0.42 ms to compress to 4.7 kB instead of 0.95 ms to 4.4 kB at the default
 * level 6 — on the api's one thread, per request. (The static files are compressed once, at the highest level.)
 */
export function apiCompression(): RequestHandler {
  return compression({
    threshold: COMPRESS_THRESHOLD_BYTES,
    level: 1,
    filter: (request, response) => {
      if (EVENT_STREAM.test(request.path)) return false;
      if (/^text\/event-stream/.test(String(response.getHeader('Content-Type') ?? ''))) return false;
      return compression.filter(request, response);
    },
  });
}

/** The two handlers that serve the built web from `dist`: hashed assets, then index.html for client routes. */
export function webUiHandlers(dist: string): { assets: RequestHandler; index: RequestHandler } {
  const root = join(dist, 'assets');
  const index = join(dist, 'index.html');
  return {
    assets: (request, response, next) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return next();
      let path: string;
      try {
        path = decodeURIComponent(request.path);
      } catch {
        path = '';
      }
      const file = normalize(join(root, path));
      if (!path || !file.startsWith(root + sep) || PRECOMPRESSED.some((variant) => file.endsWith(variant.suffix))) {
        response.status(404).end();
        return;
      }
      void sendPrecompressed(request, response, () => response.status(404).end(), file, ASSET_CACHE_CONTROL).catch(next);
    },
    index: (request, response, next) => {
      if ((request.method !== 'GET' && request.method !== 'HEAD') || /^\/(api|admin)(\/|$)/.test(request.path) || !request.accepts('html'))
        return next();
      void sendPrecompressed(request, response, next, index, INDEX_CACHE_CONTROL).catch(next);
    },
  };
}
