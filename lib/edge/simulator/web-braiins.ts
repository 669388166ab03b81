import { randomBytes } from 'node:crypto';
import type http2 from 'node:http2';
import { grpcFrame, pbBytes, pbDecode, pbString, pbVarint } from '../writes/grpc';
import type { SimMiner, SimPool } from './sim-miner';

/**
 * The Braiins OS public gRPC API (see lib/edge/writes/braiins.ts): Login checks the web login and
 * hands out a token (response header and LoginResponse.token); actions and SetPowerTarget need it
 * as "authorization" metadata, else gRPC status 16 (UNAUTHENTICATED). Pools are one group
 * "Default" (quota 1): GetPoolGroups lists the miner's pools, SetPoolGroups replaces them with the
 * pools of the groups it is sent, in order (the cgminer `pools` reply then shows them).
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
      case '/braiins.bos.v1.PoolService/GetPoolGroups': {
        // GetPoolGroupsResponse { pool_groups = 1: PoolGroup { name = 1, quota = 2, pools = 4: Pool { uid = 1, url = 2, user = 3, enabled = 4, alive = 5, active = 6 } } }
        const pools = m.pools.map((p, i) => pbBytes(4, Buffer.concat([pbString(1, String(i)), pbString(2, p.url), pbString(3, p.user), pbVarint(4, 1), pbVarint(5, 1), pbVarint(6, i === m.activePool ? 1 : 0)])));
        return reply(0, '', pbBytes(1, Buffer.concat([pbString(1, 'Default'), pbBytes(2, pbVarint(1, 1)), ...pools])));
      }
      case '/braiins.bos.v1.PoolService/SetPoolGroups': {
        // SetPoolGroupsRequest { save_action = 1, pool_groups = 2: PoolGroupConfiguration { name = 2, pools = 5: PoolConfiguration { url = 2, user = 3, password = 4 } } }
        const pools: SimPool[] = [];
        for (const g of fields.get(2) ?? []) {
          if (!Buffer.isBuffer(g)) return reply(3, 'invalid pool group');
          for (const p of pbDecode(g).get(5) ?? []) {
            if (!Buffer.isBuffer(p)) return reply(3, 'invalid pool');
            const pf = pbDecode(p);
            const part = (f: number) => (Buffer.isBuffer(pf.get(f)?.[0]) ? (pf.get(f)![0] as Buffer).toString('utf8') : undefined);
            const url = part(2) ?? '';
            if (!/^stratum\+(tcp|ssl):\/\/\S+:\d+$/.test(url)) return reply(3, `invalid pool url`);
            pools.push({ url, user: part(3) ?? '', password: part(4), accepted: 0 });
          }
        }
        if (!pools.length) return reply(3, 'at least one pool is required');
        if (fields.get(1)?.[0] !== 2 && fields.get(1)?.[0] !== 3) return reply(3, 'save_action must apply the change');
        m.pools.splice(0, m.pools.length, ...pools);
        m.activePool = 0;
        return reply(0, '', Buffer.alloc(0));
      }
      default:
        return reply(12, `unknown method ${path}`);
    }
  });
}
