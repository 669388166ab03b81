import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a bad profile form gets a translated field error and writes nothing; a good one is saved and audited', async ({ page }) => {
  await signIn(page, 'admin@demo.local', 'zh');
  await page.goto('/zh/settings');
  await page.locator('#name').fill('   ');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('此项为必填。')).toBeVisible();

  await page.goto('/zh/admin/audit');
  const before = await page.locator('table tbody tr').count();

  await page.goto('/en/settings');
  await page.locator('#name').fill('Adam Admin II');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await page.goto('/en/admin/audit');
  await expect(page.locator('table tbody tr').first()).toContainText('user.profile.update');
  expect(await page.locator('table tbody tr').count()).toBe(before + 1);
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Adam Admin II');
});
