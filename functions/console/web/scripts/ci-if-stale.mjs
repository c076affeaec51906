// `npm ci`, unless node_modules already holds exactly what package-lock.json pins: npm records what it
// installed in node_modules/.package-lock.json, so every locked package must be there at its locked
// version and integrity (optional packages for other platforms are never installed and may be absent).
// The Maven build calls this instead of a bare `npm ci`, which reinstalls everything (about 15 s) on
// every build.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const locked = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages;
const installedFile = 'node_modules/.package-lock.json';
const installed = existsSync(installedFile) ? JSON.parse(readFileSync(installedFile, 'utf8')).packages : null;

function stale() {
  if (!installed) return 'nothing installed yet';
  for (const [path, pkg] of Object.entries(locked)) {
    if (path === '') continue;
    const have = installed[path];
    if (!have) {
      if (pkg.optional) continue;
      return `${path} is missing`;
    }
    if (have.version !== pkg.version || have.integrity !== pkg.integrity) return `${path} is not ${pkg.version}`;
  }
  for (const path of Object.keys(installed)) {
    if (!(path in locked)) return `${path} is not in the lock file`;
  }
  return null;
}

const why = stale();
if (why) {
  console.log(`npm ci: ${why}`);
  execSync('npm ci --no-audit --no-fund --silent', { stdio: 'inherit' });
}
