import { type ChildProcess, fork } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import path from 'node:path';

export type Instance = { name: string; url: string; stop: () => Promise<void>; output: () => string };

const entry = path.join(import.meta.dirname, 'instance', 'main.ts');

/**
 * Starts one app instance (tests/scale/instance/main.ts) in its own Node process, listening on
 * `host` (loopback), and resolves once it serves. Its output is kept and shown if it fails to start.
 */
export function startInstance(name: string, host: string, env: Record<string, string>): Promise<Instance> {
  const child: ChildProcess = fork(entry, [], {
    cwd: path.join(import.meta.dirname, '..', '..'),
    execArgv: ['--import', 'tsx'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HI_INSTANCE_HOST: host, ...env } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ name, url: (m as { ready: string }).ready, stop, output: () => output }));
    void exited.then(() => reject(new Error(`instance ${name} exited before serving:\n${output}`)));
  });
}

export type Reply = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/**
 * A browser or client on its own loopback address (so the app sees its own TCP peer) with a cookie
 * jar; it follows no redirects, so a sign-in's answer can be read.
 */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(readonly address: string) {}

  /** Another client holding a copy of this one's cookies (a copied session cookie). */
  copy(address: string): Client {
    const other = new Client(address);
    for (const [k, v] of this.cookies) other.cookies.set(k, v);
    return other;
  }

  send(base: string, pathname: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
    const url = new URL(pathname, base);
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const headers = { ...(cookie ? { cookie } : {}), ...init.headers };
    return new Promise((resolve, reject) => {
      const req = httpRequest(url, { method: init.method ?? 'GET', headers, localAddress: this.address, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          for (const c of res.headers['set-cookie'] ?? []) this.keep(c);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text });
        });
      });
      req.on('error', reject);
      req.end(init.body);
    });
  }

  private keep(setCookie: string) {
    const [pair, ...attrs] = setCookie.split(';');
    const [name, ...value] = pair!.split('=');
    const expired = value.join('=') === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]!) <= Date.now()));
    if (expired) this.cookies.delete(name!.trim());
    else this.cookies.set(name!.trim(), value.join('='));
  }

  /** next-auth's own sign-in: a CSRF token, then the credentials form. Returns the path and query it sends the browser to. */
  async signIn(base: string, email: string, password: string): Promise<string> {
    const csrf = JSON.parse((await this.send(base, '/api/auth/csrf')).text) as { csrfToken: string };
    const body = new URLSearchParams({ email, password, csrfToken: csrf.csrfToken, callbackUrl: '/en/dashboard' }).toString();
    const res = await this.send(base, '/api/auth/callback/credentials', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    const location = res.headers.location;
    if (typeof location !== 'string') return `status ${res.status}`;
    const url = new URL(location, base);
    return url.pathname + url.search;
  }

  async signOut(base: string): Promise<number> {
    const csrf = JSON.parse((await this.send(base, '/api/auth/csrf')).text) as { csrfToken: string };
    const body = new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: '/en/login' }).toString();
    return (await this.send(base, '/api/auth/signout', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })).status;
  }
}
