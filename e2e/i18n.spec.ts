import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('both locales render, and switching keeps the page and its filters', async ({ page }) => {
  await signIn(page, 'owner@demo.local');
  await page.goto('/en/hosting/devices?status=offline');
  await expect(page.getByRole('heading', { name: 'Miners' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(page).toHaveURL(/\/zh\/hosting\/devices\?status=offline/);
  await expect(page.getByRole('heading', { name: '矿机' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('table tbody tr').first()).toContainText('离线');
});

test('the landing page is public in both locales', async ({ page }) => {
  await page.goto('/zh');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('比特币矿场');
  await page.goto('/en');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bitcoin mining farm');
});

test('the dashboard counts the demo farm', async ({ page }) => {
  await signIn(page, 'owner@demo.local', 'zh');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('欢迎');
  // Other specs may add a few miners to the same database, so check the order of magnitude, not one number.
  const total = await page.locator('main').getByText('在役矿机', { exact: true }).first().locator('xpath=following-sibling::div[1]').textContent();
  expect(Number((total ?? '').replace(/[^0-9]/g, ''))).toBeGreaterThanOrEqual(5_900);
});
