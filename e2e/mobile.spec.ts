import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('on a phone the navigation is a drawer that opens and closes from the keyboard', async ({ page }) => {
  await signIn(page, 'operator@demo.local');
  await expect(page.locator('aside')).toBeHidden();
  const open = page.getByRole('button', { name: 'Open menu' });
  await open.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('link', { name: 'Miners' })).toBeVisible();
  await expect(drawer.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
  await open.click();
  await drawer.getByRole('link', { name: 'Miners' }).click();
  await expect(page).toHaveURL(/\/en\/hosting\/devices/);
  await expect(page.getByRole('heading', { name: 'Miners' })).toBeVisible();
});
