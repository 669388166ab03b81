const KB = 1024;
const MB = 1024 * KB;

/**
 * The most each API route reads of a request body; past it the answer is 413 and nothing is parsed.
 * Kept free of imports: next.config.ts reads it too.
 */
export const BODY_LIMITS = {
  /** A telemetry upload of up to 5,000 readings, on the wire and again once gunzipped. */
  edgeIngest: 10 * MB,
  /** Up to 5,000 miner rows. */
  minerBatch: 10 * MB,
  /** A site's layout sheet: up to 20,000 CSV lines of room, row, rack, position and miner. */
  layoutCsv: 2 * MB,
  /** A call from Inngest: the event and the run's step results (larger states are fetched by the SDK). */
  inngest: 10 * MB,
  /** Every other JSON body: calculator, discovery, collector keys and command acks. */
  json: 64 * KB,
  /** Sign-in and sign-out forms. */
  auth: 16 * KB,
} as const;

/**
 * How much of a body Next buffers for proxy.ts. Past it Next silently cuts the body and hands the
 * route its beginning; a full megabyte above the largest route limit, a cut body is always over its
 * route's limit (the cut falls at most a socket read short of this), so it is refused, never parsed.
 */
export const PROXY_BODY_BUFFER_BYTES = Math.max(...Object.values(BODY_LIMITS)) + MB;
