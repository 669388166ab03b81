import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a bad profile form gets a translated field error and writes nothing; a good one is saved and audited', async ({ page }) => {
  await signIn(page, 'admin@demo.local', 'zh');
  await page.goto('/zh/settings');
  await page.locator('#name').fill('   ');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('此项为必填。')).toBeVisible();

  // The audit page shows the newest 50 entries and the demo writes its own, so count this action only.
  const updates = page.locator('table tbody tr', { hasText: 'user.profile.update' });
  await page.goto('/en/admin/audit');
  const before = await updates.count();

  await page.goto('/en/settings');
  await page.locator('#name').fill('Adam Admin II');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();
  await page.goto('/en/admin/audit');
  await expect(page.locator('table tbody tr').first()).toContainText('user.profile.update');
  expect(await updates.count()).toBe(before + 1);
  await expect(page.getByRole('button', { name: 'Account menu' })).toContainText('Adam Admin II');
});

test('a guest opens its own settings from the account menu: name and language are saved, the demo password stays', async ({ page }) => {
  await signIn(page, 'guest@demo.local');
  await expect(page.locator('aside nav[aria-label=main] a[href="/en/settings"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/en\/settings$/);
  const name = await page.locator('#name').inputValue();
  await page.locator('#name').fill(name);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Profile saved.')).toBeVisible();

  await page.locator('#currentPassword').fill('demo1234');
  await page.locator('#newPassword').fill('a guest passphrase');
  await page.locator('#confirmPassword').fill('a guest passphrase');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Demo accounts keep their published password.')).toBeVisible();
});
