import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

// The narrowest phone we design for: figures must read whole at 375 px, in both locales.
test.use({ viewport: { width: 375, height: 812 } });

/** Nothing on the page is wider than the screen (a sideways scroll is how tables used to hide money). */
async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

test('KPI breakdowns are cards with revenue and power, not a table to scroll', async ({ page }) => {
  await signIn(page, 'owner@demo.local');
  await page.goto('/en/hosting/kpi');
  const card = page.getByTestId('figure-card').first();
  await expect(card).toBeVisible();
  await expect(card.getByText('Est. revenue / day')).toBeVisible();
  await expect(card.getByText('Power', { exact: true })).toBeVisible();
  await expect(card.locator('dd').first()).toHaveText(/^\$[\d,]+$/);
  await expect(page.getByRole('table').first()).toBeHidden();
  await noSidewaysScroll(page);
});

test('pool amounts keep all eight decimals inside their cards', async ({ page }) => {
  await signIn(page, 'owner@demo.local', 'zh');
  await page.goto('/zh/pool/payments');
  const amount = page.getByTestId('figure-card').first().locator('dd').first();
  await expect(amount).toHaveText(/^\d+\.\d{8}$/);
  await amount.scrollIntoViewIfNeeded();
  await expect(amount).toBeInViewport({ ratio: 1 });
  await page.goto('/zh/pool');
  const balance = page.getByText('未支付余额').locator('xpath=..');
  const [card, value] = await Promise.all([balance.boundingBox(), balance.locator('div').nth(1).boundingBox()]);
  expect(value!.x + value!.width).toBeLessThanOrEqual(card!.x + card!.width);
  await noSidewaysScroll(page);
});

for (const locale of ['en', 'zh'] as const) {
  test(`${locale}: the calculator keeps its key results on screen beside the inputs`, async ({ page }) => {
    await signIn(page, 'owner@demo.local', locale);
    await page.goto(`/${locale}/calculator`);
    const bar = page.getByTestId('calc-summary');
    // At the top of the page, with only the inputs in view, the bar is already on screen.
    await expect(bar).toBeInViewport({ ratio: 1 });
    await expect(bar.getByTestId('summary-daily')).toHaveText(/\$/);
    await expect(bar.getByTestId('summary-monthly')).toHaveText(/\$/);
    await page.locator('#capexUsd').fill('3000');
    await expect(bar.getByTestId('summary-payback')).toHaveText(/\d/);
    await page.locator('#electricityUsdPerKwh').fill('0.5');
    await expect(bar.getByTestId('summary-daily')).toHaveText(/-\$/);
    await noSidewaysScroll(page);
  });
}

test('ROI: a model and its price per TH/s, the same one refused, months switched off', async ({ page }) => {
  await signIn(page, 'owner@demo.local');
  await page.goto('/en/calculator/roi');
  const s21xp = await page.locator('#scenario-model option', { hasText: /^Antminer S21 XP — / }).getAttribute('value');
  await page.locator('#scenario-model').selectOption(s21xp!);
  await page.locator('#scenario-basis').selectOption('th');
  await page.locator('#scenario-price').fill('15.50');
  await page.getByRole('button', { name: 'Add a model' }).click();
  // 270 TH/s × $15.50 = $4,185.00 a unit
  await expect(page.getByTestId('roi-scenarios')).toContainText('$4,185.00 a unit');
  await page.locator('#scenario-basis').selectOption('unit');
  await page.locator('#scenario-price').fill('4185');
  await page.getByRole('button', { name: 'Add a model' }).click();
  await expect(page.getByTestId('scenario-message')).toHaveText('Antminer S21 XP at $4,185.00 a unit is already in the comparison.');
  await expect(page.getByTestId('roi-scenarios').getByRole('listitem')).toHaveCount(1);

  await page.locator('#electricityUsdPerKwh').fill('0.09');
  await page.getByTestId('switch-off').check();
  await expect(page.getByTestId('roi-off-note')).toBeVisible();
  await expect(page.locator('[data-off=true]').first()).toBeAttached();
  await expect(page.getByTestId('calc-summary')).toBeVisible();
  await noSidewaysScroll(page);
});
