import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';

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

test('pages and APIs refuse anonymous visitors; a first visit is not told its session ended', async ({ page, request }) => {
  await page.goto('/en/hosting/devices');
  await expect(page).toHaveURL(/\/en\/login\?next=%2Fen%2Fhosting%2Fdevices$/);
  await expect(page.getByText('Your session has ended')).toHaveCount(0);
  const api = await request.get('/api/hosting/miners/00000000-0000-4000-8000-000000000000');
  expect(api.status()).toBe(401);
});

test('signing in from a deep link comes back to that page', async ({ page }) => {
  await page.goto('/en/hosting/devices?q=S21');
  await expect(page).toHaveURL(/\/en\/login\?next=/);
  await page.locator('#email').fill('operator@demo.local');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL(/\/en\/hosting\/devices\?q=S21$/, { timeout: 60_000 });
});

test('a copied session cookie stops working once that session signs out', async ({ page, browser }) => {
  await signIn(page, 'operator@demo.local');
  const copy = await browser.newContext();
  await copy.addCookies(await page.context().cookies());
  const stolen = await copy.newPage();
  await stolen.goto('/en/dashboard');
  await expect(stolen).toHaveURL(/\/en\/dashboard/);

  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/login/);
  await stolen.goto('/en/dashboard');
  await expect(stolen).toHaveURL(/\/en\/login\?next=%2Fen%2Fdashboard&reason=session$/);
  await expect(stolen.getByText('Your session has ended')).toBeVisible();
  await copy.close();
});

test('a spoofed X-Forwarded-For does not buy more tries at an account', async ({ page }) => {
  for (let i = 0; i < 6; i++) {
    await page.setExtraHTTPHeaders({ 'x-forwarded-for': `198.51.100.${i + 1}` });
    // A fresh page each time, so the check reads this try's answer and not the one before.
    await page.goto('/en/login');
    await page.locator('#email').fill('spoofer@demo.local');
    await page.locator('#password').fill('a guess');
    await page.locator('form button[type=submit]').click();
    await expect(page.getByTestId('login-error')).toContainText(i < 5 ? 'not correct' : 'Too many failed attempts');
  }
});
