import { getTranslations } from 'next-intl/server';

/** Where the history comes from and under which licences (the full record: NOTICE and data/btc-network/PROVENANCE.md). */
export async function AboutData() {
  const t = await getTranslations('Analytics');
  return (
    <p className="mt-4 text-xs text-muted" data-testid="about-data">
      <span className="font-semibold">{t('aboutTitle')}</span> {t('aboutText')}
    </p>
  );
}
