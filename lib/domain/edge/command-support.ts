/**
 * Which operator commands each miner firmware takes, and over which interface: one table read by
 * the collector (lib/edge/commands.ts refuses the rest without touching the miner) and by the UI
 * (the command form and bulk actions say "unsupported by this firmware" before anything is queued).
 * Pure: no I/O. Vendors are the collector's reading vendors (lib/edge/types.ts MinerReading.vendor).
 */
export const EDGE_COMMAND_TYPES = ['REBOOT', 'SLEEP', 'WAKE', 'POWER_MODE', 'POOL_SET', 'SET_FREQUENCY', 'SET_POWER_TARGET'] as const;
export type EdgeCommandType = (typeof EDGE_COMMAND_TYPES)[number];

/** The collector's names for the same commands (lib/edge/commands.ts MinerCommandType). */
const COLLECTOR_TYPE: Record<string, EdgeCommandType> = {
  reboot: 'REBOOT',
  sleep: 'SLEEP',
  wake: 'WAKE',
  power_mode: 'POWER_MODE',
  pool_change: 'POOL_SET',
  frequency: 'SET_FREQUENCY',
  power_target: 'SET_POWER_TARGET',
};

export const FIRMWARE_VENDORS = ['antminer', 'whatsminer', 'avalon', 'luxos', 'braiins', 'sealminer', 'vnish', 'auradine', 'elphapex', 'unknown'] as const;
export type FirmwareVendor = (typeof FIRMWARE_VENDORS)[number];

type Row = { via: string; commands: readonly EdgeCommandType[] };

/** Per firmware: the interface its writes go over, and the commands it takes there. */
export const COMMAND_SUPPORT: Record<FirmwareVendor, Row> = {
  luxos: { via: 'LuxOS API sessions (logon/logoff) on the cgminer port', commands: EDGE_COMMAND_TYPES },
  avalon: { via: "cgminer port: 'restart', 'ascset softoff/softon'", commands: ['REBOOT', 'SLEEP', 'WAKE'] },
  sealminer: { via: "cgminer port: 'ascset 0,suspend', 'restart'", commands: ['SLEEP', 'WAKE'] },
  antminer: { via: 'stock web interface over HTTP digest auth', commands: ['REBOOT', 'SLEEP', 'WAKE', 'POWER_MODE', 'POOL_SET'] },
  whatsminer: { via: 'btminer API with token authentication (v2 on 4028, v3 on 4433)', commands: ['REBOOT', 'SLEEP', 'WAKE', 'POWER_MODE', 'SET_POWER_TARGET', 'POOL_SET'] },
  braiins: { via: 'Braiins OS public gRPC API (port 50051): ActionsService, PerformanceService/SetPowerTarget, PoolService/SetPoolGroups', commands: ['REBOOT', 'SLEEP', 'WAKE', 'SET_POWER_TARGET', 'POOL_SET'] },
  vnish: { via: 'VNish HTTP API (/api/v1) with a bearer token', commands: ['REBOOT', 'SLEEP', 'WAKE', 'SET_POWER_TARGET', 'POOL_SET'] },
  auradine: { via: 'Auradine REST API (port 8080) with a token from /token', commands: ['REBOOT', 'SLEEP', 'WAKE', 'POWER_MODE', 'SET_POWER_TARGET', 'POOL_SET'] },
  elphapex: { via: 'web interface over HTTP digest auth (reboot.cgi)', commands: ['REBOOT'] },
  unknown: { via: '', commands: [] },
};

export type CommandSupport = 'supported' | 'unsupported' | 'unknown';

function asVendor(vendor: string | null | undefined): FirmwareVendor | null {
  if (!vendor) return null;
  const v = vendor.toLowerCase();
  return (FIRMWARE_VENDORS as readonly string[]).includes(v) ? (v as FirmwareVendor) : null;
}

export function toEdgeCommandType(type: string): EdgeCommandType | null {
  if ((EDGE_COMMAND_TYPES as readonly string[]).includes(type)) return type as EdgeCommandType;
  return COLLECTOR_TYPE[type] ?? null;
}

/**
 * Whether a miner whose firmware reads as `vendor` takes `commandType` (queue or collector name).
 * 'unknown' when the vendor is not known yet (no reading): the UI then warns nothing and the
 * collector decides on the miner's own answer.
 */
export function commandSupport(vendor: string | null | undefined, commandType: string): CommandSupport {
  const type = toEdgeCommandType(commandType);
  if (!type) return 'unsupported';
  const v = asVendor(vendor);
  if (!v) return 'unknown';
  return COMMAND_SUPPORT[v].commands.includes(type) ? 'supported' : 'unsupported';
}

/** The collector's message for a refused command (English: it goes into the command's result). */
export function unsupportedReason(vendor: string | null | undefined, commandType: string): string {
  const v = asVendor(vendor) ?? 'unknown';
  if (v === 'unknown') return 'Unrecognised firmware: commands are not supported';
  const row = COMMAND_SUPPORT[v];
  const takes = row.commands.length ? `it takes ${row.commands.join(', ')}${row.via ? ` (${row.via})` : ''}` : 'it takes no commands from this collector';
  return `${commandType}: unsupported by this firmware (${v}); ${takes}`;
}
