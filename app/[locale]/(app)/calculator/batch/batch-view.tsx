'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { NetworkSource } from '@/components/calculator/network-source';
import type { CalculatorBootstrap } from '@/components/calculator/types';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Input, Select } from '@/components/ui/field';
import { EXPECTED_COLUMNS, OPTIONAL_COLUMNS } from '@/lib/calculator/batch-file';
import { MAX_BATCH_CELLS, MAX_BATCH_ROWS } from '@/lib/domain/mining/batch';
import { PAYOUT_SCHEMES, type PayoutScheme } from '@/lib/domain/mining/economics';
import { formatNumber } from '@/lib/format';
import { BatchResults } from './batch-results';
import { RowErrors } from './row-errors';
import { type BatchSettings, useBatch } from './use-batch';

const SAMPLE = 'model,quantity,electricity_price\nAntminer S21,100,0.05\nAntminer S19k Pro,40,0.045\nWhatsminer M60S,25,0.06';

export function BatchView({ boot }: { boot: CalculatorBootstrap }) {
  const t = useTranslations('Calculator');
  const locale = useLocale();
  const batch = useBatch(boot);
  const [text, setText] = useState('');
  const [terms, setTerms] = useState({ poolFeePct: '2.5', payoutScheme: 'FPPS', uptimePct: '100', hostingFeeUsdPerUnitMonth: '0' });
  const termNumbers = (): BatchSettings | null => {
    const n = { poolFeePct: Number(terms.poolFeePct), uptimePct: Number(terms.uptimePct), hostingFeeUsdPerUnitMonth: Number(terms.hostingFeeUsdPerUnitMonth) };
    const ok = n.poolFeePct >= 0 && n.poolFeePct <= 50 && n.uptimePct >= 0 && n.uptimePct <= 100 && n.hostingFeeUsdPerUnitMonth >= 0;
    return ok ? { ...n, payoutScheme: terms.payoutScheme as PayoutScheme } : null;
  };
  const settings = termNumbers();
  const o = batch.outcome;
  return (
    <div className="flex flex-col gap-4">
      <Card>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-[2fr_1fr]">
          <div className="flex flex-col gap-3">
            <Field id="batch-text" label={t('pasteLabel')}>
              <textarea id="batch-text" rows={8} value={text} placeholder={SAMPLE} onChange={(e) => setText(e.target.value)} className="w-full rounded-md border border-line bg-bg px-3 py-2 font-mono text-xs text-ink focus:border-accent focus:outline-none" />
            </Field>
            <p className="text-xs text-muted">{t('columnsHint', { required: EXPECTED_COLUMNS.join(', '), optional: OPTIONAL_COLUMNS.join(', '), max: formatNumber(MAX_BATCH_ROWS, locale) })}</p>
            <div className="flex flex-wrap items-center gap-3">
              <Button type="button" disabled={!text.trim() || !settings} onClick={() => settings && batch.fromText(text, settings)}>
                {t('calculate')}
              </Button>
              <label className="text-sm text-muted">
                <span className="mr-2">{t('uploadLabel')}</span>
                <input
                  type="file"
                  data-testid="batch-file"
                  accept=".csv,.txt,.tsv,.xlsx"
                  className="text-sm"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f && settings) void batch.fromFile(f, settings);
                    e.target.value = '';
                  }}
                />
              </label>
              {batch.busy ? <span className="text-sm text-muted">{t('reading')}</span> : null}
            </div>
          </div>
          <div className="flex flex-col gap-3">
            <Field id="b-poolFeePct" label={t('poolFeePct')}>
              <Input id="b-poolFeePct" inputMode="decimal" value={terms.poolFeePct} onChange={(e) => setTerms({ ...terms, poolFeePct: e.target.value })} />
            </Field>
            <Field id="b-payoutScheme" label={t('payoutScheme')}>
              <Select id="b-payoutScheme" value={terms.payoutScheme} onChange={(e) => setTerms({ ...terms, payoutScheme: e.target.value })}>
                {PAYOUT_SCHEMES.map((s) => (
                  <option key={s} value={s}>
                    {t(`scheme.${s}`)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="b-uptimePct" label={t('uptimePct')}>
              <Input id="b-uptimePct" inputMode="decimal" value={terms.uptimePct} onChange={(e) => setTerms({ ...terms, uptimePct: e.target.value })} />
            </Field>
            <Field id="b-hosting" label={t('hostingFee')}>
              <Input id="b-hosting" inputMode="decimal" value={terms.hostingFeeUsdPerUnitMonth} onChange={(e) => setTerms({ ...terms, hostingFeeUsdPerUnitMonth: e.target.value })} />
            </Field>
            {!settings ? <p className="text-xs text-bad">{t('termsInvalid')}</p> : null}
            <NetworkSource snapshot={boot.snapshot} />
          </div>
        </div>
      </Card>
      {o?.kind === 'refused' ? (
        <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad">
          {t(`refused.${o.reason}`, { max: formatNumber(MAX_BATCH_ROWS, locale), cells: formatNumber(MAX_BATCH_CELLS, locale) })}
        </p>
      ) : null}
      {o?.kind === 'columns' ? (
        <p role="alert" className="rounded-md border border-bad/40 bg-bad/10 px-3 py-2 text-sm text-bad" data-testid="columns-error">
          {t('wrongColumns', { expected: o.expected.join(', '), optional: o.optional.join(', '), found: o.found.join(', ') || '—' })}
        </p>
      ) : null}
      {o?.kind === 'done' ? (
        <>
          <RowErrors errors={o.errors} />
          <BatchResults results={o.results} totals={o.totals} />
        </>
      ) : null}
    </div>
  );
}
