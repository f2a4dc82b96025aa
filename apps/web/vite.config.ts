/// <reference types="vitest/config" />
// Vite 8 transforms TSX with Oxc itself (no React plugin: it conflicts here); the automatic runtime imports
// react/jsx-runtime, so components need no `import React`. The root is the folder of this file, given on the
// command line (`vite build apps/web`, `vitest run --root apps/web`), so every path below is relative to it.
import { defineConfig, type Plugin } from 'vite';
import { precompressDir } from './scripts/precompress.mjs';

// The label vocabulary and the reply rule ids have one home (GUIDE: one place knows a thing); both files are
// pure, import-free TypeScript, so the browser bundle takes them straight from the libraries.
const shared = (file: string) => decodeURIComponent(new URL(`../../libs/${file}`, import.meta.url).pathname);

/** After the bundle is written: a .br and a .gz copy of each text file, which the api serves as they are. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'otklik-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : `${config.root}/${config.build.outDir}`;
    },
    async closeBundle() {
      await precompressDir(outDir);
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [precompress()],
  resolve: {
    alias: {
      '@otklik/labels': shared('domain/src/labels.ts'),
      '@otklik/reply-rules': shared('reply-policy/src/rule-ids.ts'),
    },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // The chart library is big; the dashboard and incident screens load it lazily, so the inbox stays small.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Radix marks its modules "use client" for React Server Components; a client-only bundle ignores it.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    port: 5173,
    // The two shared files above live outside apps/web: let the dev server read the repository.
    fs: { allow: [decodeURIComponent(new URL('../..', import.meta.url).pathname)] },
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  test: {
    environment: './src/test/jsdom-node20.environment.mjs',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    setupFiles: ['src/test/setup-tests.ts'],
    css: false,
  },
});
