import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '@/lib/integrations/notify/signature';

export type ReceivedHook = { path: string; body: string; signatureValid: boolean; timestamp: string | undefined; deliveryId: string | undefined };

/**
 * A webhook receiver on 127.0.0.1 that checks the HMAC signature like a real one would. A path's
 * behaviour: `failFirst` answers 503 that many times first; `status` always answers that status;
 * `hangMs` waits before answering (to trigger client timeouts).
 */
export async function startFakeWebhook(secret: string, behaviour: Record<string, { failFirst?: number; status?: number; hangMs?: number }> = {}) {
  const received: ReceivedHook[] = [];
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      const n = (hits.get(path) ?? 0) + 1;
      hits.set(path, n);
      const b = behaviour[path] ?? {};
      const signatureValid = verifySignature(body, secret, req.headers['x-hashinsight-signature'] as string | undefined);
      received.push({ path, body, signatureValid, timestamp: req.headers['x-hashinsight-timestamp'] as string | undefined, deliveryId: req.headers['x-hashinsight-delivery'] as string | undefined });
      const answer = () => {
        const status = b.status ?? (b.failFirst && n <= b.failFirst ? 503 : signatureValid ? 204 : 401);
        res.writeHead(status).end();
      };
      if (b.hangMs) setTimeout(answer, b.hangMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    received,
    hits,
    url: (path = '/hook') => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
