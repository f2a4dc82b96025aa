/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the web build, so the api sends
 * compressed files without compressing per request (apps/api/src/http/web-static.ts). A copy that would not
 * be smaller is not written. Run by the Vite build (vite.config.ts); by hand: node precompress.mjs DIR.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

async function* files(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile() && TEXT.test(entry.name)) yield path;
  }
}

/** Compresses every text file under `dir`; answers per file its size and the sizes of the copies written. */
export async function precompressDir(dir) {
  const report = [];
  for await (const path of files(dir)) {
    const body = await readFile(path);
    const gzip = gzipSync(body, { level: 9 });
    const brotli = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const row = { path, size: body.length, gzip: null, brotli: null };
    if (gzip.length < body.length) {
      await writeFile(`${path}.gz`, gzip);
      row.gzip = gzip.length;
    }
    if (brotli.length < body.length) {
      await writeFile(`${path}.br`, brotli);
      row.brotli = brotli.length;
    }
    report.push(row);
  }
  return report;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
  const report = await precompressDir(dir);
  for (const row of report) process.stdout.write(`${row.path}: ${row.size} B, gzip ${row.gzip ?? '-'} B, brotli ${row.brotli ?? '-'} B\n`);
}
