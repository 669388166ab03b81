'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { DataTable } from '@/components/list/data-table';
import { Button } from '@/components/ui/button';
import { Link } from '@/lib/i18n/navigation';
import { MAX_IMPORT_ROWS as MAX_ROWS, parseMinerSheet, TEMPLATE_CSV } from './parse-miner-sheet';

type RowError = { row: number; field: string; code: string };
type Check = { received: number; valid: number; invalid: number; errors: RowError[] };
type Outcome = { created: number; skipped: number } | { failed: string };
const PREVIEW = 20;
const COLUMNS = ['name', 'site', 'model', 'customer', 'serial', 'ip', 'mac', 'worker', 'status'] as const;

async function postBatch(rows: Record<string, string>[], body: { mode?: 'all' | 'valid_only'; dryRun?: boolean }) {
  const res = await fetch('/api/hosting/miners/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rows, ...body }) });
  return { status: res.status, json: await res.json() };
}

/** Upload → the server checks every row (dry run) → preview with per-row errors → import all, or explicitly only the valid rows. */
export function MinerImport() {
  const t = useTranslations('MinerImport');
  const tv = useTranslations('Validation');
  const te = useTranslations('Errors');
  const [rows, setRows] = useState<Record<string, string>[] | null>(null);
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function onFile(file: File | undefined) {
    setRows(null);
    setCheck(null);
    setOutcome(null);
    setProblem(null);
    if (!file) return;
    setBusy(true);
    try {
      const sheet = await parseMinerSheet(file);
      if (!sheet.ok) {
        if (sheet.reason === 'tooManyRows') return setProblem(t('tooMany', { max: MAX_ROWS, count: sheet.count ?? MAX_ROWS + 1 }));
        return setProblem(t(sheet.reason === 'unreadable' ? 'unreadable' : 'tooLarge'));
      }
      const parsed = sheet.rows;
      if (!parsed.length) return setProblem(t('emptyFile'));
      setRows(parsed);
      const { status, json } = await postBatch(parsed, { dryRun: true });
      if (status !== 200) return setProblem(te(json.error?.code ?? 'INTERNAL'));
      setCheck(json);
    } catch {
      setProblem(t('unreadable'));
    } finally {
      setBusy(false);
    }
  }

  async function importRows(mode: 'all' | 'valid_only') {
    if (!rows) return;
    setBusy(true);
    const { status, json } = await postBatch(rows, { mode });
    setBusy(false);
    if (status === 201) setOutcome({ created: json.created, skipped: json.invalid });
    else setOutcome({ failed: te(json.error?.code ?? 'INTERNAL') });
  }

  const message = (e: RowError) => (e.code === 'taken' ? t('taken') : e.code === 'duplicate' ? t('duplicate') : tv.has(e.code) ? tv(e.code) : e.code);
  const invalidRows = new Set(check?.errors.map((e) => e.row));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex flex-col gap-1 text-sm text-muted">
          {t('file')}
          <input type="file" accept=".csv,.xlsx" onChange={(e) => onFile(e.target.files?.[0])} disabled={busy} className="text-sm text-ink file:mr-3 file:rounded-md file:border file:border-line file:bg-surface-2 file:px-3 file:py-2 file:text-ink" />
        </label>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE_CSV)}`} download="miners-template.csv" className="text-sm text-accent hover:underline">
          {t('template')}
        </a>
      </div>
      <p className="text-xs text-muted">{t('hint', { max: MAX_ROWS })}</p>
      {busy ? <p role="status">{t('checking')}</p> : null}
      {problem ? <p role="alert" className="text-sm text-bad">{problem}</p> : null}
      {check && !outcome ? (
        <section aria-label={t('preview')} className="flex flex-col gap-3">
          <p role="status" className="text-sm" data-testid="import-summary">
            {t('summary', { received: check.received, valid: check.valid, invalid: check.invalid })}
          </p>
          {check.errors.length ? (
            <DataTable
              label={t('errors')}
              rows={check.errors.slice(0, 500)}
              rowKey={(_, i) => String(i)}
              columns={[
                { key: 'row', header: t('row'), cellClassName: 'tabular-nums', cell: (e) => e.row },
                { key: 'field', header: t('field'), cellClassName: 'font-mono text-xs', cell: (e) => e.field },
                { key: 'problem', header: t('problem'), cellClassName: 'text-bad', cell: message },
              ]}
            />
          ) : null}
          <DataTable
            label={t('preview')}
            rows={rows!.slice(0, PREVIEW).map((cells, i) => ({ n: i + 1, cells }))}
            rowKey={(r) => String(r.n)}
            rowProps={(r) => (invalidRows.has(r.n) ? { className: 'bg-bad/10' } : {})}
            columns={[{ key: 'row', header: t('row'), cellClassName: 'tabular-nums', cell: (r) => r.n }, ...COLUMNS.map((c) => ({ key: c, header: c, cellClassName: 'font-mono text-xs', cell: (r: { cells: Record<string, string> }) => r.cells[c] ?? '' }))]}
          />
          <div className="flex flex-wrap gap-2">
            {check.invalid === 0 ? (
              <Button onClick={() => importRows('all')} disabled={busy}>
                {t('importAll', { count: check.valid })}
              </Button>
            ) : check.valid > 0 ? (
              <Button onClick={() => importRows('valid_only')} disabled={busy}>
                {t('importValid', { count: check.valid, skipped: check.invalid })}
              </Button>
            ) : null}
          </div>
        </section>
      ) : null}
      {outcome ? (
        <div role="status" className="rounded-lg border border-line p-4 text-sm" data-testid="import-outcome">
          {'failed' in outcome ? <span className="text-bad">{outcome.failed}</span> : t('done', { created: outcome.created, skipped: outcome.skipped })}{' '}
          <Link href="/hosting/devices" className="text-accent hover:underline">
            {t('toList')}
          </Link>
        </div>
      ) : null}
    </div>
  );
}
