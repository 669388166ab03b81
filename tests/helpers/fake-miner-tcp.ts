import net from 'node:net';

/**
 * A miner API port that answers each JSON request (one per connection, as cgminer and btminer do)
 * with what `answer` returns, recording the requests — for unit tests of the btminer token API.
 */
export async function fakeMinerTcp(answer: (req: Record<string, unknown>) => unknown): Promise<{ port: number; seen: Record<string, unknown>[]; close(): Promise<void> }> {
  const seen: Record<string, unknown>[] = [];
  const server = net.createServer((socket) => {
    let buf = '';
    socket.on('data', (c) => {
      buf += c.toString('utf8');
      let req: Record<string, unknown>;
      try {
        req = JSON.parse(buf) as Record<string, unknown>;
      } catch {
        return;
      }
      seen.push(req);
      socket.end(JSON.stringify(answer(req)));
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as net.AddressInfo).port, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
