import http2 from 'node:http2';
import { MinerRpcError } from '../rpc/client';

/** Protobuf wire encoding for the few flat messages the Braiins OS API needs (no library: four message shapes). */
export function varint(n: number): Buffer {
  const out: number[] = [];
  let v = BigInt(n);
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) b |= 0x80;
    out.push(b);
  } while (v > 0n);
  return Buffer.from(out);
}
export const pbVarint = (field: number, n: number) => Buffer.concat([varint((field << 3) | 0), varint(n)]);
export const pbBytes = (field: number, b: Buffer) => Buffer.concat([varint((field << 3) | 2), varint(b.length), b]);
export const pbString = (field: number, s: string) => pbBytes(field, Buffer.from(s, 'utf8'));

/** The fields of a protobuf message: varints as numbers, length-delimited as buffers (others skipped). */
export function pbDecode(buf: Buffer): Map<number, (number | Buffer)[]> {
  const out = new Map<number, (number | Buffer)[]>();
  let pos = 0;
  const readVarint = () => {
    let v = 0n;
    let shift = 0n;
    for (;;) {
      if (pos >= buf.length) throw new Error('truncated varint');
      const b = buf[pos++]!;
      v |= BigInt(b & 0x7f) << shift;
      if (!(b & 0x80)) return Number(v);
      shift += 7n;
    }
  };
  while (pos < buf.length) {
    const key = readVarint();
    const field = key >> 3;
    const wire = key & 7;
    let value: number | Buffer;
    if (wire === 0) value = readVarint();
    else if (wire === 2) {
      const len = readVarint();
      value = buf.subarray(pos, pos + len);
      pos += len;
    } else if (wire === 1) {
      pos += 8;
      continue;
    } else if (wire === 5) {
      pos += 4;
      continue;
    } else throw new Error(`unsupported wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

export type GrpcReply = { status: number; message: string; body: Buffer; headers: http2.IncomingHttpHeaders };

/** A gRPC message frame: compressed flag 0, 4-byte big-endian length, the message. */
export function grpcFrame(message: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt32BE(message.length, 1);
  return Buffer.concat([head, message]);
}

/**
 * One unary gRPC call over cleartext HTTP/2 (h2c prior knowledge, as miners serve it), without a
 * gRPC library: the request framed as above, the reply's first message, and grpc-status/-message
 * from the trailers (or from the headers of a trailers-only reply).
 */
export function grpcUnary(host: string, port: number, path: string, message: Buffer, metadata: Record<string, string>, timeoutMs: number): Promise<GrpcReply> {
  return new Promise((resolve, reject) => {
    const where = `${host}:${port}`;
    const session = http2.connect(`http://${host}:${port}`);
    let settled = false;
    const finish = (err: MinerRpcError | null, value?: GrpcReply) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      session.destroy();
      if (err) reject(err);
      else resolve(value!);
    };
    const timer = setTimeout(() => finish(new MinerRpcError('READ_TIMEOUT', `${where} did not answer ${path} within ${timeoutMs} ms`)), timeoutMs);
    session.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') finish(new MinerRpcError('REFUSED', `${where} refused the connection`));
      else if (err.code === 'ECONNRESET') finish(new MinerRpcError('RESET', `${where} reset the connection`));
      else finish(new MinerRpcError('NETWORK', `${where}: ${err.code ?? err.message}`));
    });
    const stream = session.request({ ':method': 'POST', ':path': path, 'content-type': 'application/grpc', te: 'trailers', ...metadata });
    let headers: http2.IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    stream.on('response', (h) => (headers = h));
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('trailers', (t) => (headers = { ...headers, ...t }));
    stream.on('error', () => finish(new MinerRpcError('RESET', `${where} reset the stream of ${path}`)));
    stream.on('close', () => {
      if (settled) return;
      const data = Buffer.concat(chunks);
      const raw = headers['grpc-status'];
      if (raw === undefined) return finish(new MinerRpcError('BAD_REPLY', `${where} answered ${path} with HTTP ${String(headers[':status'])} and no grpc-status`));
      const status = Number(raw);
      const body = data.length >= 5 ? data.subarray(5, 5 + data.readUInt32BE(1)) : Buffer.alloc(0);
      finish(null, { status, message: decodeURIComponent(String(headers['grpc-message'] ?? '')), body, headers });
    });
    stream.end(grpcFrame(message));
  });
}
