import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

// Brand hosts are <sub>.localhost on the server's port. Chromium resolves *.localhost to loopback
// itself; the resolver rule pins it to 127.0.0.1, where scripts/e2e.mjs binds the server.
const base = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000');
const at = (sub: string) => `${base.protocol}//${sub}.localhost${base.port ? `:${base.port}` : ''}`;
const ACME = at('acme');
const NOVA = at('nova');

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP *.localhost 127.0.0.1'],
  },
});

/** An HTTP status fetched from inside the page, so the browser's resolver and the host's cookies are used (Node's resolver knows no *.localhost). */
async function statusIn(page: Page, path: string): Promise<number> {
  return page.evaluate(async (p) => (await fetch(p, { redirect: 'manual' })).status, path);
}

async function signInAt(page: Page, origin: string, email: string, locale = 'en') {
  await page.goto(`${origin}/${locale}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
}

test('a brand host is branded in the server-rendered page, before any script runs', async ({ browser }) => {
  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const res = await page.goto(`${ACME}/en/login`);
  expect(res?.status()).toBe(200);
  await expect(page).toHaveTitle('Sign in · Acme Hosting');
  await expect(page.getByRole('heading', { name: 'Sign in to Acme Hosting' })).toBeVisible();
  // The demo brand's primary colour #2f9e44 on the primary button, straight from the HTML.
  await expect(page.locator('form button[type=submit]')).toHaveCSS('background-color', 'rgb(47, 158, 68)');
  const plain = await ctx.newPage();
  await plain.goto(`${base.origin}/en/login`);
  await expect(plain).toHaveTitle('Sign in · HashInsight');
  await expect(plain.locator('form button[type=submit]')).toHaveCSS('background-color', 'rgb(247, 147, 26)');
  await ctx.close();
});

test('an unknown subdomain is a 404 in the default theme', async ({ page }) => {
  const res = await page.goto(`${at('nosuch')}/en/login`);
  expect(res?.status()).toBe(404);
  await expect(page).not.toHaveTitle(/Acme|Nova/);
  expect(await page.locator('#brand-theme').count()).toBe(0);
  expect(await statusIn(page, '/en/portal')).toBe(404);
});

test('a CLIENT of the brand lands on its portal and sees its own fleet and nothing else', async ({ page }) => {
  test.slow(); // several pages and API calls, each compiled on first use on a dev server
  await signInAt(page, ACME, 'client@demo.local');
  await expect(page).toHaveURL(/acme\.localhost:\d+\/en\/portal/, { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Hosting · my fleet');
  await expect(page.getByRole('banner')).toContainText('Acme Hosting');
  const rows = page.locator('table tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  // Every miner in the portal is the client's (worker names carry the customer key: c000).
  const body = await page.evaluate(async () => (await (await fetch('/api/hosting/miners?pageSize=100')).json()) as { total: number; rows: { workerName: string | null }[] });
  expect(body.total).toBeGreaterThan(0);
  for (const m of body.rows) expect(m.workerName?.startsWith('c000.')).toBe(true);
  // Another customer's miners stay out of reach on the brand host too.
  await page.goto(`${ACME}/en/hosting/devices?q=c001.`);
  await expect(page.locator('table tbody tr')).toHaveCount(0);
  await page.goto(`${ACME}/zh/portal`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acme Hosting · 我的矿机');
  // The same session carried to another brand's host (cookies copied over) is nobody there.
  const cookies = await page.context().cookies(ACME);
  await page.context().addCookies(cookies.map(({ name, value }) => ({ name, value, url: NOVA })));
  expect((await page.goto(`${NOVA}/en/portal`))?.status()).toBe(404);
  expect(await statusIn(page, '/api/hosting/miners')).toBe(401);
});

test('a CLIENT is refused on another brand’s host', async ({ page }) => {
  await signInAt(page, NOVA, 'client@demo.local');
  await expect(page.getByTestId('login-error')).toContainText('does not use this portal', { timeout: 60_000 });
  await expect(page).toHaveURL(/nova\.localhost:\d+\/en\/login/);
});

test('staff of the owning organization manage brands on the default host', async ({ page }) => {
  test.slow();
  await signInAt(page, base.origin, 'owner@demo.local');
  await expect(page).toHaveURL(/\/en\/dashboard/, { timeout: 60_000 });
  await page.goto('/en/hosting/brands');
  const acmeRow = page.locator('table tbody tr', { hasText: 'Acme Hosting' });
  await expect(acmeRow).toContainText('acme');
  await acmeRow.getByRole('link', { name: 'Acme Hosting' }).click();
  await expect(page).toHaveURL(/\/en\/hosting\/brands\/[0-9a-f-]{36}/, { timeout: 60_000 });
  await expect(page.locator('#subdomain')).toHaveValue('acme', { timeout: 30_000 });
  await expect(page.getByText('client@demo.local')).toBeVisible();
});

test('on a brand host nothing names the product or the hosting company: titles, pages, dashboard subtitle, phone menu, chart colours', async ({ browser }) => {
  test.slow();
  // A phone-sized window, so the navigation is the drawer.
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await ctx.newPage();
  await signInAt(page, ACME, 'client@demo.local');
  await expect(page).toHaveURL(/\/en\/portal/, { timeout: 60_000 });
  // The one exception is the webhook signature header's name, a protocol field receivers check.
  const named = (text: string) => text.replaceAll('X-HashInsight-', '').includes('HashInsight');
  for (const [path, status] of [['/en/portal', 200], ['/zh/portal', 200], ['/en/dashboard', 200], ['/en/hosting/kpi', 200], ['/en/hosting/devices', 200], ['/en/calculator', 200], ['/en/settings/alerts', 200], ['/en/hosting/devices/00000000-0000-4000-8000-000000000000', 404], ['/en', 200]] as const) {
    expect((await page.goto(`${ACME}${path}`))?.status(), path).toBe(status);
    await expect(page, path).toHaveTitle(/(^| · )Acme Hosting$/);
    // The HTML with its RSC payload, and what is on screen: the demo company is "HashInsight Demo Hosting", so this covers it too.
    expect(named(await page.content()), `${path} HTML`).toBe(false);
    expect(named(await page.locator('body').innerText()), `${path} text`).toBe(false);
  }

  await page.goto(`${ACME}/en/dashboard`);
  await expect(page.getByText('Acme Hosting · Hosting client')).toBeVisible();
  // Chart bars take the brand's primary colour (#2f9e44), like every other accent.
  await expect(page.locator('.recharts-bar-rectangle path').first()).toHaveCSS('fill', 'rgb(47, 158, 68)');
  await page.getByRole('button', { name: 'Open menu' }).click();
  await expect(page.getByRole('dialog').getByRole('heading')).toHaveText('Acme Hosting');
  await ctx.close();

  // The default host keeps the product's name and colour, so the checks above could fail.
  const plain = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const staff = await plain.newPage();
  await signInAt(staff, base.origin, 'owner@demo.local');
  await expect(staff).toHaveURL(/\/en\/dashboard/, { timeout: 60_000 });
  await expect(staff.getByText('HashInsight Demo Hosting · Owner')).toBeVisible();
  await expect(staff.locator('.recharts-bar-rectangle path').first()).toHaveCSS('fill', 'rgb(247, 147, 26)');
  await staff.getByRole('button', { name: 'Open menu' }).click();
  await expect(staff.getByRole('dialog').getByRole('heading')).toHaveText('HashInsight');
  await plain.close();
});
