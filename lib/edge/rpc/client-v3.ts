import { type RpcTimeouts, DEFAULT_TIMEOUTS, tcpExchange } from './client';
import { parseMinerJson } from './json-repair';

/** Whatsminer API v3 (btminer, 2024+ firmware) listens here by default; 4028 keeps the v2 API when enabled. */
export const WHATSMINER_V3_PORT = 4433;

/**
 * One Whatsminer API v3 request on its own connection: the JSON `{"cmd": …, "param": …}` framed by
 * a 4-byte little-endian length, the reply framed the same way ({code, when, msg, desc}). A reply
 * that arrives unframed (starts with "{") is read to the end instead. Rejects with MinerRpcError.
 */
export function whatsminerV3Command(host: string, port: number, cmd: string, param?: unknown, timeouts: RpcTimeouts = DEFAULT_TIMEOUTS, extra: Record<string, unknown> = {}): Promise<unknown> {
  // `extra` carries a write's ts, token, account (and its param).
  const json = Buffer.from(JSON.stringify({ cmd, ...(param === undefined ? {} : { param }), ...extra }), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  return tcpExchange(host, port, cmd, Buffer.concat([len, json]), timeouts, (buf, final) => {
    if (buf.length === 0) return final ? { fail: `${host}:${port} closed without a reply` } : null;
    const framed = buf[0] !== 0x7b && buf[0] !== 0x20 && buf.length >= 4;
    const body = framed ? buf.subarray(4, 4 + buf.readUInt32LE(0)) : buf;
    const complete = framed ? buf.length >= 4 + buf.readUInt32LE(0) : final || /}\s*\u0000*\s*$/.test(buf.toString('utf8'));
    if (!complete) return final ? { fail: `${host}:${port} closed mid-reply` } : null;
    try {
      return { value: parseMinerJson(body.toString('utf8')) };
    } catch {
      return final || framed ? { fail: `${host}:${port} sent a v3 reply that is not JSON (${body.length} bytes)` } : null;
    }
  });
}

/** A v3 reply: {code: 0, msg: {...}}; anything else (code ≠ 0, a cgminer STATUS reply) is not one. */
export function isV3Reply(reply: unknown): reply is { code: number; msg: unknown; desc?: unknown } {
  return typeof reply === 'object' && reply !== null && !Array.isArray(reply) && typeof (reply as { code?: unknown }).code === 'number' && 'msg' in reply && !('STATUS' in reply);
}
