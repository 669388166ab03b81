import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatHit = { path: string; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * A chat service's incoming webhook on 127.0.0.1 (Slack-style URL or Telegram Bot API): keeps what
 * it receives and answers `status(path)` (200 by default) with Telegram's `{ok}` envelope.
 */
export async function startFakeChat(status: (path: string) => number = () => 200) {
  const received: ChatHit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const code = status(path);
      res.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(code === 200 ? { ok: true, result: { message_id: received.length } } : { ok: false, error_code: code, description: 'Forbidden: bot was blocked by the user' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { received, base, close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }) };
}
