import { createHmac } from 'node:crypto';
import type { LeasedCommand } from '@/lib/domain/edge/leased-command';
import { hexEqual } from './device-token';

export const SIG_VERSION = 'HMAC-SHA256-CANONICAL-JSON-V1';

/** What the collector receives for one leased command, and what the signature covers (minus `signature`). */
export type SignedCommand = LeasedCommand & { sig_version: typeof SIG_VERSION; signature: string };

/** JSON with object keys sorted at every depth and no whitespace (REFERENCE §6), so both ends hash the same bytes. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function signCommand(body: LeasedCommand, signingKey: string): SignedCommand {
  const signature = createHmac('sha256', signingKey).update(canonicalJson(body)).digest('hex');
  return { ...body, sig_version: SIG_VERSION, signature };
}

/** True when the signature matches the other fields under this key (constant-time compare). */
export function verifyCommand(cmd: SignedCommand, signingKey: string): boolean {
  if (cmd.sig_version !== SIG_VERSION || typeof cmd.signature !== 'string') return false;
  const { signature, sig_version: _v, ...body } = cmd;
  const expected = createHmac('sha256', signingKey).update(canonicalJson(body)).digest('hex');
  return hexEqual(signature, expected);
}
