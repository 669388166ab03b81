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
  await expect(page.getByText('欢迎')).toBeVisible();
  await expect(page.locator('text=/^6,000$|^5,8\\d\\d$/').first()).toBeVisible();
});
