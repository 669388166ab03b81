import { MinerRpcError } from '../rpc/client';
import { missingCredential } from './credentials';
import { type GrpcReply, grpcUnary, pbBytes, pbDecode, pbString, pbVarint } from './grpc';
import { CommandRejected, intParam, type WriteContext, type WriteResult } from './types';

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
 * Pool groups and performance modes (PoolService, SetPerformanceMode) are not driven here.
 */
export async function braiinsWrite(ctx: WriteContext): Promise<WriteResult> {
  const { cmd, credential } = ctx;
  if (!credential) return { ok: false, message: missingCredential('braiins') };
  let path: string;
  let message = Buffer.alloc(0);
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
    default:
      throw new CommandRejected(`${cmd.type}: unsupported by this firmware (Braiins OS)`);
  }
  const login = await grpcUnary(ctx.host, ctx.port, '/braiins.bos.v1.AuthenticationService/Login', Buffer.concat([pbString(1, credential.username), pbString(2, credential.password)]), {}, ctx.timeoutMs);
  if (login.status !== 0) return { ok: false, message: `Braiins OS refused the login (${grpcWhy(login)}): check its stored credential` };
  const token = String(login.headers.authorization ?? '') || tokenField(login.body);
  if (!token) return { ok: false, message: 'Braiins OS accepted the login but gave no token' };
  let reply: GrpcReply;
  try {
    reply = await grpcUnary(ctx.host, ctx.port, path, message, { authorization: token }, ctx.timeoutMs);
  } catch (e) {
    if (cmd.type === 'reboot' && e instanceof MinerRpcError && (e.code === 'RESET' || e.code === 'READ_TIMEOUT')) return { ok: true, message: 'Reboot sent (the miner went down before answering)' };
    throw e;
  }
  const method = path.split('/').pop()!;
  if (reply.status === 0) return { ok: true, message: method };
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
