import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

let cachedRoot: string | undefined;

/** The repository root (the folder of Otklik's package.json), whether running from source or from dist/. */
export function repoRoot(): string {
  if (cachedRoot) return cachedRoot;
  let dir = __dirname;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'otklik') return (cachedRoot = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find Otklik's package.json above ${__dirname}`);
    dir = parent;
  }
}

/** ../shared beside the repository (reference data and the labeled corpus); OTKLIK_SHARED_DIR overrides. */
export function sharedDir(): string {
  return process.env.OTKLIK_SHARED_DIR ? resolve(process.env.OTKLIK_SHARED_DIR) : resolve(repoRoot(), '..', 'shared');
}

export function corpusDevDir(): string {
  return join(sharedDir(), 'corpus', 'dev');
}
