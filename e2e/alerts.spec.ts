import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('an alert rule is created from the keyboard; a bad threshold gets a translated field error', async ({ page }) => {
  // Many server round trips (sign-in, five submits, a delete): allow for a busy dev server.
  test.slow();
  await signIn(page, 'operator@demo.local', 'zh');
  await page.goto('/zh/settings/alerts');
  const rows = page.getByTestId('alert-rule');
  const before = await rows.count();

  const dialog = page.getByRole('dialog');
  // Retried: on a cold dev server the button may not be hydrated at the first key press.
  await expect(async () => {
    await page.getByRole('button', { name: '新建规则' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await page.locator('#rule-threshold').focus();
  await page.keyboard.type('abc');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('请输入数字。')).toBeVisible();
  await expect(page.locator('#rule-threshold')).toHaveValue('abc');

  await page.locator('#rule-threshold').fill('');
  await page.keyboard.type('-5');
  await page.keyboard.press('Enter');
  await expect(dialog.getByText('该值超出范围。')).toBeVisible();

  await page.locator('#rule-threshold').fill('');
  await page.keyboard.type('41.5');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(rows).toHaveCount(before + 1);
  const created = rows.last();
  await expect(created).toContainText('算力价格低于');
  await expect(created).toContainText('$41.5');
  await expect(created).toContainText('监控中');
  await expect(created).toContainText('operator@demo.local');

  // Esc backs out of the delete confirmation; confirming removes the rule again.
  await created.getByRole('button', { name: /删除/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(rows).toHaveCount(before + 1);
  await created.getByRole('button', { name: /删除/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(rows).toHaveCount(before);
});

test('mining settings save and show personalised daily figures with the network origin', async ({ page }) => {
  test.slow();
  await signIn(page, 'admin@demo.local', 'en');
  await page.goto('/en/settings/mining');
  await page.locator('#hashrateThs').fill('0');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Enter a number above zero.')).toBeVisible();

  await page.locator('#electricityUsdPerKwh').fill('0.05');
  await page.locator('#efficiencyJPerTh').fill('20');
  await page.locator('#hashrateThs').fill('1000');
  await page.getByRole('button', { name: 'Save' }).click();
  const figures = page.getByTestId('personal-figures');
  await expect(figures).toBeVisible();
  // 1,000 TH/s × 20 J/TH = 20 kW → 480 kWh/day → $24.00 at $0.05/kWh, whatever the network does.
  await expect(figures).toContainText('$24.00');
  await expect(figures).toContainText('480 kWh per day');
  await expect(figures).toContainText('Revenue / day');
  await expect(page.getByTestId('network-origin')).toContainText(/Current · |As of /);
  await page.reload();
  await expect(page.locator('#hashrateThs')).toHaveValue('1000');
});
