// One run of the reports bench in a process of its own (bench/reports.ts spawns it), so its memory
// is the report's and not the other benches'. `seed <dir>` writes the fleet into a PGlite data
// directory and exits; `run <dir>` opens it afresh and builds the report, so the seeding's memory is
// not counted (the embedded database's own is: it lives in this process). `run <postgres url>` seeds
// a scratch database on that server and builds from there, the database's memory outside.
import { readFileSync } from 'node:fs';
import { type DbHandle, migrateDb, openPglite, openPostgres } from '@/db/client';
import { createScratchDatabase } from '@/db/scratch';
import { buildOperationsReport } from '@/lib/reports/operations';
import { renderReportPdf } from '@/lib/reports/pdf';
import { renderReportXlsx } from '@/lib/reports/xlsx';
import { seedReportFleet } from './reports-fleet';

const rssMb = () => {
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0);
  return { rss: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
};

const [mode, target] = process.argv.slice(2) as ['seed' | 'run', string];
const server = target.startsWith('postgres');
let handle: DbHandle;
let dropScratch = async () => {};
if (server) {
  const scratch = await createScratchDatabase(target, 'hi_bench_reports');
  handle = await openPostgres(scratch.url, { max: 4 });
  await migrateDb(handle, scratch.url);
  dropScratch = scratch.drop;
} else {
  handle = await openPglite(target);
  if (mode === 'seed') await migrateDb(handle);
}
if (mode === 'seed') {
  const { orgId } = await seedReportFleet(handle.db, 6000);
  await handle.close();
  process.stdout.write(`${orgId}\n`);
  process.exit(0);
}
try {
  const orgId = server ? (await seedReportFleet(handle.db, 6000)).orgId : process.argv[4]!;
  const seeded = rssMb();
  const scope = { orgId, sites: 'all' as const, customers: 'all' as const };
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const model = await buildOperationsReport(handle.db, scope, { month: '2026-11', locale: 'en', now: new Date('2026-12-01T02:00:00Z') });
  const t1 = performance.now();
  const pdf = await renderReportPdf(model);
  const t2 = performance.now();
  const xlsx = await renderReportXlsx(model);
  const t3 = performance.now();
  const end = rssMb();
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    `${JSON.stringify({
      db: server ? 'PostgreSQL' : 'PGlite (in process)',
      miners: model.tables[2]!.rows.length,
      queryMs: Math.round(t1 - t0),
      pdfMs: Math.round(t2 - t1),
      xlsxMs: Math.round(t3 - t2),
      totalMs: Math.round(t3 - t0),
      // On a shared machine the wall time includes waiting for a core; the CPU time does not.
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      pdfKb: Math.round(pdf.length / 1024),
      xlsxKb: Math.round(xlsx.length / 1024),
      rssBeforeMb: seeded.rss,
      peakRssMb: end.peak,
    })}\n`,
  );
} finally {
  await handle.close();
  await dropScratch();
}
