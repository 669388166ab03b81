import { MinerRpcError } from '../rpc/client';
import { missingCredential } from './credentials';
import { type GrpcReply, grpcUnary, pbBytes, pbDecode, pbString, pbVarint } from './grpc';
import { CommandRejected, intParam, poolParams, type WriteContext, type WriteResult } from './types';

/** The Braiins OS public API (gRPC) listens here. */
export const BRAIINS_GRPC_PORT = 50051;

/** braiins.bos.v1 SaveAction.SAVE_ACTION_SAVE_AND_APPLY. */
const SAVE_AND_APPLY = 2;
/** gRPC status codes the miner answers with when a login is wrong or missing. */
const UNAUTHENTICATED = 16;
const PERMISSION_DENIED = 7;

/**
 * Braiins OS (BOSer, 23.x+) over its public gRPC API (braiins.bos.v1, TCP 50051), as pyasic drives
 * it (pyasic/web/braiins_os/grpc.py, Apache-2.0): AuthenticationService/Login {username=1,
 * password=2} → a token (the "authorization" response header, and LoginResponse.token=1), sent
 * back as "authorization" metadata; then ActionsService/Reboot, PauseMining, ResumeMining, and
 * PerformanceService/SetPowerTarget {save_action=1: SAVE_AND_APPLY, power_target=2: Power{watt=1}}.
 * Pools: PoolService/GetPoolGroups, then SetPoolGroups with the new pool first in the first group
 * (see poolGroupsWithFirst). Performance modes (SetPerformanceMode) are not driven here.
 */
export async function braiinsWrite(ctx: WriteContext): Promise<WriteResult> {
  const { cmd, credential } = ctx;
  if (!credential) return { ok: false, message: missingCredential('braiins') };
  let path: string;
  let message: Buffer = Buffer.alloc(0);
  switch (cmd.type) {
    case 'reboot':
      path = '/braiins.bos.v1.ActionsService/Reboot';
      break;
    case 'sleep':
      path = '/braiins.bos.v1.ActionsService/PauseMining';
      break;
    case 'wake':
      path = '/braiins.bos.v1.ActionsService/ResumeMining';
      break;
    case 'power_target': {
      const watts = intParam(cmd.params?.watts, 'watts', 500, 10_000);
      path = '/braiins.bos.v1.PerformanceService/SetPowerTarget';
      message = Buffer.concat([pbVarint(1, SAVE_AND_APPLY), pbBytes(2, pbVarint(1, watts))]);
      break;
    }
    case 'pool_change':
      path = '/braiins.bos.v1.PoolService/SetPoolGroups';
      break;
    default:
      throw new CommandRejected(`${cmd.type}: unsupported by this firmware (Braiins OS)`);
  }
  const pool = cmd.type === 'pool_change' ? poolParams(cmd.params ?? {}) : null;
  const login = await grpcUnary(ctx.host, ctx.port, '/braiins.bos.v1.AuthenticationService/Login', Buffer.concat([pbString(1, credential.username), pbString(2, credential.password)]), {}, ctx.timeoutMs);
  if (login.status !== 0) return { ok: false, message: `Braiins OS refused the login (${grpcWhy(login)}): check its stored credential` };
  const token = String(login.headers.authorization ?? '') || tokenField(login.body);
  if (!token) return { ok: false, message: 'Braiins OS accepted the login but gave no token' };
  if (pool) {
    const current = await grpcUnary(ctx.host, ctx.port, '/braiins.bos.v1.PoolService/GetPoolGroups', Buffer.alloc(0), { authorization: token }, ctx.timeoutMs);
    if (current.status !== 0) return { ok: false, message: `GetPoolGroups refused: ${grpcWhy(current)}` };
    let groups: PoolGroup[];
    try {
      groups = decodePoolGroups(current.body);
    } catch {
      return { ok: false, message: 'GetPoolGroups: the miner answered an unreadable message' };
    }
    message = encodeSetPoolGroups(poolGroupsWithFirst(groups, pool));
  }
  let reply: GrpcReply;
  try {
    reply = await grpcUnary(ctx.host, ctx.port, path, message, { authorization: token }, ctx.timeoutMs);
  } catch (e) {
    if (cmd.type === 'reboot' && e instanceof MinerRpcError && (e.code === 'RESET' || e.code === 'READ_TIMEOUT')) return { ok: true, message: 'Reboot sent (the miner went down before answering)' };
    throw e;
  }
  const method = path.split('/').pop()!;
  if (reply.status === 0) return { ok: true, message: pool ? `${method}: pool 1 set` : method };
  if (reply.status === UNAUTHENTICATED || reply.status === PERMISSION_DENIED) return { ok: false, message: `${method} refused: not authorised (${grpcWhy(reply)})` };
  return { ok: false, message: `${method} refused: ${grpcWhy(reply)}` };
}

