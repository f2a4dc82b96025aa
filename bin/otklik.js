#!/usr/bin/env node
// The `otklik` command: runs the built CLI, building the project first when dist/ is missing or stale.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { ensureBuilt } = require('../scripts/ensure');

const root = join(__dirname, '..');
ensureBuilt(root);
const entry = join(root, 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write(`otklik: ${entry} is missing after the build\n`);
  process.exit(1);
}
require(entry)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`otklik: ${error && error.stack ? error.stack : error}\n`);
      process.exitCode = 1;
    },
  );
