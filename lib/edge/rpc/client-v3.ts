import net from 'node:net';
import { MinerRpcError, type RpcErrorCode, type RpcTimeouts, DEFAULT_TIMEOUTS } from './client';
import { parseMinerJson } from './json-repair';

const MAX_REPLY_BYTES = 1 << 20;

/** Whatsminer API v3 (btminer, 2024+ firmware) listens here by default; 4028 keeps the v2 API when enabled. */
export const WHATSMINER_V3_PORT = 4433;

/**
 * One Whatsminer API v3 request on its own connection: the JSON `{"cmd": …, "param": …}` framed by
 * a 4-byte little-endian length, the reply framed the same way ({code, when, msg, desc}). A reply
 * that arrives unframed (starts with "{") is read to the end instead. Rejects with MinerRpcError.
 */
export function whatsminerV3Command(host: string, port: number, cmd: string, param?: unknown, timeouts: RpcTimeouts = DEFAULT_TIMEOUTS): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    let buf = Buffer.alloc(0);
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
    function tryParse(final: boolean) {
      if (buf.length === 0) {
        if (final) fail('BAD_REPLY', `${host}:${port} closed without a reply`);
        return;
      }
      const framed = buf[0] !== 0x7b && buf[0] !== 0x20 && buf.length >= 4;
      const body = framed ? buf.subarray(4, 4 + buf.readUInt32LE(0)) : buf;
      const complete = framed ? buf.length >= 4 + buf.readUInt32LE(0) : final || /}\s*\u0000*\s*$/.test(buf.toString('utf8'));
      if (!complete) {
        if (final) fail('BAD_REPLY', `${host}:${port} closed mid-reply`);
        return;
      }
      try {
        finish(null, parseMinerJson(body.toString('utf8')));
      } catch {
        if (final || framed) fail('BAD_REPLY', `${host}:${port} sent a v3 reply that is not JSON (${body.length} bytes)`);
      }
    }
    socket.once('connect', () => {
      clearTimeout(timer);
      timer = setTimeout(() => fail('READ_TIMEOUT', `${host}:${port} did not answer "${cmd}" within ${timeouts.readTimeoutMs} ms`), timeouts.readTimeoutMs);
      const json = Buffer.from(JSON.stringify(param === undefined ? { cmd } : { cmd, param }), 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32LE(json.length, 0);
      socket.write(Buffer.concat([len, json]));
    });
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (buf.length > MAX_REPLY_BYTES) fail('TOO_LARGE', `${host}:${port} sent more than ${MAX_REPLY_BYTES} bytes`);
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

/** A v3 reply: {code: 0, msg: {...}}; anything else (code ≠ 0, a cgminer STATUS reply) is not one. */
export function isV3Reply(reply: unknown): reply is { code: number; msg: unknown; desc?: unknown } {
  return typeof reply === 'object' && reply !== null && !Array.isArray(reply) && typeof (reply as { code?: unknown }).code === 'number' && 'msg' in reply && !('STATUS' in reply);
}
