/**
 * The range of every number a collector reports, in one place. Generous but finite: each admits
 * any machine sold today with a wide margin, and each fits the column it is stored in (real is
 * float4, ±3.4e38; integer is ±2³¹−1; miner_models.hashrate_ths is numeric(10,2)), so no reading
 * that passes here can make PostgreSQL raise. The ingest schema refuses a record with a value
 * outside its range (the record is reported in `errors[]`); the RPC parsers read such a value as a
 * firmware sentinel ("unknown") and report null. Negative hashrate, power, fan speed and counters
 * are refused: they are glitches, and summed into the KPI page they would cancel real machines.
 */
export const READING_BOUNDS = {
  /** TH/s. The largest machines of 2025 hash ~600 TH/s; 10 PH/s also covers a rack reported as one. */
  hashrateThs: { min: 0, max: 10_000 },
  /** °C, chip, board, inlet and outlet: winter inlet air to silicon far past its limit; 255 and 65535 sentinels fall outside. */
  tempC: { min: -60, max: 200 },
  /** RPM. Server fans top out near 25,000; 65535 is a sentinel. */
  fanRpm: { min: 0, max: 50_000 },
  /** W. A hydro machine draws ~12 kW. */
  powerW: { min: 0, max: 100_000 },
  /** Shares and hardware errors since the miner started: exact integers in a double. */
  counter: { min: 0, max: Number.MAX_SAFE_INTEGER },
  /** Seconds since the miner started, up to 20 years; 4294967295 (−1 as uint32, "unknown") falls outside. */
  uptimeS: { min: 0, max: 20 * 366 * 86_400 },
} as const;

/**
 * What a collector reports about itself (edge_devices, integer columns). The collector's own
 * configuration caps its disk buffer and dead-letter store below these.
 */
export const COLLECTOR_BOUNDS = {
  /** Envelopes waiting in the disk buffer. */
  bufferDepth: { min: 0, max: 1_000_000 },
  /** Envelopes the cloud refused, kept in the dead-letter store, and their size on disk. */
  deadLetters: { min: 0, max: 100_000 },
  deadLetterBytes: { min: 0, max: 2 ** 30 },
} as const;

/** An id or version stored in an integer column (the collector's key version, a credential counter). */
export const INT32_MAX = 2 ** 31 - 1;

export type Range = { readonly min: number; readonly max: number };

/** A finite number inside the range (NaN and ±Infinity are not). */
export const inRange = (v: unknown, r: Range): v is number => typeof v === 'number' && v >= r.min && v <= r.max;
