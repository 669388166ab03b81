import { getTranslations } from 'next-intl/server';

/**
 * 7-day against 30-day average with an arrow. Green means good for miners: a rising price or
 * hashprice, a falling difficulty or hashrate.
 */
export async function Trend({ avg7, avg30, higherIsGood, format }: { avg7: number | null; avg30: number | null; higherIsGood: boolean; format: (v: number) => string }) {
  const t = await getTranslations('Analytics');
  if (avg7 === null || avg30 === null) return <p className="text-xs text-muted">{t('avg7')}: — · {t('avg30')}: —</p>;
  const up = avg7 >= avg30;
  const good = up === higherIsGood;
  return (
    <p className="text-xs text-muted">
      <span className={good ? 'text-ok' : 'text-bad'} aria-label={up ? t('trendUp') : t('trendDown')} title={up ? t('trendUp') : t('trendDown')}>
        {up ? '▲' : '▼'}
      </span>{' '}
      {t('avg7')}: {format(avg7)} · {t('avg30')}: {format(avg30)}
    </p>
  );
}
