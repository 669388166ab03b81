import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Table, Td, Th } from '@/components/ui/table';
import { getDb } from '@/db';
import { listSiteOptions } from '@/db/queries/hosting/sites';
import { listCurtailmentPlans } from '@/db/queries/power/curtailment-plans';
import { requirePage } from '@/lib/auth/guard';
import type { Strike, StrikeConfig } from '@/lib/domain/power/curtailment/strike';
import { CURTAIL_STRATEGIES } from '@/lib/domain/power/curtailment/types';
import { formatNumber } from '@/lib/format';
import { pageTitle } from '@/lib/i18n/page-title';
import { DemandResponseDialog } from '../_components/demand-response-dialog';
import { PricesDialog } from '../_components/prices-dialog';
import { StrikePlanDialog } from '../_components/strike-plan-dialog';
import { CurtailmentTabs } from '../_components/tabs';

export const generateMetadata = pageTitle('curtailmentPlans');

/**
 * Curtailment automation for operators: strike-price plans (a price source, a high and a low strike —
 * fixed or the hashprice break-even — N windows above to curtail, M below to resume), the prices of
 * a site typed or imported, and each site's demand-response opt-in. The jobs run what is set here.
 */
export default async function CurtailmentPlansPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await requirePage(locale, 'curtailment:execute', 'FULL');
  const db = await getDb();
  const [plans, sites, t, tc] = await Promise.all([listCurtailmentPlans(db, actor.scope), listSiteOptions(db, actor.scope), getTranslations('CurtailmentAuto'), getTranslations('Curtailment')]);
  const strategies = [...CURTAIL_STRATEGIES];
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const strike = plans.filter((p) => p.mode === 'strike');
  const optIns = new Map(plans.filter((p) => p.mode === 'demand_response').map((p) => [p.siteId, p]));
  const strikeText = (s: Strike) =>
    s.kind === 'fixed' ? t('plans.usdPerMwh', { value: formatNumber(s.usdPerMwh, locale, { digits: 2 }) }) : t('plans.breakEvenPlus', { value: formatNumber(s.marginUsdPerMwh ?? 0, locale, { digits: 2 }) });
  return (
    <>
      <PageHeader title={tc('title')} subtitle={t('plans.subtitle')} />
      <CurtailmentTabs active="plans" />
      <Card title={t('plans.title')} className="mb-6">
        <div className="mb-3 flex flex-wrap gap-2">
          {sites.length ? <StrikePlanDialog sites={sites} strategies={strategies} /> : null}
          {sites.length ? <PricesDialog sites={sites} /> : null}
        </div>
        {strike.length ? (
          <Table label={t('plans.title')}>
            <thead>
              <tr>
                <Th>{t('site')}</Th>
                <Th>{t('plans.name')}</Th>
                <Th>{t('plans.feedKind')}</Th>
                <Th>{t('plans.high')}</Th>
                <Th>{t('plans.low')}</Th>
                <Th>{t('plans.nm')}</Th>
                <Th>{tc('targetKind')}</Th>
                <Th>{t('plans.state')}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {strike.map((p) => {
                const config = p.strike as StrikeConfig;
                const state = p.state as { curtailed?: boolean };
                return (
                  <tr key={p.id} data-testid="strike-plan">
                    <Td>{siteName.get(p.siteId) ?? '—'}</Td>
                    <Td>{p.name}</Td>
                    <Td>{t(`feedKinds.${p.feedKind}`)}</Td>
                    <Td>{strikeText(config.high)}</Td>
                    <Td>{strikeText(config.low)}</Td>
                    <Td className="tabular-nums">{t('plans.nmValue', { n: config.curtailAfter, m: config.resumeAfter })}</Td>
                    <Td>{t(`targets.${p.targetKind}`, { kw: formatNumber(Number(p.targetKw), locale) })}</Td>
                    <Td>{!p.enabled ? <Badge tone="muted">{t('plans.disabled')}</Badge> : state.curtailed ? <Badge tone="warn">{t('plans.curtailed')}</Badge> : <Badge tone="ok">{t('plans.watching')}</Badge>}</Td>
                    <Td>
                      <StrikePlanDialog sites={sites} strategies={strategies} plan={{ ...p, strike: config }} />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        ) : (
          <EmptyState title={t('plans.empty')} />
        )}
      </Card>
      <Card title={t('dr.heading')}>
        <p className="mb-3 text-sm text-muted">{t('dr.explain')}</p>
        {sites.length ? (
          <Table label={t('dr.heading')}>
            <thead>
              <tr>
                <Th>{t('site')}</Th>
                <Th>{t('dr.status')}</Th>
                <Th>{tc('strategy')}</Th>
                <Th className="text-right">{tc('perMinute')}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {sites.map((s) => {
                const o = optIns.get(s.id);
                return (
                  <tr key={s.id} data-testid="dr-site">
                    <Td>{s.name}</Td>
                    <Td>{o?.enabled ? <Badge tone="ok">{t('dr.in')}</Badge> : <Badge tone="muted">{t('dr.out')}</Badge>}</Td>
                    <Td>{o ? tc(`strategies.${o.strategy}`) : '—'}</Td>
                    <Td className="text-right tabular-nums">{o ? formatNumber(o.perMinute, locale) : '—'}</Td>
                    <Td>
                      <DemandResponseDialog site={s} optIn={o ? { enabled: o.enabled, strategy: o.strategy, perMinute: o.perMinute } : null} strategies={strategies} />
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-muted">{tc('noSites')}</p>
        )}
      </Card>
    </>
  );
}
