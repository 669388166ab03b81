import ipaddr from 'ipaddr.js';
import { AppError } from '@/lib/core/errors';
import { z } from '@/lib/validation/zod';
import { MAX_TARGETS, parseTargets, TargetError } from '../targets';

/** Ports per scan: the standard 4028, a few alternatives, or a block of simulators on one host. */
export const MAX_PORTS = 1024;

/** "4028", "4028, 4029", "40000-40299": unique ports in order; TargetError past MAX_PORTS or out of 1–65535. */
export function parsePorts(text: string): number[] {
  const out = new Set<number>();
  for (const term of text.split(/[\s,]+/).filter(Boolean)) {
    const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(term);
    if (!m) throw new TargetError(`"${term}" is not a port or a port range`);
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2]) : from;
    if (from < 1 || to > 65535 || to < from) throw new TargetError(`"${term}": ports are 1–65535, low to high`);
    if (to - from + 1 + out.size > MAX_PORTS) throw new TargetError(`More than ${MAX_PORTS} ports in one scan`);
    for (let p = from; p <= to; p++) out.add(p);
  }
  if (!out.size) out.add(4028);
  return [...out];
}

const isLoopback = (ip: string) => ipaddr.IPv4.isValid(ip) && ipaddr.IPv4.parse(ip).range() === 'loopback';

export const scanRequestSchema = z.object({
  targets: z.string().trim().min(1, 'required').max(4000, 'tooLong'),
  ports: z.string().trim().max(200, 'tooLong').default('4028'),
});

export type ScanPlan = { ips: string[]; ports: number[] };

/** Why a scan was refused, as a message key for the form (`Edge.refusal.*`; the English detail rides along). */
export type RefusalReason = 'badTargets' | 'badPorts' | 'notLoopback' | 'tooMany';

/**
 * A refusal as the discovery form reads it: 400 with `fields: {targets|ports: reason}`. The reason is
 * an `Edge.refusal.*` key, not a `Validation.*` one, so it travels in the details rather than as the
 * error's field errors.
 */
const refusal = (field: 'targets' | 'ports', reason: RefusalReason, message: string) =>
  new AppError('VALIDATION', message, undefined, { details: { fields: { [field]: reason } } });

const refuse = <T>(field: 'targets' | 'ports', reason: RefusalReason, run: () => T): T => {
  try {
    return run();
  } catch (e) {
    if (e instanceof TargetError) throw refusal(field, reason, e.message);
    throw e;
  }
};

/**
 * The addresses and ports of a scan asked for in the management UI. Outside loopback only when the
 * installation allows it (EDGE_DISCOVERY_ALLOW_NETWORKS): the server would otherwise probe whatever
 * network it sits in on a user's say-so. Probes (addresses × ports) stay within a /16's worth.
 */
export function planScan(input: z.infer<typeof scanRequestSchema>, allowNetworks: boolean): ScanPlan {
  const ips = refuse('targets', 'badTargets', () => parseTargets(input.targets));
  const ports = refuse('ports', 'badPorts', () => parsePorts(input.ports));
  if (!allowNetworks) {
    const outside = ips.find((ip) => !isLoopback(ip));
    if (outside) throw refusal('targets', 'notLoopback', `${outside} is outside 127.0.0.0/8`);
  }
  if (ips.length * ports.length > MAX_TARGETS) throw refusal('targets', 'tooMany', `${ips.length} addresses × ${ports.length} ports is more than ${MAX_TARGETS} probes`);
  return { ips, ports };
}
