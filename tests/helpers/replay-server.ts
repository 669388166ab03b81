import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Reply = { status?: number; body?: string; delayMs?: number; type?: string };

/**
 * A local HTTP server on 127.0.0.1 (random port) replaying recorded replies by path (query strings
 * recorded, not matched). `routes[path]` is a queue: each request takes the first reply, the last one
 * repeats; an unknown path is a 404. `reset(fresh)` puts the routes back and forgets hits and queries.
 */
export async function startReplayServer(initial: () => Record<string, Reply[]>) {
  const routes = initial();
  const hits: Record<string, number> = {};
  const queries: Record<string, string[]> = {};
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits[url.pathname] = (hits[url.pathname] ?? 0) + 1;
    (queries[url.pathname] ??= []).push(url.search);
    const queue = routes[url.pathname];
    const reply = queue && queue.length > 1 ? queue.shift()! : queue?.[0];
    const send = () => {
      if (!reply) {
        res.writeHead(404).end('not found');
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': reply.type ?? 'application/json' }).end(reply.body ?? '');
    };
    if (reply?.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    queries,
    /** Replace the replies of one path (a queue; the last one repeats). */
    set(pathname: string, replies: Reply[]) {
      routes[pathname] = replies;
    },
    reset() {
      Object.assign(routes, initial());
      for (const k of Object.keys(hits)) delete hits[k];
      for (const k of Object.keys(queries)) delete queries[k];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
