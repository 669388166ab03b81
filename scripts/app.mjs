// `npm run app`: builds when the build is missing or older than the sources, then serves it.
// With no DATABASE_URL the app runs on embedded PGlite in DATA_DIR (default .data/) and seeds the
// demo farm on its first start.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const SOURCES = ['app', 'components', 'lib', 'db', 'inngest', 'messages', 'public', 'package.json', 'next.config.ts', 'proxy.ts', 'instrumentation.ts'];

function newest(p) {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(p).map((f) => newest(path.join(p, f))));
}

const built = existsSync('.next/BUILD_ID') ? statSync('.next/BUILD_ID').mtimeMs : 0;
if (process.argv.includes('--rebuild') || built < Math.max(...SOURCES.map(newest))) {
  console.log('[app] building…');
  const b = spawnSync('npx', ['next', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const port = process.env.PORT ?? '3000';
console.log(`[app] serving on http://localhost:${port}`);
// PORT goes to the server too: the live demo collector sends to its own port (lib/env `port`).
const s = spawnSync('npx', ['next', 'start', '-p', port], { stdio: 'inherit', env: { ...process.env, PORT: port } });
process.exit(s.status ?? 0);
