import { discover, type DiscoveredMiner } from '../discovery';
import type { ScanPlan } from './scan-request';

export type ScanEvent =
  | { type: 'start'; total: number }
  | { type: 'progress'; done: number; total: number; found: number }
  | { type: 'result'; miners: DiscoveredMiner[] };

/** Sockets in flight per scan from the UI: enough for a /24 in a few seconds, gentle on the host. */
export const UI_SCAN_CONCURRENCY = 128;
const PROGRESS_EVERY_MS = 250;

/**
 * A scan as a stream of NDJSON lines (start, throttled progress, result), so the browser can draw
 * progress on a long scan. Stops probing when the client goes away (the request's signal).
 */
export function scanStream(plan: ScanPlan, signal: AbortSignal, opts: { timeoutMs?: number } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      const send = (e: ScanEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(e)}\n`));
      const total = plan.ips.length * plan.ports.length;
      send({ type: 'start', total });
      let last = 0;
      const miners = await discover(plan.ips, {
        ports: plan.ports,
        concurrency: UI_SCAN_CONCURRENCY,
        timeoutMs: opts.timeoutMs ?? 1500,
        retries: 0,
        signal,
        onProgress: (done, all, found) => {
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS && done < all) return;
          last = now;
          send({ type: 'progress', done, total: all, found });
        },
      });
      send({ type: 'result', miners });
      controller.close();
    },
  });
}
