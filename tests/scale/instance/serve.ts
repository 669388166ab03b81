import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { register as instrumentation } from '@/instrumentation';
import proxy from '@/proxy';
import { currentRequest } from './next-headers';
import { loadRoutes, matchRoute, type Route } from './routes';

type Options = { host: string; setClockOffset: (ms: number) => void };

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function send(res: ServerResponse, response: Response, extra = new Headers()) {
  const headers: Record<string, string | string[]> = {};
  extra.forEach((value, name) => (headers[name] = value));
  response.headers.forEach((value, name) => name !== 'set-cookie' && (headers[name] = value));
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The request as the route handler gets it under `next start`: proxy.ts runs first and may answer
 * itself or rewrite the request's headers (NextResponse.next({ request: { headers } })).
 */
function throughProxy(request: NextRequest): { request: NextRequest; answer?: Response; extra: Headers } {
  const out = proxy(request);
  const extra = new Headers();
  out.headers.forEach((value, name) => !name.startsWith('x-middleware-') && extra.set(name, value));
  if (!out.headers.get('x-middleware-next')) return { request, answer: out, extra };
  const overridden = out.headers.get('x-middleware-override-headers');
  if (overridden === null) return { request, extra };
  const headers = new Headers();
  for (const name of overridden.split(',').filter(Boolean)) headers.set(name, out.headers.get(`x-middleware-request-${name}`) ?? '');
  return { request: new NextRequest(request, { headers }), extra };
}

/** The route handler for the request, run with next/headers answering from it. */
async function route(routes: Route[], request: NextRequest, method: string): Promise<Response> {
  const match = matchRoute(routes, request.nextUrl.pathname, method);
  if (match === 'no-route') return new Response('not found', { status: 404 });
  if (match === 'no-method') return new Response('method not allowed', { status: 405 });
  return currentRequest.run({ headers: request.headers }, () => match.handler(request, { params: Promise.resolve(match.params) }));
}

/** The test moving this machine's clock: the one thing reaching an instance other than HTTP to the app. */
function control(path: string, body: Buffer | undefined, opts: Options): Response {
  if (path !== '/__instance/clock') return new Response('not found', { status: 404 });
  opts.setClockOffset(Number(JSON.parse(String(body)).offsetMs));
  return new Response(null, { status: 204 });
}

export async function serveInstance(opts: Options): Promise<string> {
  process.env.NEXT_RUNTIME = 'nodejs';
  // What `next start` does before serving: the TCP peer on each request, configuration, migrations, seeds.
  await instrumentation();
  const routes = await loadRoutes(process.cwd());
  const server = createServer(async (req, res) => {
    try {
      const body = await readBody(req);
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
      if (url.pathname.startsWith('/__instance/')) return await send(res, control(url.pathname, body, opts));
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
      // What Next's server adds to every request before the app sees it (base-server.js).
      const defaults = { 'x-forwarded-host': req.headers.host ?? '', 'x-forwarded-port': String(req.socket.localPort), 'x-forwarded-proto': 'http', 'x-forwarded-for': req.socket.remoteAddress ?? '' };
      for (const [name, value] of Object.entries(defaults)) if (!headers.has(name)) headers.set(name, value);
      const incoming = new NextRequest(url, { method: req.method, headers, body: body ? new Uint8Array(body) : undefined });
      const { request, answer, extra } = throughProxy(incoming);
      const response = answer ?? (await route(routes, request, req.method ?? 'GET'));
      await send(res, response, extra);
    } catch (error) {
      console.error('[instance] request failed:', error);
      if (!res.headersSent) res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, opts.host, resolve));
  const { address, port } = server.address() as AddressInfo;
  return `http://${address}:${port}`;
}
