'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { RowError } from '@/lib/domain/mining/batch';
import { VALIDATION_KEYS } from '@/lib/core/field-errors';

const SHOWN = 100;

/** Invalid rows by row number with the reason, in the user's language; none of them was computed. */
export function RowErrors({ errors }: { errors: RowError[] }) {
  const t = useTranslations('Calculator');
  const tv = useTranslations('Validation');
  const [all, setAll] = useState(false);
  if (!errors.length) return null;
  const reason = (r: string) => ((VALIDATION_KEYS as readonly string[]).includes(r) ? tv(r as (typeof VALIDATION_KEYS)[number]) : t('unknownModel'));
  const field = (f: string) => (t.has(`fields.${f}`) ? t(`fields.${f}` as never) : f);
  const shown = all ? errors : errors.slice(0, SHOWN);
  return (
    <section role="alert" className="rounded-md border border-warn/40 bg-warn/10 p-3 text-sm" data-testid="row-errors">
      <h2 className="mb-2 font-semibold text-warn">{t('rowErrorsTitle', { count: errors.length })}</h2>
      <ul className="max-h-64 overflow-y-auto text-xs">
        {shown.map((e) => (
          <li key={`${e.row}-${e.field}`}>{t('rowError', { row: e.row, field: field(e.field), reason: reason(e.reason) })}</li>
        ))}
      </ul>
      {errors.length > SHOWN && !all ? (
        <button type="button" className="mt-2 text-xs text-accent hover:underline" onClick={() => setAll(true)}>
          {t('showAllErrors', { count: errors.length })}
        </button>
      ) : null}
    </section>
  );
}