function tokenField(body: Buffer): string {
  try {
    const f = pbDecode(body).get(1)?.[0];
    return Buffer.isBuffer(f) ? f.toString('utf8') : '';
  } catch {
    return '';
  }
}

const grpcWhy = (r: GrpcReply) => `gRPC status ${r.status}${r.message ? ` ${r.message}` : ''}`;

/**
 * braiins.bos.v1 pool messages, field numbers from braiins/bos-plus-api proto/bos/v1/pool.proto
 * (https://github.com/braiins/bos-plus-api, GPL-3.0; numbers referenced, no code copied):
 *   GetPoolGroupsResponse { repeated PoolGroup pool_groups = 1 }
 *   PoolGroup { name = 1; oneof { Quota quota = 2; FixedShareRatio fixed_share_ratio = 3 }; repeated Pool pools = 4 }
 *   Pool { uid = 1; url = 2; user = 3; enabled = 4; alive = 5; active = 6; stats = 7 }
 *   SetPoolGroupsRequest { SaveAction save_action = 1; repeated PoolGroupConfiguration pool_groups = 2 }
 *   PoolGroupConfiguration { uid = 1; name = 2; oneof { Quota quota = 3; FixedShareRatio fixed_share_ratio = 4 }; repeated PoolConfiguration pools = 5 }
 *   PoolConfiguration { uid = 1; url = 2; user = 3; optional password = 4; optional enabled = 5 }
 *   Quota { uint32 value = 1 }, FixedShareRatio { double value = 1 }
 * The strategy sub-message is carried through as its raw bytes (a ratio is a double, which pbDecode skips).
 */
export type BosPool = { url: string; user: string; password?: string };
export type PoolGroup = { name: string; strategy: { kind: 'quota' | 'fixed_share_ratio'; raw: Buffer } | null; pools: BosPool[] };

const str = (v: number | Buffer | undefined) => (Buffer.isBuffer(v) ? v.toString('utf8') : '');

/** GetPoolGroupsResponse → groups with their pools (the miner never reveals pool passwords). */
export function decodePoolGroups(body: Buffer): PoolGroup[] {
  return (pbDecode(body).get(1) ?? []).filter(Buffer.isBuffer).map((g) => {
    const f = pbDecode(g);
    const quota = f.get(2)?.[0];
    const ratio = f.get(3)?.[0];
    const strategy = Buffer.isBuffer(quota) ? { kind: 'quota' as const, raw: quota } : Buffer.isBuffer(ratio) ? { kind: 'fixed_share_ratio' as const, raw: ratio } : null;
    const pools = (f.get(4) ?? []).filter(Buffer.isBuffer).map((p) => {
      const pf = pbDecode(p);
      return { url: str(pf.get(2)?.[0]), user: str(pf.get(3)?.[0]) };
    });
    return { name: str(f.get(1)?.[0]), strategy, pools: pools.filter((p) => p.url !== '') };
  });
}

/** SetPoolGroupsRequest {save_action: SAVE_AND_APPLY, pool_groups}: uids left out (the miner generates them). */
export function encodeSetPoolGroups(groups: PoolGroup[]): Buffer {
  return Buffer.concat([
    pbVarint(1, SAVE_AND_APPLY),
    ...groups.map((g) =>
      pbBytes(
        2,
        Buffer.concat([
          pbString(2, g.name),
          ...(g.strategy ? [pbBytes(g.strategy.kind === 'quota' ? 3 : 4, g.strategy.raw)] : []),
          ...g.pools.map((p) => pbBytes(5, Buffer.concat([pbString(2, p.url), pbString(3, p.user), ...(p.password !== undefined ? [pbString(4, p.password)] : [])]))),
        ]),
      ),
    ),
  ]);
}

/**
 * The miner's groups with the new pool first in the first group (a group "Default" with quota 1
 * when it has none); the same url+user already there moves to the front instead of doubling.
 * Other pools and groups stay behind it — without passwords, since GetPoolGroups does not return
 * them (BOSer then keeps none; stratum pools rarely check one).
 */
export function poolGroupsWithFirst(groups: PoolGroup[], pool: Required<BosPool>): PoolGroup[] {
  const [first, ...rest] = groups.length ? groups : [{ name: 'Default', strategy: { kind: 'quota' as const, raw: pbVarint(1, 1) }, pools: [] }];
  const others = first!.pools.filter((p) => !(p.url === pool.url && p.user === pool.user));
  return [{ ...first!, pools: [pool, ...others] }, ...rest];
}
