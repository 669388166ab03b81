import { expect, test } from '@playwright/test';
import { navHrefs, signIn } from './helpers';

import { can } from '../lib/auth/permissions';
import type { Role } from '../lib/auth/roles';
import { NAVIGATION } from '../lib/navigation';

const PAGES = NAVIGATION.flatMap((a) => a.items);
const ROLE_OF: Record<string, Role> = { owner: 'OWNER', admin: 'ADMIN', siteowner: 'MINING_SITE_OWNER', operator: 'OPERATOR', client: 'CLIENT', guest: 'GUEST' };
// Spot checks that hold whatever pages later areas add.
const NEVER: Record<string, string[]> = {
  operator: ['/admin/users', '/admin/audit'],
  client: ['/hosting/sites', '/crm/customers', '/admin/users', '/admin/audit', '/system/health', '/pool/links', '/pool/usage'],
  guest: ['/hosting/devices', '/hosting/sites', '/crm/customers', '/admin/users', '/settings/mining', '/settings/alerts', '/settings/api-tokens'],
};
// Pages a role must have, whatever else it may open.
const ALWAYS: Record<string, string[]> = {
  client: ['/pool', '/pool/payments', '/settings'],
  guest: ['/dashboard', '/settings'],
};

for (const [who, role] of Object.entries(ROLE_OF)) {
  test(`${who} sees exactly its navigation and is refused the rest`, async ({ page }) => {
    await signIn(page, `${who}@demo.local`);
    const allowed = PAGES.filter((p) => can(role, p.module, 'READ')).map((p) => p.href);
    expect(await navHrefs(page)).toEqual(allowed);
    for (const h of NEVER[who] ?? []) expect(allowed).not.toContain(h);
    for (const h of ALWAYS[who] ?? []) expect(allowed).toContain(h);
    for (const { href } of PAGES) {
      const res = await page.goto(`/en${href}`);
      expect(res?.status(), `${who} ${href}`).toBe(allowed.includes(href) ? 200 : 403);
    }
  });
}

test('a CLIENT sees only its own miners and gets 404 for another customer’s miner, by page and by API', async ({ browser }) => {
  const owner = await browser.newPage();
  await signIn(owner, 'owner@demo.local');
  // Worker names carry the customer: c001 is a hosting customer other than the demo client (c000).
  await owner.goto('/en/hosting/devices?q=c001.');
  const foreignHref = await owner.locator('table a[href*="/hosting/devices/"]').first().getAttribute('href');
  expect(foreignHref).toBeTruthy();
  const foreignId = foreignHref!.split('/').pop()!;

  const client = await browser.newPage();
  await signIn(client, 'client@demo.local');
  await client.goto('/en/hosting/devices');
  const workers = await client.locator('table tbody tr td:nth-child(7)').allTextContents();
  expect(workers.length).toBeGreaterThan(0);
  for (const w of workers) expect(w.startsWith('c000.')).toBe(true);
  const ownId = (await client.locator('table a[href*="/hosting/devices/"]').first().getAttribute('href'))!.split('/').pop();

  const page = await client.goto(`/en/hosting/devices/${foreignId}`);
  expect(page?.status()).toBe(404);
  await expect(client.getByText('Page not found')).toBeVisible();
  const api = await client.request.get(`/api/hosting/miners/${foreignId}`);
  expect(api.status()).toBe(404);
  const body = await api.text();
  expect(body).not.toContain(foreignId.slice(0, 8) + '-');
  expect((await client.request.get(`/api/hosting/miners/${ownId}`)).status()).toBe(200);
});

test('an operator sees only its assigned site', async ({ page }) => {
  await signIn(page, 'operator@demo.local');
  await page.goto('/en/hosting/sites');
  await expect(page.locator('table tbody tr')).toHaveCount(1);
  await expect(page.locator('table tbody')).toContainText('Abilene Wind');
});

test('a CLIENT is never sent the host’s electricity cost, rate or margin: KPI page, miner page, portal and API', async ({ browser }) => {
  // What would give the host's costs away: the KPI cards and column, the miner's rate row, the demo
  // sites' prices (0.045, 0.052, 0.038 $/kWh) and the fields that carry them.
  const LEAKS = ['Electricity / day', 'Margin / day', 'Electricity price', 'Site rate', '/kWh', 'costUsdPerDay', 'siteUsdPerKwh', 'electricityUsdPerKwhOverride', '0.0450', '0.0520', '0.0380'];
  const owner = await browser.newPage();
  await signIn(owner, 'owner@demo.local');
  await owner.goto('/en/hosting/kpi');
  // The same pages do carry them for staff, so their absence below is the CLIENT's view, not a wording change.
  expect(await owner.content()).toContain('Electricity / day');
  expect(await owner.content()).toContain('Margin / day');

  const client = await browser.newPage();
  await signIn(client, 'client@demo.local');
  const kpi = await client.goto('/en/hosting/kpi');
  expect(kpi?.status()).toBe(200);
  await expect(client.getByText('Est. revenue / day')).toBeVisible();
  // page.content() holds the server-rendered HTML with the inline RSC payload: nothing is hidden in either.
  const kpiHtml = await client.content();
  for (const leak of LEAKS) expect(kpiHtml, `KPI page: ${leak}`).not.toContain(leak);

  await client.goto('/en/hosting/devices');
  const ownId = (await client.locator('table a[href*="/hosting/devices/"]').first().getAttribute('href'))!.split('/').pop()!;
  expect((await client.goto(`/en/hosting/devices/${ownId}`))?.status()).toBe(200);
  const minerHtml = await client.content();
  expect(minerHtml).toContain(ownId);
  for (const leak of LEAKS) expect(minerHtml, `miner page: ${leak}`).not.toContain(leak);
  await owner.goto(`/en/hosting/devices/${ownId}`);
  await expect(owner.getByText('Electricity price')).toBeVisible();

  await client.goto('/en/portal');
  const portalHtml = await client.content();
  for (const leak of LEAKS) expect(portalHtml, `portal: ${leak}`).not.toContain(leak);

  for (const path of [`/api/hosting/miners/${ownId}`, '/api/hosting/miners?pageSize=100&include_metrics=true']) {
    const res = await client.request.get(path);
    expect(res.status(), path).toBe(200);
    const json = await res.text();
    for (const leak of LEAKS) expect(json, `${path}: ${leak}`).not.toContain(leak);
  }
  expect(await (await owner.request.get(`/api/hosting/miners/${ownId}`)).text()).toContain('siteUsdPerKwh');
});
