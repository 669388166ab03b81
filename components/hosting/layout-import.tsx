'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Table, Td, Th } from '@/components/ui/table';
import { useRouter } from '@/lib/i18n/navigation';
import { MAX_LAYOUT_ROWS } from '@/lib/domain/hosting/layout-csv';

type LineError = { line: number; code: string; message: string };
type Outcome = { ok: string } | { refused: LineError[] } | { failed: string };

const TEMPLATE_CSV = 'room,row,rack,position,miner\nA,1,1,1,SERIAL-OR-MAC-OR-IP-OR-NAME\nA,1,1,2,10.0.0.12\n';
/** Larger files are refused before upload (the route's own limit is BODY_LIMITS.layoutCsv). */
const MAX_BYTES = 2 * 1024 * 1024;
const SHOWN = 200;

/**
 * The rack map's "import layout from CSV": the file goes to POST /api/hosting/sites/:id/layout as it
 * is, which checks every line and either stores the whole layout or refuses it with each line's
 * problem already in the user's language. `imported` offers removing the stored layout.
 */
export function LayoutImport({ siteId, imported }: { siteId: string; imported: boolean }) {
  const t = useTranslations('RackMap');
  const te = useTranslations('Errors');
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const url = `/api/hosting/sites/${siteId}/layout`;

  async function send(init: RequestInit, done: (json: { placed?: number; unplaced?: number }) => string) {
    setBusy(true);
    setOutcome(null);
    try {
      const res = await fetch(url, init);
      const json = await res.json().catch(() => ({}));
      if (res.ok) {
        setOutcome({ ok: done(json) });
        router.refresh();
      } else if (Array.isArray(json.error?.rows)) setOutcome({ refused: json.error.rows });
      else setOutcome({ failed: t('importFailed', { message: te(json.error?.code ?? 'INTERNAL') }) });
    } catch {
      setOutcome({ failed: t('importFailed', { message: te('INTERNAL') }) });
    } finally {
      setBusy(false);
    }
  }

  async function onFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_BYTES) return setOutcome({ failed: t('importFailed', { message: te('PAYLOAD_TOO_LARGE') }) });
    await send({ method: 'POST', headers: { 'content-type': 'text/csv; charset=utf-8' }, body: await file.text() }, (j) => t('imported', { placed: j.placed ?? 0, unplaced: j.unplaced ?? 0 }));
  }

  return (
    <details className="rounded-md border border-line p-3 text-sm" open={outcome !== null && !('ok' in outcome)}>
      <summary className="cursor-pointer font-medium">{t('importTitle')}</summary>
      <div className="mt-3 flex flex-col gap-3">
        <p className="text-xs text-muted">{t('importHint', { max: MAX_LAYOUT_ROWS })}</p>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-2">
            <span>{t('importFile')}</span>
            <input type="file" accept=".csv,text/csv" disabled={busy} onChange={(e) => void onFile(e.currentTarget)} data-testid="layout-csv" className="text-sm" />
          </label>
          <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE_CSV)}`} download="rack-layout-template.csv" className="text-accent hover:underline">
            {t('importTemplate')}
          </a>
          {imported && (
            <Button type="button" variant="secondary" disabled={busy} onClick={() => void send({ method: 'DELETE' }, () => t('cleared'))}>
              {t('clearLayout')}
            </Button>
          )}
        </div>
        {busy && <p role="status">{t('importing')}</p>}
        {outcome && 'ok' in outcome && (
          <p role="status" className="text-ok">
            {outcome.ok}
          </p>
        )}
        {outcome && 'failed' in outcome && (
          <p role="alert" className="text-bad">
            {outcome.failed}
          </p>
        )}
        {outcome && 'refused' in outcome && (
          <>
            <p role="alert" className="text-bad">
              {t('importRefused', { count: outcome.refused.length })}
            </p>
            <Table label={t('importTitle')}>
              <thead>
                <tr>
                  <Th className="w-20">{t('line')}</Th>
                  <Th>{t('problem')}</Th>
                </tr>
              </thead>
              <tbody>
                {outcome.refused.slice(0, SHOWN).map((e, k) => (
                  <tr key={k}>
                    <Td className="tabular-nums">{e.line}</Td>
                    <Td className="text-bad">{e.message}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </>
        )}
      </div>
    </details>
  );
}
