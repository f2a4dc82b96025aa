/** Types of precompress.mjs (imported by vite.config.ts). */
export interface PrecompressRow {
  path: string;
  size: number;
  gzip: number | null;
  brotli: number | null;
}
export function precompressDir(dir: string): Promise<PrecompressRow[]>;
