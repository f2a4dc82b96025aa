// Install and build on demand, so `npm start`, `npm test` and `npx otklik` work on a fresh clone in any order.
// Plain CommonJS with no dependencies: it runs before node_modules exists.
const { execSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

function newestMtime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.(ts|tsx|json|css|html|mjs)$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function ensureInstalled(root) {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  process.stderr.write('otklik: installing dependencies (npm install) ...\n');
  execSync('npm install --no-audit --no-fund', { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

function ensureBuilt(root) {
  ensureInstalled(root);
  const stamp = join(root, 'dist', '.build-stamp');
  const sources = Math.max(newestMtime(join(root, 'apps')), newestMtime(join(root, 'libs')), statSync(join(root, 'tsconfig.json')).mtimeMs);
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return;
  process.stderr.write('otklik: building (npm run build) ...\n');
  execSync('npm run -s build', { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  writeFileSync(stamp, new Date().toISOString());
}

module.exports = { ensureInstalled, ensureBuilt };
