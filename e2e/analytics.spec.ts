import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

// The shared helper waits 30 s; the busy shared dev server can take longer to answer the sign-in.
async function signIn(page: Page, email: string, locale: string) {
  await page.goto(`/${locale}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard`), { timeout: 90_000 });
}

// The shared demo server runs without market access (demo mode keeps traffic on the machine), so
// these pages show the bundled snapshot and the bundled daily prices, labelled as such.

for (const locale of ['en', 'zh'] as const) {
  test(`landing page shows the network figures with their freshness (${locale})`, async ({ page }) => {
    await page.goto(`/${locale}`);
    const stats = page.getByTestId('live-stats');
    await expect(stats).toBeVisible({ timeout: 60_000 });
    for (const id of ['live-price', 'live-hashrate', 'live-difficulty', 'live-hashprice', 'live-adjustment']) await expect(page.getByTestId(id)).toBeVisible();
    // The count-up settles on the value the server rendered.
    await expect(page.getByTestId('live-price').locator('[data-value]')).toHaveAttribute('aria-label', /\$\d{2,3}[,.\s]?\d{3}/);
    // "Current" only under 15 minutes old; offline, the snapshot derived from the bundled network history
    // reads "As of <its oldest day> · bundled history, <from> to <to>" — never "Current".
    await expect(stats.getByTestId('freshness')).toHaveText(locale === 'en' ? /^(Current · |As of .+ · bundled history, )/ : /^(当前 · |截至 .+ · 内置历史，)/);
  });

  test(`network dashboard: ranges, charts or empty states, index definition (${locale})`, async ({ page }) => {
    await signIn(page, 'operator@demo.local', locale);
    await page.goto(`/${locale}/analytics`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en' ? 'Network & hashprice' : '网络与算力价格', { timeout: 60_000 });
    await expect(page.getByTestId('now-price')).toContainText('$');
    // The bundled network history: the 30-day difficulty chart draws a line; 'all' starts in 2009 with the halvings marked.
    await expect(page.getByTestId('chart-difficulty').locator('.recharts-line')).toBeVisible();
    await expect(page.getByTestId('about-data')).toContainText('Electrum');
    await page.getByRole('link', { name: locale === 'en' ? 'All' : '全部' }).click();
    await expect(page).toHaveURL(/range=all/, { timeout: 60_000 });
    await expect(page.getByTestId('held-difficulty')).toContainText('2009', { timeout: 60_000 });
    await expect(page.getByTestId('chart-difficulty').locator('.recharts-reference-line')).toHaveCount(4);
    await expect(page.getByText(locale === 'en' ? 'Mining Profitability Index' : '挖矿盈利指数')).toBeVisible();
    await expect(page.getByText(locale === 'en' ? /median over the last 365 days/ : /365 天中位数/)).toBeVisible();
    await expect(page.getByTestId('fleet')).toBeVisible();
    await page.getByRole('link', { name: locale === 'en' ? '24 h' : '24 小时' }).click();
    await expect(page).toHaveURL(/range=24h/, { timeout: 60_000 });
    await expect(page.getByRole('link', { name: locale === 'en' ? '24 h' : '24 小时' })).toHaveAttribute('aria-current', 'page', { timeout: 60_000 });
  });
}

test('the public metrics API answers without a session, cacheable', async ({ request }) => {
  const res = await request.get('/api/metrics');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('max-age=60');
  const body = await res.json();
  expect(body).toMatchObject({ origin: expect.stringMatching(/live|cache|bundled/), hashprice: { usdPerPhDay: expect.any(Number) }, change24h: expect.any(Object) });
  expect(Date.parse(body.asOf)).not.toBeNaN();
});
