import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { hostingKpis } from '@/db/queries/hosting/fleet';
import { scopeFor } from '@/lib/core/scope';
import { kpiFigures, kpiHashprice } from '@/lib/domain/hosting/kpi';
import { formatUsdFromCents } from '@/lib/format';
import { bundledSnapshot } from '@/lib/integrations/market/bundled';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { createTestDb } from '@/tests/helpers/db';
import { makeMiner, makeOrg, makeSite, makeUser } from '@/tests/helpers/fixtures';

const state = vi.hoisted(() => ({ locale: 'en' as 'en' | 'zh', db: undefined as unknown }));
vi.mock('next-intl/server', () => ({ getTranslations: async (namespace: string) => createTranslator({ locale: state.locale, messages: state.locale === 'zh' ? zh : en, namespace: namespace as 'Dashboard' }) }));
vi.mock('@/db', () => ({ getDb: async () => state.db }));
// Offline, as tests are: the bundled network figures, with their date.
vi.mock('@/lib/integrations/market/current', () => ({ getCurrentNetwork: async () => bundledSnapshot() }));
// An async server component, which renderToString cannot wait for; its own tests cover it.
vi.mock('@/components/market/freshness', () => ({ Freshness: () => <span>freshness</span> }));
vi.mock('@/lib/i18n/navigation', () => ({ Link: ({ href, children, className }: { href: string; children: React.ReactNode; className?: string }) => <a href={href} className={className}>{children}</a> }));

const { Portfolio } = await import('./portfolio');
const { StaffWork } = await import('./staff-work');

let db: Db;
let drop: () => Promise<void>;
let orgId: string;
let siteA: string;
const now = new Date();

beforeAll(async () => {
  ({ db, drop } = await createTestDb());
  state.db = db;
  orgId = (await makeOrg(db)).id;
  siteA = (await makeSite(db, orgId, 'Alpha Hydro')).id;
  const siteB = (await makeSite(db, orgId, 'Beta Wind')).id;
  for (const siteId of [siteA, siteA, siteB]) await makeMiner(db, { orgId, siteId });
  await makeUser(db, { orgId, role: 'OWNER' });
});
afterAll(async () => drop());

async function render(locale: 'en' | 'zh', node: Promise<React.ReactNode>) {
  state.locale = locale;
  return renderToString(
    <NextIntlClientProvider locale={locale} messages={locale === 'zh' ? zh : en} timeZone="UTC">
      {await node}
    </NextIntlClientProvider>,
  );
}

describe('dashboard role panels', () => {
  it("the owner's portfolio lists every site with the KPI page's revenue and shows cost and margin", async () => {
    const scope = scopeFor({ orgId, role: 'OWNER', assignedSiteIds: [], linkedCustomerIds: [] });
    const html = await render('en', Portfolio({ scope, locale: 'en', hostCosts: true, now }));
    expect(html).toContain('Alpha Hydro');
    expect(html).toContain('Beta Wind');
    expect(html).toContain('Margin');
    // The same figure /hosting/kpi shows: kpiFigures over the same rows and network.
    const net = bundledSnapshot();
    const all = (await hostingKpis(db, scope, { hostCosts: true }, now)).find((r) => r.dim === 'all')!;
    expect(html).toContain(formatUsdFromCents(kpiFigures(all, kpiHashprice(net), net.btcPriceUsd).revenueCentsPerDay, 'en', 0));
  });

  it("a site owner sees only its site, and no host cost when its role does not see costs; in Chinese", async () => {
    const scope = scopeFor({ orgId, role: 'MINING_SITE_OWNER', assignedSiteIds: [siteA], linkedCustomerIds: [] });
    const html = await render('zh', Portfolio({ scope, locale: 'zh', hostCosts: false, now }));
    expect(html).toContain('Alpha Hydro');
    expect(html).not.toContain('Beta Wind');
    expect(html).toContain('资产概览');
    expect(html).not.toContain('毛利');
    expect(html).not.toContain('电费');
  });

  it("the floor's work: empty states say so, counts are 0 from the queries, not invented", async () => {
    const scope = scopeFor({ orgId, role: 'OPERATOR', assignedSiteIds: [siteA], linkedCustomerIds: [] });
    const html = await render('en', StaffWork({ scope, locale: 'en', now }));
    expect(html).toContain('No unresolved alert.');
    expect(html).toContain('No active ticket.');
    expect(html).toContain('Curtailments (24 h)');
    const zhHtml = await render('zh', StaffWork({ scope, locale: 'zh', now }));
    expect(zhHtml).toContain('没有进行中的工单。');
  });
});
