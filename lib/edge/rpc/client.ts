import net from 'node:net';
import { parseMinerJson } from './json-repair';

export type RpcErrorCode = 'CONNECT_TIMEOUT' | 'READ_TIMEOUT' | 'REFUSED' | 'RESET' | 'NETWORK' | 'BAD_REPLY' | 'TOO_LARGE';

/** A failed CGMiner API exchange; `code` says which stage failed so callers can decide to retry. */
export class MinerRpcError extends Error {
  constructor(
    readonly code: RpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MinerRpcError';
  }
}

export type RpcTimeouts = { connectTimeoutMs: number; readTimeoutMs: number };

export const DEFAULT_TIMEOUTS: RpcTimeouts = { connectTimeoutMs: 3000, readTimeoutMs: 5000 };

/** Largest reply accepted; a real `stats` is a few KB, so anything this big is not a miner. */
const MAX_REPLY_BYTES = 1 << 20;

/**
 * One CGMiner API command on its own TCP connection (REFERENCE §5: several firmwares refuse
 * `a+b` multi-commands and many serve one request per connection). Reads until the miner closes,
 * or until the bytes so far already form a complete reply (some firmware keeps the socket open).
 * Resolves with the parsed (repaired) JSON; rejects with a MinerRpcError.
 */
export function cgminerCommand(
  host: string,
  port: number,
  command: string,
  parameter?: string,
  timeouts: RpcTimeouts = DEFAULT_TIMEOUTS,
): Promise<unknown> {
  const body: { command: string; parameter?: string } = { command };
  if (parameter !== undefined) body.parameter = parameter;
  return jsonCommand(host, port, command, body, timeouts);
}

/**
 * Any JSON request on the cgminer port, read as cgminerCommand reads its reply (btminer's v2
 * token API sends {"cmd": …} and {"enc": 1, "data": …} here).
 */
export function jsonCommand(host: string, port: number, label: string, body: unknown, timeouts: RpcTimeouts = DEFAULT_TIMEOUTS): Promise<unknown> {
  return tcpExchange(host, port, label, JSON.stringify(body), timeouts, (reply, final) => {
    const text = reply.toString('utf8');
    if (!final && !/[}\]]\s*\u0000*\s*$/.test(text)) return null;
    try {
      return { value: parseMinerJson(text) };
    } catch {
      if (!final) return null;
      return { fail: text.length === 0 ? `${host}:${port} closed without a reply` : `${host}:${port} sent a reply that is not JSON (${text.length} bytes)` };
    }
  });
}

/** What a reader makes of the bytes so far: a value, a refusal (BAD_REPLY), or null to wait for more. */
export type ReplyRead = { value: unknown } | { fail: string } | null;

/**
 * One request on its own TCP connection, shared by the cgminer-family API and Whatsminer API v3:
 * connect and read timeouts, the reply-size cap, and the socket errors mapped to MinerRpcError codes.
 * `read` is asked after every chunk (final = false) and once more when the miner closes (final = true).
 */
export function tcpExchange(
  host: string,
  port: number,
  label: string,
  request: string | Buffer,
  timeouts: RpcTimeouts,
  read: (reply: Buffer, final: boolean) => ReplyRead,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    let timer = setTimeout(() => fail('CONNECT_TIMEOUT', `connect to ${host}:${port} timed out after ${timeouts.connectTimeoutMs} ms`), timeouts.connectTimeoutMs);

    function finish(err: MinerRpcError | null, value?: unknown) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve(value);
    }
    function fail(code: RpcErrorCode, message: string) {
      finish(new MinerRpcError(code, message));
    }
    function tryRead(final: boolean) {
      const out = read(Buffer.concat(chunks, size), final);
      if (out === null) return;
      if ('fail' in out) fail('BAD_REPLY', out.fail);
      else finish(null, out.value);
    }

    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail('READ_TIMEOUT', `${host}:${port} did not answer "${label}" within ${timeouts.readTimeoutMs} ms`), timeouts.readTimeoutMs);
      socket.write(request);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_REPLY_BYTES) fail('TOO_LARGE', `${host}:${port} sent more than ${MAX_REPLY_BYTES} bytes`);
      else tryRead(false);
    });
    socket.once('end', () => tryRead(true));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') fail('REFUSED', `${host}:${port} refused the connection`);
      else if (err.code === 'ECONNRESET' || err.code === 'EPIPE') fail('RESET', `${host}:${port} reset the connection`);
      else fail('NETWORK', `${host}:${port}: ${err.code ?? err.message}`);
    });
    socket.once('close', () => {
      if (!settled) tryRead(true);
    });
  });
}

/** The first STATUS entry of a reply: an array in cgminer replies, a bare object in btminer v2 `get_*` replies. */
export function replyStatus(reply: unknown): { status: string; msg: string } | null {
  if (!reply || typeof reply !== 'object') return null;
  const raw = (reply as Record<string, unknown>).STATUS;
  if (typeof raw === 'string') {
    const msg = (reply as Record<string, unknown>).Msg;
    return { status: raw, msg: typeof msg === 'string' ? msg : '' };
  }
  const first = Array.isArray(raw) ? raw[0] : null;
  if (!first || typeof first !== 'object') return null;
  const s = first as Record<string, unknown>;
  return { status: String(s.STATUS ?? ''), msg: String(s.Msg ?? '') };
}

/** cgminer marks failures with STATUS "E" (error) or "F" (fatal). */
export function isErrorReply(reply: unknown): boolean {
  const st = replyStatus(reply);
  return st !== null && (st.status === 'E' || st.status === 'F');
}
