import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';

/*
 * The part of the Upstash REST protocol @upstash/redis uses (POST / with one command as a JSON array,
 * POST /pipeline with several, Bearer token, base64 response encoding on request), relayed as RESP
 * over TCP to a real local Redis. Lets the Redis budget be tested on real Redis semantics (Lua
 * atomicity included) without the Upstash proxy or any other dependency.
 */
type Reply = string | number | null | Reply[] | { error: string };

class Resp {
  private buf = Buffer.alloc(0);
  private waiting: ((r: Reply) => void)[] = [];
  private chain = Promise.resolve();

  constructor(private readonly sock: Socket) {
    sock.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      for (;;) {
        const parsed = parse(this.buf, 0);
        if (!parsed) break;
        this.buf = this.buf.subarray(parsed.end);
        this.waiting.shift()?.(parsed.value);
      }
    });
  }

  /** One command at a time: replies arrive in order, so a queue of resolvers is enough. */
  send(args: (string | number)[]): Promise<Reply> {
    const frame = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(String(a))}\r\n${a}\r\n`).join('')}`;
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.sock.write(frame);
    });
  }

  close() {
    this.sock.destroy();
  }
}

function parse(b: Buffer, at: number): { value: Reply; end: number } | null {
  const eol = b.indexOf('\r\n', at);
  if (eol < 0) return null;
  const line = b.toString('utf8', at + 1, eol);
  switch (String.fromCharCode(b[at]!)) {
    case '+':
      return { value: line, end: eol + 2 };
    case '-':
      return { value: { error: line }, end: eol + 2 };
    case ':':
      return { value: Number(line), end: eol + 2 };
    case '$': {
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      if (b.length < eol + 2 + n + 2) return null;
      return { value: b.toString('utf8', eol + 2, eol + 2 + n), end: eol + 2 + n + 2 };
    }
    case '*': {
      const n = Number(line);
      if (n < 0) return { value: null, end: eol + 2 };
      const out: Reply[] = [];
      let pos = eol + 2;
      for (let i = 0; i < n; i++) {
        const item = parse(b, pos);
        if (!item) return null;
        out.push(item.value);
        pos = item.end;
      }
      return { value: out, end: pos };
    }
    default:
      throw new Error(`unexpected RESP byte ${b[at]}`);
  }
}

const b64 = (v: Reply): Reply => (typeof v === 'string' ? Buffer.from(v).toString('base64') : Array.isArray(v) ? v.map(b64) : v);
const wrap = (v: Reply, base64: boolean) => (v && typeof v === 'object' && !Array.isArray(v) ? { error: v.error } : { result: base64 ? b64(v) : v });

export type FakeUpstash = { url: string; token: string; commands: string[]; close: () => Promise<void> };

export async function startFakeUpstash(opts: { redisPort?: number; token?: string } = {}): Promise<FakeUpstash> {
  const token = opts.token ?? 'test-token';
  const sock = connect(opts.redisPort ?? 6379, '127.0.0.1');
  await new Promise<void>((res, rej) => sock.once('connect', res).once('error', rej));
  const redis = new Resp(sock);
  const commands: string[] = [];
  // Serialise whole requests so a pipeline's commands are not interleaved with another request's.
  let queue = Promise.resolve();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      queue = queue.then(async () => {
        if (req.headers.authorization !== `Bearer ${token}`) {
          res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'Unauthorized' }));
          return;
        }
        const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
        const parsed = JSON.parse(body) as (string | number)[] | (string | number)[][];
        const pipeline = (req.url ?? '/').startsWith('/pipeline') || (req.url ?? '/').startsWith('/multi-exec');
        const run = async (cmd: (string | number)[]) => {
          commands.push(String(cmd[0]).toLowerCase());
          return wrap(await redis.send(cmd), base64);
        };
        const out = pipeline ? await Promise.all((parsed as (string | number)[][]).map(run)) : await run(parsed as (string | number)[]);
        const failed = !pipeline && 'error' in (out as object);
        res.writeHead(failed ? 400 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(out));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    commands,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      redis.close();
    },
  };
}
