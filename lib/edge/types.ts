/**
 * One miner as read over the CGMiner API (TCP 4028), normalised across firmware (bmminer, btminer,
 * Avalon, LuxOS, Braiins…). Produced by the RPC client's parsers, carried by the collector in
 * telemetry_envelope.v1 records, stored by the ingest API. Units are in the names; a value the
 * firmware did not report is null, never a guess (except powerW, see powerSource).
 */
export type MinerReading = {
  /** Address the collector polled, e.g. "127.0.0.12" in tests or "10.10.0.2" on a farm. */
  ip: string;
  port: number;
  /** When the collector finished reading this miner (ISO 8601, UTC). */
  collectedAt: string;
  online: boolean;
  /** Why the read failed (connection refused, timeout, bad reply), when online is false. */
  error: string | null;

  vendor: 'antminer' | 'whatsminer' | 'avalon' | 'luxos' | 'braiins' | 'sealminer' | 'vnish' | 'auradine' | 'elphapex' | 'unknown';
  model: string | null;
  firmware: string | null;
  macAddress: string | null;

  hashrate5sThs: number | null;
  hashrateAvgThs: number | null;
  hashrateNominalThs: number | null;

  tempChipMaxC: number | null;
  tempBoardMaxC: number | null;
  tempInletC: number | null;
  tempOutletC: number | null;
  /** Every fan the firmware reports, in RPM (0 = stopped). */
  fansRpm: number[];

  powerW: number | null;
  /** 'reported' by the firmware, or 'model' when estimated from the model catalogue, or null. */
  powerSource: 'reported' | 'model' | null;

  accepted: number | null;
  rejected: number | null;
  hardwareErrors: number | null;
  uptimeS: number | null;
  pools: { url: string; user: string; status: string; accepted: number | null; rejected: number | null }[];
  /**
   * Per hash board, where the firmware gives it (chain arrays, numbered chain keys, DEVS/edevs).
   * Read on the collector only: the telemetry envelope does not carry it yet.
   */
  boards?: MinerBoard[];
};

/** One hash board: its rate in TH/s, working chips, hottest chip and board sensor; null when not given. */
export type MinerBoard = { index: number; hashrateThs: number | null; chips: number | null; tempChipMaxC: number | null; tempBoardMaxC: number | null };
