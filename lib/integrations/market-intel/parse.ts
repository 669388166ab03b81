import { UpstreamError } from '@/lib/integrations/market/http';

/** A finite number from a number or a numeric string (the exchanges send both), or an error naming the field. */
export function finite(value: unknown, what: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new UpstreamError(`${what} missing or not a number`);
  return n;
}

/** Milliseconds since the epoch (number or string) as ISO 8601, or an error. */
export function msToIso(value: unknown, what: string): string {
  const ms = finite(value, what);
  if (ms <= 0) throw new UpstreamError(`${what} is not a time`);
  return new Date(ms).toISOString();
}
