import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('the login page lists the demo accounts in demo mode', async ({ page }) => {
  await page.goto('/en/login');
  await expect(page.getByRole('heading', { name: 'Demo accounts' })).toBeVisible();
  for (const r of ['owner', 'admin', 'siteowner', 'operator', 'client', 'guest']) await expect(page.getByRole('button', { name: `Use ${r}@demo.local`, exact: true })).toBeVisible();
});

test('a wrong password and an unknown email get the same message', async ({ page }) => {
  await page.goto('/en/login');
  await page.locator('#email').fill('owner@demo.local');
  await page.locator('#password').fill('not-the-password');
  await page.locator('form button[type=submit]').click();
  const wrong = await page.getByTestId('login-error').textContent();
  await page.locator('#email').fill('nobody-at-all@demo.local');
  await page.locator('#password').fill('whatever');
  await page.locator('form button[type=submit]').click();
  await expect(page.getByTestId('login-error')).toHaveText(wrong ?? 'missing');
  expect(wrong).toContain('not correct');
});

test('malformed input gets field errors in the user’s language', async ({ page }) => {
  await page.goto('/zh/login');
  await page.locator('#email').fill('not-an-email');
  await page.locator('form button[type=submit]').click();
  await expect(page.getByText('请输入有效的邮箱地址。')).toBeVisible();
  await expect(page.getByText('此项为必填。')).toBeVisible();
});

test('sign in, then sign out', async ({ page }) => {
  await signIn(page, 'owner@demo.local');
  await expect(page.getByRole('heading', { name: /Welcome, Olivia Owner/ })).toBeVisible();
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/login/);
  const res = await page.goto('/en/dashboard');
  expect(page.url()).toContain('/en/login');
  expect(res?.status()).toBe(200);
});

test('pages and APIs refuse anonymous visitors', async ({ page, request }) => {
  await page.goto('/en/hosting/devices');
  await expect(page).toHaveURL(/\/en\/login\?reason=session/);
  const api = await request.get('/api/hosting/miners/00000000-0000-4000-8000-000000000000');
  expect(api.status()).toBe(401);
});
