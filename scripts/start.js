#!/usr/bin/env node
// `npm start`: install and build if needed, then run api + worker in one process on embedded defaults
// (embedded PostgreSQL when DATABASE_URL is unset; Redis if one answers, else redis-server, else PostgreSQL
// queues) with the demo workspace and its replay source. Any setting can be overridden by the environment.
const { join } = require('node:path');
const { ensureBuilt } = require('./ensure');

const root = join(__dirname, '..');
ensureBuilt(root);
process.env.OTKLIK_ROLE = process.env.OTKLIK_ROLE || 'all';
process.env.OTKLIK_DEMO = process.env.OTKLIK_DEMO || 'true';
require(join(root, 'dist', 'apps', 'api', 'src', 'main.js'))
  .startApi()
  .catch((error) => {
    process.stderr.write(`otklik: cannot start: ${error && error.message ? error.message : error}\n`);
    process.exit(1);
  });
