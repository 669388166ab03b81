import type { MinerCommand } from '../commands';
import type { MinerCredential } from './credentials';

export type WriteResult = { ok: boolean; message: string };

/** What a vendor's writer gets: the command, where the miner's web/API listens, its login, the time budget. */
export type WriteContext = {
  host: string;
  /** The web (HTTP) or API port the writer talks to; each writer knows its vendor's default. */
  port: number;
  cmd: MinerCommand;
  credential: MinerCredential | null;
  timeoutMs: number;
};

/** A command that cannot be carried out as given (bad parameter, no credential): reported, never sent. */
export class CommandRejected extends Error {}

/** An integer parameter in [min, max], from a number or numeric text. */
export function intParam(v: unknown, name: string, min: number, max: number): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw new CommandRejected(`parameter "${name}" must be an integer from ${min} to ${max}`);
  return n;
}

/** The pool of a pool_change: a stratum URL, a worker, a password ("x" when none is given). */
export function poolParams(p: Record<string, unknown> = {}): { url: string; user: string; password: string } {
  const url = typeof p.url === 'string' ? p.url.trim() : '';
  const user = typeof p.user === 'string' ? p.user.trim() : '';
  if (!/^stratum\+(tcp|ssl):\/\/[^\s]+:\d+$/.test(url)) throw new CommandRejected('parameter "url" must look like stratum+tcp://host:port');
  if (!user) throw new CommandRejected('parameter "user" is required');
  const password = typeof p.password === 'string' && p.password.trim() !== '' ? p.password.trim() : 'x';
  return { url, user, password };
}

/** low | normal | high, as the queue validates it. */
export function modeParam(p: Record<string, unknown> = {}): 'low' | 'normal' | 'high' {
  const mode = p.mode;
  if (mode !== 'low' && mode !== 'normal' && mode !== 'high') throw new CommandRejected('parameter "mode" must be low, normal or high');
  return mode;
}
