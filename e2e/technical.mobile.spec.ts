import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('on a phone the technical page fits the screen and its toggles wrap', async ({ page }) => {
  await signIn(page, 'operator@demo.local');
  await page.goto('/en/analytics/technical');
  await expect(page.getByTestId('price-chart').locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('panel-rsi')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
  await page.getByTestId('toggle-ema').check();
  await expect(page.getByTestId('toggle-ema')).toBeChecked();
});
