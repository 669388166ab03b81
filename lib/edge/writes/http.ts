import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { MinerRpcError } from '../rpc/client';

export type HttpReply = { status: number; headers: http.IncomingHttpHeaders; body: string };
export type HttpRequest = { host: string; port: number; method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string; timeoutMs: number };

/** A miner's web reply is a few KB; anything past this is not a miner. */
const MAX_BODY_BYTES = 1 << 20;

/**
 * One HTTP/1.1 request to a miner's web interface, without keep-alive (miner web servers are
 * small and some close early). Socket errors and timeouts become MinerRpcError, as on the
 * cgminer port, so a command's failure reads the same whatever the transport.
 */
export function httpRequest(req: HttpRequest): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string> = { connection: 'close', ...req.headers };
    if (body) headers['content-length'] = String(body.length);
    let settled = false;
    const fail = (code: ConstructorParameters<typeof MinerRpcError>[0], message: string) => {
      if (settled) return;
      settled = true;
      request.destroy();
      reject(new MinerRpcError(code, message));
    };
    const where = `${req.host}:${req.port}`;
    const request = http.request({ host: req.host, port: req.port, method: req.method, path: req.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) fail('TOO_LARGE', `${where} sent more than ${MAX_BODY_BYTES} bytes`);
        else chunks.push(c);
      });
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', () => fail('RESET', `${where} reset the connection`));
    });
    const timer = setTimeout(() => fail('READ_TIMEOUT', `${where} did not answer ${req.method} ${req.path} within ${req.timeoutMs} ms`), req.timeoutMs);
    request.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (err.code === 'ECONNREFUSED') fail('REFUSED', `${where} refused the connection`);
      else if (err.code === 'ECONNRESET' || err.code === 'EPIPE' || err.code === 'ERR_HTTP_SOCKET_ENCODING') fail('RESET', `${where} reset the connection`);
      else fail('NETWORK', `${where}: ${err.code ?? err.message}`);
    });
    if (body) request.write(body);
    request.end();
  });
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

/** The name="value" pairs of a WWW-Authenticate Digest challenge. */
export function parseDigestChallenge(header: string): Record<string, string> | null {
  if (!/^\s*digest\s/i.test(header)) return null;
  const out: Record<string, string> = {};
  for (const m of header.replace(/^\s*digest\s+/i, '').matchAll(/([a-z0-9_-]+)\s*=\s*(?:"([^"]*)"|([^,\s]+))/gi)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return out;
}

/** The Authorization header answering a Digest challenge (RFC 7616 with MD5, qop "auth" when offered). */
export function digestAuthorization(challenge: Record<string, string>, method: string, uri: string, username: string, password: string, cnonce = randomBytes(8).toString('hex')): string {
  const realm = challenge.realm ?? '';
  const nonce = challenge.nonce ?? '';
  const ha1 = md5(`${username}:${realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const qop = challenge.qop?.split(',').map((q) => q.trim()).includes('auth') ? 'auth' : null;
  const nc = '00000001';
  const response = qop ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
  const parts = [`username="${username}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${uri}"`, 'algorithm=MD5', `response="${response}"`];
  if (qop) parts.push(`qop=${qop}`, `nc=${nc}`, `cnonce="${cnonce}"`);
  if (challenge.opaque !== undefined) parts.push(`opaque="${challenge.opaque}"`);
  return `Digest ${parts.join(', ')}`;
}

/**
 * A request under HTTP digest auth (Antminer stock and Elphapex web interfaces): sent once to get
 * the challenge, then again with the answer. A 401 after the answer means the credential is wrong.
 */
export async function digestRequest(req: HttpRequest, username: string, password: string): Promise<HttpReply> {
  const first = await httpRequest(req);
  if (first.status !== 401) return first;
  const header = first.headers['www-authenticate'];
  const challenge = parseDigestChallenge(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  if (!challenge) return first;
  return httpRequest({ ...req, headers: { ...req.headers, authorization: digestAuthorization(challenge, req.method, req.path, username, password) } });
}

/** The reply body as JSON, or null when it is not (miner CGIs answer HTML on some errors). */
export function jsonBody(reply: HttpReply): unknown {
  try {
    return JSON.parse(reply.body);
  } catch {
    return null;
  }
}
