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
    function tryParse(final: boolean): boolean {
      const text = Buffer.concat(chunks, size).toString('utf8');
      if (!final && !/[}\]]\s*\u0000*\s*$/.test(text)) return false;
      try {
        finish(null, parseMinerJson(text));
        return true;
      } catch {
        if (final) fail('BAD_REPLY', text.length === 0 ? `${host}:${port} closed without a reply` : `${host}:${port} sent a reply that is not JSON (${text.length} bytes)`);
        return false;
      }
    }

    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail('READ_TIMEOUT', `${host}:${port} did not answer "${command}" within ${timeouts.readTimeoutMs} ms`), timeouts.readTimeoutMs);
      const body: { command: string; parameter?: string } = { command };
      if (parameter !== undefined) body.parameter = parameter;
      socket.write(JSON.stringify(body));
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > MAX_REPLY_BYTES) fail('TOO_LARGE', `${host}:${port} sent more than ${MAX_REPLY_BYTES} bytes`);
      else tryParse(false);
    });
    socket.once('end', () => tryParse(true));
    socket.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') fail('REFUSED', `${host}:${port} refused the connection`);
      else if (err.code === 'ECONNRESET' || err.code === 'EPIPE') fail('RESET', `${host}:${port} reset the connection`);
      else fail('NETWORK', `${host}:${port}: ${err.code ?? err.message}`);
    });
    socket.once('close', () => {
      if (!settled) tryParse(true);
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
