import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const run = Date.now().toString(36);

test('an owner reads a change as a before/after table, in both locales; a site owner only its sites’, on a phone too', async ({ browser }) => {
  const owner = await browser.newPage();
  await signIn(owner, 'owner@demo.local');
  const rows = [
    { name: `AUD-${run}-SC`, site: "Ya'an Hydro", model: 'Antminer S21', serial: `AUDSC${run}` },
    { name: `AUD-${run}-TX`, site: 'Abilene Wind', model: 'Antminer S21', serial: `AUDTX${run}` },
  ];
  expect((await owner.request.post('/api/hosting/miners/batch', { data: { rows } })).status()).toBe(201);

  await owner.goto('/en/admin/audit');
  const sc = owner.getByRole('table', { name: 'Changes of miner.batch_create' }).filter({ hasText: `AUD-${run}-SC` });
  await expect(sc).toBeVisible();
  await expect(sc.getByRole('columnheader')).toHaveText(['Field', 'Before', 'After']);
  await expect(sc.getByRole('row').filter({ hasText: 'serial' }).getByRole('cell').last()).toHaveText(`AUDSC${run}`);
  await expect(owner.getByText(`AUD-${run}-TX`)).toBeVisible();
  await owner.goto('/zh/admin/audit');
  await expect(owner.getByRole('table', { name: 'miner.batch_create 的变更' }).first().getByRole('columnheader')).toHaveText(['字段', '变更前', '变更后']);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const siteOwner = await phone.newPage();
  await signIn(siteOwner, 'siteowner@demo.local');
  await siteOwner.goto('/en/admin/audit');
  await expect(siteOwner.getByText(`AUD-${run}-SC`)).toBeVisible();
  await expect(siteOwner.getByText(`AUD-${run}-TX`)).toHaveCount(0);
  expect(await siteOwner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.close();
});
