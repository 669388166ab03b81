import type { TelemetryEnvelope, TelemetryRecord } from '@/lib/validation/edge';
import type { MinerReading } from './types';

/** A reading as it travels in telemetry_envelope.v1 (snake_case, the wire format of REFERENCE §6). */
export function toTelemetryRecord(r: MinerReading): TelemetryRecord {
  return {
    ip: r.ip,
    port: r.port,
    collected_at: r.collectedAt,
    online: r.online,
    error: r.error,
    vendor: r.vendor,
    model: r.model,
    firmware: r.firmware,
    mac_address: r.macAddress,
    hashrate_5s_ths: r.hashrate5sThs,
    hashrate_avg_ths: r.hashrateAvgThs,
    hashrate_nominal_ths: r.hashrateNominalThs,
    temp_chip_max_c: r.tempChipMaxC,
    temp_board_max_c: r.tempBoardMaxC,
    temp_inlet_c: r.tempInletC,
    temp_outlet_c: r.tempOutletC,
    fans_rpm: r.fansRpm,
    power_w: r.powerW,
    power_source: r.powerSource,
    accepted: r.accepted,
    rejected: r.rejected,
    hardware_errors: r.hardwareErrors,
    uptime_s: r.uptimeS,
    pools: r.pools,
  };
}

export function buildEnvelope(readings: MinerReading[], opts: { collectedAt: string; edgeVersion: string; bufferDepth?: number }): TelemetryEnvelope {
  return {
    format: 'telemetry_envelope.v1',
    collected_at: opts.collectedAt,
    edge_version: opts.edgeVersion,
    buffer_depth: opts.bufferDepth,
    miners: readings.map(toTelemetryRecord),
  };
}
