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
