// Builds the app, serves it on a free loopback port with a fresh database (embedded PGlite, or a
// new database on TEST_DATABASE_URL's server), waits for health, runs Playwright, cleans up.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { SMTPServer } from 'smtp-server';

const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const freePort = () =>
  new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });

if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync('.next/BUILD_ID')) run('npx', ['next', 'build']);

const port = await freePort();
const dataDir = mkdtempSync(path.join(tmpdir(), 'hi-e2e-'));
// A curtailment's reduction and recovery are checked 90 s after its last command (3 and 15 min in
// production), so e2e/power-curtailment.spec.ts sees a whole one within minutes.
const env = { CURTAILMENT_VERIFY_AFTER_S: '90', CURTAILMENT_RECOVERY_CHECK_S: '90', ...process.env, PORT: String(port), DATA_DIR: dataDir, NODE_ENV: 'production', HOSTNAME: '127.0.0.1' };
// A production start refuses the unsigned Inngest dev mode a developer's shell may have switched on.
delete env.INNGEST_DEV;
let dropDb = async () => {};
if (process.env.TEST_DATABASE_URL) {
  const name = `hi_e2e_${randomBytes(4).toString('hex')}`;
  const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  // Production on a shared database requires its secrets; the demo seed stores (demo) pool secrets.
  Object.assign(env, {
    DATABASE_URL: url.toString(),
    DEMO_MODE: 'true',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    ANTPOOL_SECRETS_KEY: randomBytes(32).toString('base64'),
    INNGEST_SIGNING_KEY: randomBytes(32).toString('hex'),
  });
  dropDb = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  console.log(`[e2e] PostgreSQL database ${name}`);
}

// A mail sink on loopback (unless SMTP_HOST is set): every message the app sends is written to
// E2E_MAILDIR as an .eml file, so a spec can follow a link the app e-mailed (a portal activation).
const mailDir = path.join(dataDir, 'mail');
mkdirSync(mailDir, { recursive: true });
let mailCount = 0;
const mailSink = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, cb) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const to = session.envelope.rcptTo.map((r) => r.address).join(',');
      writeFileSync(path.join(mailDir, `${Date.now()}-${++mailCount}.eml`), `X-E2E-To: ${to}\r\n${Buffer.concat(chunks).toString('utf8')}`);
      cb();
    });
  },
});
if (!process.env.SMTP_HOST) {
  const smtpPort = await freePort();
  await new Promise((r) => mailSink.listen(smtpPort, '127.0.0.1', r));
  Object.assign(env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtpPort), SMTP_FROM: 'HashInsight <no-reply@hashinsight.test>' });
}

const server = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
const exited = new Promise((r) => server.once('exit', r));
const stop = async () => {
  // Wait for the server's process group to end before removing its data directory: a server still
  // writing (PGlite's pg_wal, the demo history fill) made rmSync fail after a passing run.
  const signal = (sig) => {
    try {
      process.kill(-server.pid, sig);
    } catch {}
  };
  signal('SIGTERM');
  const timer = new Promise((r) => setTimeout(r, 10_000, 'timeout'));
  if ((await Promise.race([exited, timer])) === 'timeout') signal('SIGKILL');
  await new Promise((r) => setTimeout(r, 500));
  await dropDb().catch((e) => console.error('[e2e] could not drop the database:', e.message));
  try {
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  } catch (e) {
    console.error(`[e2e] could not remove ${dataDir}: ${e.message}`);
  }
};

const base = `http://127.0.0.1:${port}`;
let healthy = false;
for (let i = 0; i < 120 && !healthy; i++) {
  await new Promise((r) => setTimeout(r, 1000));
  healthy = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
}
if (!healthy) {
  console.error('[e2e] the app did not become healthy within 120 s');
  await stop();
  process.exit(1);
}

// Not spawnSync: the mail sink above answers in this process while the specs run.
const result = await new Promise((resolve) => spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: base, E2E_MAILDIR: mailDir } }).once('exit', (status) => resolve({ status })));
mailSink.close();
await stop();
process.exit(result.status ?? 1);
