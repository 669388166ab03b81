import { randomBytes } from 'node:crypto';
import type http2 from 'node:http2';
import { grpcFrame, pbDecode, pbString } from '../writes/grpc';
import type { SimMiner } from './sim-miner';

/**
 * The Braiins OS public gRPC API (see lib/edge/writes/braiins.ts): Login checks the web login and
 * hands out a token (response header and LoginResponse.token); actions and SetPowerTarget need it
 * as "authorization" metadata, else gRPC status 16 (UNAUTHENTICATED).
 */
export function braiinsGrpc(m: SimMiner, stream: http2.ServerHttp2Stream, headers: http2.IncomingHttpHeaders) {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('error', () => {});
  stream.on('end', () => {
    const data = Buffer.concat(chunks);
    const body = data.length >= 5 ? data.subarray(5, 5 + data.readUInt32BE(1)) : Buffer.alloc(0);
    const reply = (status: number, message = '', out?: Buffer, extra: Record<string, string> = {}) => {
      stream.respond({ ':status': 200, 'content-type': 'application/grpc', ...extra }, { waitForTrailers: true });
      stream.on('wantTrailers', () => stream.sendTrailers({ 'grpc-status': String(status), ...(message ? { 'grpc-message': encodeURIComponent(message) } : {}) }));
      stream.end(out ? grpcFrame(out) : undefined);
    };
    const path = String(headers[':path'] ?? '');
    let fields: ReturnType<typeof pbDecode>;
    try {
      fields = pbDecode(body);
    } catch {
      return reply(3, 'invalid message');
    }
    const text = (f: number) => fields.get(f)?.map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : String(v)))[0] ?? '';
    if (path === '/braiins.bos.v1.AuthenticationService/Login') {
      if (text(1) !== m.webLogin.username || text(2) !== m.webLogin.password) return reply(16, 'Invalid credentials');
      const token = randomBytes(12).toString('hex');
      m.sessions.add(token);
      return reply(0, '', pbString(1, token), { authorization: token });
    }
    if (!m.sessions.has(String(headers.authorization ?? ''))) return reply(16, 'Unauthenticated');
    switch (path) {
      case '/braiins.bos.v1.ActionsService/Reboot':
        reply(0, '', Buffer.alloc(0));
        m.reboot();
        return;
      case '/braiins.bos.v1.ActionsService/PauseMining':
        m.sleeping = true;
        return reply(0, '', Buffer.alloc(0));
      case '/braiins.bos.v1.ActionsService/ResumeMining':
        m.sleeping = false;
        return reply(0, '', Buffer.alloc(0));
      case '/braiins.bos.v1.PerformanceService/SetPowerTarget': {
        const power = fields.get(2)?.[0];
        const watt = Buffer.isBuffer(power) ? pbDecode(power).get(1)?.[0] : undefined;
        if (typeof watt !== 'number' || watt <= 0 || watt > m.model.powerW * 1.2) return reply(3, 'power target out of range');
        m.powerTargetW = watt;
        return reply(0, '', Buffer.alloc(0));
      }
      default:
        return reply(12, `unknown method ${path}`);
    }
  });
}
