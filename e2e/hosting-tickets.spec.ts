import { type Browser, expect as baseExpect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

// The shared dev server keeps its data between runs: every ticket written here gets a unique title.
const run = Date.now().toString(36);
// Each step is a server action followed by a server re-render: give a loaded dev server room.
const expect = baseExpect.configure({ timeout: 30_000 });

async function openTicketFromDialog(page: Page, title: string, priority: string) {
  await page.getByRole('button', { name: /Open a ticket|New ticket/ }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByLabel('Description').fill('Written by the tickets e2e spec.');
  await dialog.getByLabel('Priority').selectOption(priority);
  await dialog.getByRole('button', { name: 'Open ticket' }).click();
  await expect(page).toHaveURL(/\/en\/hosting\/tickets\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
}

async function newPage(browser: Browser, email: string) {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test('an operator opens a ticket on a miner, comments, works and resolves it', async ({ page }) => {
  test.slow(); // several round trips, each a server action and a re-render
  await signIn(page, 'operator@demo.local');
  await page.goto('/en/hosting/devices?q=TX-R02');
  await page.getByRole('table', { name: 'Miners' }).locator('tbody tr a').first().click();
  await expect(page).toHaveURL(/\/en\/hosting\/devices\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const minerName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();

  const title = `E2E ${run} fan rattle`;
  await openTicketFromDialog(page, title, 'high');
  await expect(page.getByRole('link', { name: minerName })).toBeVisible();

  await page.getByLabel('Add a comment').fill('Fan replaced, watching temperatures.');
  await page.getByRole('button', { name: 'Post comment' }).click();
  await expect(page.locator('ol li').filter({ hasText: 'Fan replaced, watching temperatures.' })).toBeVisible();

  await page.getByRole('button', { name: 'Start work' }).click();
  await expect(page.getByText('In progress', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Mark resolved' }).click();
  await expect(page.getByRole('button', { name: 'Reopen', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Close', exact: true })).toBeVisible();

  await page.goto('/en/hosting/tickets?status=resolved');
  await expect(page.getByRole('table', { name: 'Tickets' })).toContainText(title);
});

test('a client opens a ticket on its own miner and cannot see a ticket outside its customer', async ({ page, browser }) => {
  test.slow(); // two users, two tickets
  // Staff ticket on a whole site: no customer, so no client may see it.
  const operator = await newPage(browser, 'operator@demo.local');
  await operator.goto('/en/hosting/tickets');
  await operator.getByRole('button', { name: 'New ticket' }).click();
  const dialog = operator.getByRole('dialog');
  await dialog.getByLabel('Site').check();
  await dialog.getByRole('combobox', { name: 'Site' }).selectOption({ label: 'Abilene Wind' });
  const staffTitle = `E2E ${run} site PDU inspection`;
  await dialog.getByLabel('Title').fill(staffTitle);
  await dialog.getByRole('button', { name: 'Open ticket' }).click();
  await expect(operator).toHaveURL(/\/en\/hosting\/tickets\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const staffTicketPath = new URL(operator.url()).pathname;
  await operator.context().close();

  await signIn(page, 'client@demo.local');
  await page.goto('/en/hosting/devices');
  await page.getByRole('table', { name: 'Miners' }).locator('tbody tr a').first().click();
  await expect(page).toHaveURL(/\/en\/hosting\/devices\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  const title = `E2E ${run} my miner is slow`;
  await page.getByRole('button', { name: 'Open a ticket' }).click();
  await expect(page.getByRole('dialog').getByLabel('Assignee')).toHaveCount(0);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await openTicketFromDialog(page, title, 'normal');
  await expect(page.getByLabel('Internal note (staff only)')).toHaveCount(0);

  await page.goto('/en/hosting/tickets');
  const list = page.getByRole('table', { name: 'Tickets' });
  await expect(list).toContainText(title);
  await expect(list).not.toContainText(staffTitle);
  const response = await page.goto(staffTicketPath);
  expect(response?.status()).toBe(404);
});
