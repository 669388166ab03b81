import { ACK_RESULT_MAX_CHARS } from '../../validation/edge-commands';
import type { CommandResult, ExecuteOptions, MinerCommand, MinerCommandType } from '../commands';
import { parseStoredCredential } from '../writes/credentials';
import { type SignedCommand, verifyCommand } from '../command-signature';
import type { CloudClient } from './cloud';
import type { Logger } from './log';

export type ExecuteFn = (host: string, port: number, cmd: MinerCommand, opts?: ExecuteOptions) => Promise<CommandResult>;
type Target = { host: string; port: number; httpPort?: number };

const TYPES: Record<string, MinerCommandType> = {
  REBOOT: 'reboot',
  SLEEP: 'sleep',
  WAKE: 'wake',
  POWER_MODE: 'power_mode',
  POOL_SET: 'pool_change',
  SET_FREQUENCY: 'frequency',
  SET_POWER_TARGET: 'power_target',
};

/**
 * Leases commands, and runs only those whose signature verifies under this device's key, that are
 * not expired and that target a miner in this collector's own list; every command is acked with
 * its outcome so the operator's progress view never hangs on one.
 */
export async function runCommands(deps: {
  cloud: CloudClient;
  signingKey: string;
  miners: Target[];
  execute: ExecuteFn;
  log: Logger;
  now: () => Date;
  /** The opened secret of a miner ("username:password"), from the credential vault. */
  credentialFor?: (minerId: string) => Uint8Array | null;
  allowVendorDefaults?: boolean;
  /** Opens a sealed secret a command carries (lib/edge/crypto/command-secret.ts); throws when it does not open. */
  openSecret?: (sealed: unknown) => string;
}): Promise<number> {
  const commands = await deps.cloud.pollCommands(20);
  const allowed = new Map(deps.miners.map((m) => [`${m.host}:${m.port}`, m]));
  for (const cmd of commands) {
    const started = Date.now();
    const outcome = await runOne(cmd, deps, allowed);
    const status = await deps.cloud.ack(cmd.command_id, { ...outcome, result: clip(outcome.result), execution_time_ms: outcome.ms ?? Date.now() - started, ack_nonce: cmd.nonce });
    deps.log(outcome.status === 'SUCCESS' ? 'info' : 'warn', 'command done', { commandId: cmd.command_id, type: cmd.command_type, status: outcome.status, result: outcome.result, ackStatus: status });
  }
  return commands.length;
}

async function runOne(
  cmd: SignedCommand,
  deps: { signingKey: string; execute: ExecuteFn; now: () => Date; credentialFor?: (minerId: string) => Uint8Array | null; allowVendorDefaults?: boolean; openSecret?: (sealed: unknown) => string },
  allowed: Map<string, Target>,
): Promise<{ status: 'SUCCESS' | 'FAILED' | 'ERROR'; result: string; ms?: number }> {
  if (!verifyCommand(cmd, deps.signingKey)) return { status: 'ERROR', result: 'signature invalid: not executed' };
  if (Date.parse(cmd.expires_at) <= deps.now().getTime()) return { status: 'ERROR', result: 'expired before execution' };
  const type = TYPES[cmd.command_type];
  if (!type) return { status: 'ERROR', result: `unknown command type ${cmd.command_type}` };
  const { ip, port } = cmd.target;
  const target = ip ? allowed.get(`${ip}:${port}`) : undefined;
  if (!ip || !target) return { status: 'ERROR', result: 'target is not one of this collector’s miners' };
  const params = openParams(cmd.params, deps.openSecret);
  if (!params) return { status: 'ERROR', result: 'the sealed pool password does not open with this collector’s key: not executed' };
  // The credential and the opened pool password stay inside this call: neither logged nor put in the ack.
  const credential = parseStoredCredential(deps.credentialFor?.(cmd.miner_id));
  const r = await deps.execute(ip, port, { type, params }, { credential, allowVendorDefaults: deps.allowVendorDefaults ?? false, ...(target.httpPort ? { httpPort: target.httpPort } : {}) });
  return { status: r.ok ? 'SUCCESS' : 'FAILED', result: r.message, ms: r.executionMs };
}

/**
 * A pool password travels sealed to this site's collectors (`password_sealed`); it is opened here,
 * in memory, just before the miner is written, and never logged. Null when it does not open.
 */
function openParams(params: Record<string, unknown> | undefined, openSecret?: (sealed: unknown) => string): Record<string, unknown> | null {
  if (!params || !('password_sealed' in params)) return params ?? {};
  const { password_sealed: sealed, ...rest } = params;
  if (!openSecret) return null;
  try {
    return { ...rest, password: openSecret(sealed) };
  } catch {
    return null;
  }
}

/** The server refuses a longer report, so a miner's long message is cut to fit instead of losing the ack. */
function clip(text: string): string {
  // The server stores the result as jsonb, which cannot hold U+0000: an ack carrying one is refused
  // and the command would run again, so NULs from a miner's message are dropped here.
  let out = text.replaceAll('\u0000', '').slice(0, ACK_RESULT_MAX_CHARS);
  // A character takes 1 to 6 characters of JSON, so each cut removes at most 5 more than needed.
  for (let excess = JSON.stringify(out).length - ACK_RESULT_MAX_CHARS; excess > 0; excess = JSON.stringify(out).length - ACK_RESULT_MAX_CHARS) {
    out = out.slice(0, out.length - Math.ceil(excess / 6));
  }
  return out;
}
