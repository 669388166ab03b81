import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '@/db/client';
import { handleCommandAck, handleCommandPoll } from '@/lib/edge/api/handle-commands';
import { handleFetchCredentials, handlePublishKey } from '@/lib/edge/api/handle-credentials';
import { handleIngest } from '@/lib/edge/ingest/handle-ingest';

/** The real edge handlers behind a node:http server on 127.0.0.1, as the collector sees the cloud. */
export async function startCloud(db: Db, port = 0) {
  /** Each upload's answer; `online` is how many of its readings the ingest counted online. */
  const received: { at: number; status: number; online?: number }[] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: body && req.method !== 'GET' ? new Uint8Array(body) : undefined });
    const url = new URL(request.url);
    const ack = /^\/api\/edge\/v1\/commands\/([^/]+)\/ack$/.exec(url.pathname);
    let response: Response;
    if (url.pathname === '/api/edge/v1/telemetry/ingest') {
      response = await handleIngest(db, request, new Date());
      const answer = (await response.clone().json().catch(() => null)) as { online?: number } | null;
      received.push({ at: Date.now(), status: response.status, online: answer?.online });
    } else if (url.pathname === '/api/edge/v1/commands/poll') response = await handleCommandPoll(db, request, new Date());
    else if (ack) response = await handleCommandAck(db, request, ack[1]!, new Date());
    else if (url.pathname === '/api/edge/v1/keys') response = await handlePublishKey(db, request);
    else if (url.pathname === '/api/edge/v1/credentials') response = await handleFetchCredentials(db, request);
    else response = new Response('not found', { status: 404 });
    res.writeHead(response.status, { 'content-type': 'application/json' });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
