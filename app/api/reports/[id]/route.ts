import { getDb } from '@/db';
import { downloadReportRun } from '@/db/queries/reports/runs';
import { withActor } from '@/lib/api/with-actor';
import { REPORT_MIME } from '@/lib/reports/build';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/** GET /api/reports/{id}: a finished report's file — the asker's own, or any of the organization's for owners and administrators. */
export const GET = withActor<{ id: string }>({ module: 'report:pdf', level: 'READ' }, async (_req, { actor, params }) => {
  const r = await downloadReportRun(await getDb(), { orgId: actor.orgId, userId: actor.userId, scope: actor.scope }, params.id);
  const ascii = r.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return new Response(new Uint8Array(r.file), {
    headers: {
      'content-type': REPORT_MIME[r.format],
      'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(r.fileName)}`,
      'cache-control': 'private, no-store',
    },
  });
});
