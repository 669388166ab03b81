// The monthly operations report of a 6,000-miner farm (issue 19, "Speed"): the queries and the
// PDF and XLSX writers within 30 s and 500 MB of resident memory, measured in a child process
// (bench/reports-child.ts) so the other benches' memory is not counted.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env } from '@/lib/env';

const TARGET_S = 30;
const TARGET_MB = 500;

const child = (args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', 'bench/reports-child.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 }).trim();

/** On BENCH_DATABASE_URL's server when given, else on an embedded PGlite seeded by one child and read by another. */
export function benchReports(serverUrl?: string): Record<string, string | number>[] {
  let out: string;
  if (serverUrl) out = child(['run', serverUrl]);
  else {
    const dir = mkdtempSync(path.join(tmpdir(), 'hi-bench-reports-'));
    try {
      const orgId = child(['seed', dir]).split('\n').pop()!;
      out = child(['run', dir, orgId]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const r = JSON.parse(out.trim().split('\n').pop()!) as Record<string, number | string>;
  const within = Number(r.totalMs) / 1000 <= TARGET_S && Number(r.peakRssMb) <= TARGET_MB;
  return [
    {
      bench: `operations report, ${r.miners} miners (${r.db})`,
      'query ms': r.queryMs!,
      'pdf ms': r.pdfMs!,
      'xlsx ms': r.xlsxMs!,
      'total ms': r.totalMs!,
      'CPU ms': r.cpuMs!,
      'pdf/xlsx KB': `${r.pdfKb}/${r.xlsxKb}`,
      'RSS before MB': r.rssBeforeMb!,
      'peak RSS MB': r.peakRssMb!,
      target: `${TARGET_S} s, ${TARGET_MB} MB: ${within ? 'met' : 'MISSED'}`,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(benchReports(env().benchDatabaseUrl));
