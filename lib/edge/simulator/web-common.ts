import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type WebLogin = { username: string; password: string };

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export function sendJson(res: ServerResponse, status: number, body: unknown): true {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), connection: 'close' });
  res.end(text);
  return true;
}

function pairs(header: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of header.replace(/^\s*digest\s+/i, '').matchAll(/([a-z0-9_-]+)\s*=\s*(?:"([^"]*)"|([^,\s]+))/gi)) out[m[1]!.toLowerCase()] = m[2] ?? m[3] ?? '';
  return out;
}

const NONCES = new Set<string>();

/**
 * HTTP digest auth as lighttpd on the miners does it (MD5, qop=auth): a request without a valid
 * answer gets 401 with a fresh challenge. Returns true when the request may go on.
 */
export function checkDigest(req: IncomingMessage, res: ServerResponse, realm: string, login: WebLogin): boolean {
  const header = req.headers.authorization ?? '';
  if (/^\s*digest\s/i.test(header)) {
    const a = pairs(header);
    const ha1 = md5(`${a.username}:${realm}:${login.password}`);
    const ha2 = md5(`${req.method}:${a.uri}`);
    const expected = a.qop ? md5(`${ha1}:${a.nonce}:${a.nc}:${a.cnonce}:${a.qop}:${ha2}`) : md5(`${ha1}:${a.nonce}:${ha2}`);
    if (a.username === login.username && a.realm === realm && a.nonce && NONCES.has(a.nonce) && a.uri === req.url && a.response === expected) return true;
  }
  const nonce = randomBytes(12).toString('hex');
  NONCES.add(nonce);
  if (NONCES.size > 10_000) NONCES.delete(NONCES.values().next().value!);
  res.writeHead(401, { 'www-authenticate': `Digest realm="${realm}", qop="auth", nonce="${nonce}", opaque="${md5(realm)}"`, 'content-length': 0, connection: 'close' });
  res.end();
  return false;
}

/** The request body as text (miner requests are small: capped at 64 KB). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= 65_536) chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(''));
  });
}
