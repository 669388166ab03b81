import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// The bulk selection on a phone, in both languages: checkboxes beside the cards (a tap never opens the
// miner), a labelled "select the page" box, the bar pinned in view, and the confirmation counting the
// whole filter on the server. Nothing is confirmed: the demo farm stays as other specs expect it.
test('on a phone an operator selects miners, takes all matching the filter, and sees the count confirmed (zh, en)', async ({ page }) => {
  // The embedded database answers one statement at a time: behind the demo seed's background history
  // fill, a count can wait tens of seconds.
  test.setTimeout(240_000);
  await signIn(page, 'operator@demo.local', 'zh');
  await page.goto('/zh/hosting/devices?pageSize=25');
  await page.getByRole('checkbox', { name: '选择本页全部矿机' }).check();
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toContainText('已选 25 台矿机');
  await expect(bar).toBeInViewport();
  const all = bar.getByRole('button', { name: /^选择符合此筛选条件的全部 \d+ 台$/ });
  const total = Number((await all.textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThan(25);
  await all.click();
  await expect(bar).toContainText(`已选中符合此筛选条件的全部 ${total} 台矿机`);
  await bar.getByRole('button', { name: '设置状态…' }).click();
  const dialog = page.getByRole('dialog', { name: '设置管理状态' });
  await expect(dialog.getByTestId('bulk-preview')).toContainText(`已选 ${total.toLocaleString('en')} 台矿机`, { timeout: 90_000 });
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  await page.goto('/en/hosting/devices?pageSize=25');
  const boxes = page.getByRole('checkbox', { name: /^Select (?!every)/ });
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await expect(page).toHaveURL(/\/en\/hosting\/devices\?pageSize=25$/);
  await expect(page.getByTestId('bulk-bar')).toContainText('2 miners selected');
  await page.getByTestId('bulk-bar').getByRole('button', { name: 'Reboot', exact: true }).click();
  const reboot = page.getByRole('dialog', { name: 'Reboot the selected miners' });
  await expect(reboot.getByTestId('bulk-preview')).toContainText('2 miners selected', { timeout: 90_000 });
  await expect(reboot.getByTestId('bulk-confirm')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(reboot).toBeHidden();
});
