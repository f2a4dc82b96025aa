#!/usr/bin/env node
// `npm test`: install if needed, then run every jest project (unit + integration on the real PostgreSQL
// and Redis; each run makes its own database and key prefix). Extra arguments go to jest.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { ensureBuilt } = require('./ensure');

const root = join(__dirname, '..');
// Some integration tests start built processes (a worker killed with SIGKILL), so the build must be current.
ensureBuilt(root);
const result = spawnSync(process.execPath, [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-old-space-size=4096'].filter(Boolean).join(' ') },
});
// The web inbox's component tests run under vitest (jsdom), after jest; either failing fails the run.
const web = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--root', join(root, 'apps', 'web')], {
  cwd: root,
  stdio: 'inherit',
});
const status = (code) => (code === null ? 1 : code);
process.exit(status(result.status) || status(web.status));
