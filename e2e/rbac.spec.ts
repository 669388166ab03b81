import { expect, test } from '@playwright/test';
import { navHrefs, signIn } from './helpers';

import { can } from '../lib/auth/permissions';
import type { Role } from '../lib/core/roles';
import { NAVIGATION } from '../lib/navigation';

const PAGES = NAVIGATION.flatMap((a) => a.items);
const ROLE_OF: Record<string, Role> = { owner: 'OWNER', admin: 'ADMIN', siteowner: 'MINING_SITE_OWNER', operator: 'OPERATOR', client: 'CLIENT', guest: 'GUEST' };
// Spot checks that hold whatever pages later areas add.
const NEVER: Record<string, string[]> = {
  operator: ['/admin/users', '/admin/audit'],
  client: ['/hosting/sites', '/crm/customers', '/admin/users', '/admin/audit', '/system', '/system/health', '/pool/links', '/pool/usage', '/treasury/backtest'],
  guest: ['/hosting/devices', '/hosting/sites', '/crm/customers', '/admin/users', '/settings/mining', '/settings/alerts', '/settings/api-tokens'],
};
// Pages a role must have, whatever else it may open.
const ALWAYS: Record<string, string[]> = {
  client: ['/pool', '/pool/payments', '/settings'],
  guest: ['/dashboard', '/settings'],
};

for (const [who, role] of Object.entries(ROLE_OF)) {
  test(`${who} sees exactly its navigation and is refused the rest`, async ({ page }) => {
    // Every page of the navigation is opened, and each area adds pages: the time grows with them.
    test.setTimeout(60_000 + PAGES.length * 8_000);
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
  // The worker column by its header: the list gains columns (selection, uptime).
  const workerCol = 1 + (await client.locator('table thead th').allTextContents()).findIndex((h) => /^pool worker/i.test(h.trim()));
  const workers = await client.locator(`table tbody tr td:nth-child(${workerCol})`).allTextContents();
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
  // On screen: the KPI cost and margin cards and column, the miner's electricity row. (The labels
  // themselves travel with the page's translations, so the HTML is checked for data instead.)
  const SHOWN = ['Electricity / day', 'Margin / day', 'Electricity price', 'Site rate', '/kWh'];
  // In the HTML, its RSC payload and the API's JSON: the fields that carry costs, and the demo
  // sites' prices (0.045, 0.052, 0.038 $/kWh) and the per-miner override (0.06), as stored (0.04500)
  // or shown (0.0450).
  const FIELDS = ['costUsdPerDay', 'siteUsdPerKwh', 'electricityUsdPerKwhOverride'];
  const PRICE = /(?<![\d.])0\.0(45|52|38|60)0{1,2}(?!\d)/;
  const noLeak = (where: string, text: string, shown?: string) => {
    for (const f of FIELDS) expect(text, `${where}: ${f}`).not.toContain(f);
    expect(text, `${where}: a price`).not.toMatch(PRICE);
    for (const label of shown === undefined ? [] : SHOWN) expect(shown, `${where}: "${label}" on screen`).not.toContain(label);
  };

  const owner = await browser.newPage();
  await signIn(owner, 'owner@demo.local');
  await owner.goto('/en/hosting/kpi');
  // Staff do see them on the same pages, so their absence below is the CLIENT's view, not a wording change.
  await expect(owner.getByText('Electricity / day').first()).toBeVisible();
  await expect(owner.getByText('Margin / day')).toBeVisible();

  const client = await browser.newPage();
  await signIn(client, 'client@demo.local');
  expect((await client.goto('/en/hosting/kpi'))?.status()).toBe(200);
  await expect(client.getByText('Est. revenue / day').first()).toBeVisible();
  noLeak('KPI page', await client.content(), await client.locator('body').innerText());

  await client.goto('/en/hosting/devices');
  const ownId = (await client.locator('table a[href*="/hosting/devices/"]').first().getAttribute('href'))!.split('/').pop()!;
  expect((await client.goto(`/en/hosting/devices/${ownId}`))?.status()).toBe(200);
  expect(await client.content()).toContain(ownId);
  noLeak('miner page', await client.content(), await client.locator('body').innerText());
  await owner.goto(`/en/hosting/devices/${ownId}`);
  await expect(owner.getByText('Electricity price')).toBeVisible();

  await client.goto('/en/portal');
  noLeak('portal', await client.content(), await client.locator('body').innerText());

  for (const path of [`/api/hosting/miners/${ownId}`, '/api/hosting/miners?pageSize=100&include_metrics=true']) {
    const res = await client.request.get(path);
    expect(res.status(), path).toBe(200);
    noLeak(path, await res.text());
  }
  const staffJson = await (await owner.request.get(`/api/hosting/miners/${ownId}`)).text();
  expect(staffJson).toContain('siteUsdPerKwh');
  expect(staffJson).toMatch(PRICE);
});
