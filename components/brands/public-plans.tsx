import { getTranslations } from 'next-intl/server';
import { formatPlanRate } from '@/components/billing/plan-price';
import type { HostingPlanRow } from '@/db/queries/crm/hosting-plans';
import { formatNumber } from '@/lib/format';

/** A brand's public price list on its landing page: each published plan with its site, price and minimum term. */
export async function PublicPlans({ plans, locale }: { plans: HostingPlanRow[]; locale: string }) {
  if (!plans.length) return null;
  const t = await getTranslations('Landing.plans');
  return (
    <section className="mt-10" aria-labelledby="plans-title">
      <h2 id="plans-title" className="text-xl font-semibold">
        {t('title')}
      </h2>
      <div className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {plans.map((p) => (
          <article key={p.id} className="rounded-lg border border-line bg-surface p-5">
            <h3 className="font-semibold text-accent">{p.name}</h3>
            <p className="mt-1 text-sm text-muted">{p.location ? `${p.site} · ${p.location}` : p.site}</p>
            <p className="mt-3 text-2xl font-semibold tabular-nums">
              {formatPlanRate(p.pricing, p.rate, locale)} <span className="text-sm font-normal text-muted">{t(`unitOf.${p.pricing as 'per_kwh'}`)}</span>
            </p>
            <p className="mt-2 text-xs text-muted">{t('minTerm', { months: formatNumber(p.minTermMonths, locale) })}</p>
            {p.notes ? <p className="mt-2 text-sm">{p.notes}</p> : null}
          </article>
        ))}
      </div>
    </section>
  );
}
