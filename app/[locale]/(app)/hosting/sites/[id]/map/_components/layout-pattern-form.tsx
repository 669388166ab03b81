import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button';
import { saveLayoutPatternAction } from '@/lib/actions/hosting/save-layout-pattern';
import { DEFAULT_LAYOUT_PATTERN, type MapMetric, parseLayoutPattern } from '@/lib/domain/hosting/rack-layout';

type Props = { siteId: string; locale: string; patternText: string; metric: MapMetric | null; canSave: boolean; saved: boolean; saveError: boolean };

/** The naming pattern: "Apply" previews it (?pattern=), "Save for this site" stores it (site management FULL). */
export async function LayoutPatternForm({ siteId, locale, patternText, metric, canSave, saved, saveError }: Props) {
  const t = await getTranslations('RackMap');
  const parsed = parseLayoutPattern(patternText);
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
      <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm">
        <span>{t('pattern')}</span>
        <input
          name="pattern"
          defaultValue={patternText}
          maxLength={500}
          aria-invalid={!parsed.ok}
          aria-describedby="pattern-hint"
          className="rounded-md border border-line bg-surface px-3 py-2 font-mono text-sm"
        />
      </label>
      {metric && <input type="hidden" name="by" value={metric} />}
      <button type="submit" className={buttonClass()}>
        {t('apply')}
      </button>
      {canSave && (
        <>
          <input type="hidden" name="siteId" value={siteId} />
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" formAction={saveLayoutPatternAction} className={buttonClass('secondary')}>
            {t('save')}
          </button>
        </>
      )}
      <p id="pattern-hint" className="w-full text-xs text-muted">
        {t('patternHint', { example: DEFAULT_LAYOUT_PATTERN })}
      </p>
      {saved && <p role="status" className="w-full text-sm text-ok">{t('saved')}</p>}
      {saveError && parsed.ok && <p role="alert" className="w-full text-sm text-bad">{t('saveFailed')}</p>}
      {!parsed.ok && (
        <p role="alert" className="w-full text-sm text-bad">
          {t(`patternErrors.${parsed.error.code}`, 'token' in parsed.error ? { token: `{${parsed.error.token}}` } : 'first' in parsed.error ? { first: `{${parsed.error.first}}`, second: `{${parsed.error.second}}` } : 'max' in parsed.error ? { max: parsed.error.max } : {})}
        </p>
      )}
    </form>
  );
}
