import { expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

// As analytics.spec.ts: on the shared, loaded demo server the sign-in's dashboard (6,000 miners) can
// take longer than the shared helper's 60 s to answer.
async function signIn(page: Page, email: string, locale: string) {
  await page.goto(`/${locale}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard`), { timeout: 150_000 });
}

test.describe.configure({ timeout: 300_000 });

// The demo server is offline: the bundled daily candles (2024-01-01 → 2026-01-06) and the bundled
// network history from 2009, labelled as such.

const PANELS = ['macd', 'rsi', 'stochastic', 'atr', 'williamsR', 'cci', 'adx'];

for (const locale of ['en', 'zh'] as const) {
  test(`technical analysis: candles, every indicator panel, overlays by keyboard, stated signals (${locale})`, async ({ page }) => {
    await signIn(page, 'operator@demo.local', locale);
    await page.locator('aside nav[aria-label=main]').getByRole('link', { name: locale === 'en' ? 'Technical analysis' : '技术分析' }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/analytics/technical`), { timeout: 60_000 });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en' ? 'Technical analysis' : '技术分析');
    await expect(page.getByTestId('technical-source')).toContainText('2026');
    const price = page.getByTestId('price-chart');
    // Candles: one wick and body per day of the year shown.
    await expect(price.locator('.recharts-bar-rectangle').first()).toBeVisible();
    expect(await price.locator('.recharts-bar-rectangle rect').count()).toBeGreaterThan(300);
    for (const p of PANELS) await expect(page.getByTestId(`panel-${p}`).locator('.recharts-line').first()).toBeVisible();
    // OBV has no volume to work on: its toggle is off and disabled, and the page says why.
    await expect(page.getByTestId('toggle-obv')).toBeDisabled();
    // Keyboard: Tab to the Ichimoku toggle and press Space; the cloud note appears.
    await page.getByTestId('toggle-ichimoku').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('toggle-ichimoku')).toBeChecked();
    await expect(page.getByText(locale === 'en' ? /drawn 26 days ahead/ : /向前平移 26 天/)).toBeVisible();
    await page.getByTestId('kind-line').click();
    await expect(price.locator('.recharts-bar-rectangle')).toHaveCount(0);
    // The signal summary states its rules with the values.
    await expect(page.getByTestId('signal-rsi')).toContainText(/RSI \d/);
    await expect(page.getByTestId('signals').locator('li')).toHaveCount(10);
    await page.getByRole('link', { name: locale === 'en' ? '30 d' : '30 天' }).click();
    await expect(page).toHaveURL(/range=30d/, { timeout: 60_000 });
    await expect(page.getByTestId('panel-rsi').locator('.recharts-line').first()).toBeVisible();
  });

  test(`miner economics: hashprice since 2009, ribbons, Puell, epoch-average note (${locale})`, async ({ page }) => {
    await signIn(page, 'admin@demo.local', locale);
    await page.goto(`/${locale}/analytics/economics`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(locale === 'en' ? 'Miner economics' : '矿工经济', { timeout: 60_000 });
    for (const id of ['chart-hashprice-btc', 'chart-hashprice-usd', 'chart-fee-share', 'chart-puell', 'chart-difficulty-ribbon', 'chart-hash-ribbon']) await expect(page.getByTestId(id).locator('.recharts-line').first()).toBeVisible();
    await expect(page.getByTestId('economics-source')).toContainText('2009');
    await expect(page.getByTestId('hash-ribbon-note')).toContainText(locale === 'en' ? /5,360 of the 6,238 days/ : /6,238 天中有 5,360 天/);
    await expect(page.getByTestId('break-even').locator('tbody tr').first()).toBeVisible();
  });
}
