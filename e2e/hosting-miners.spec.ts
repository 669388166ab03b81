import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// The shared dev server keeps its data between runs: every row written here gets a unique suffix.
const run = Date.now().toString(36);
const octet = () => 1 + Math.floor(Math.random() * 250);

test('an operator searches, filters by IP range and status, sorts, and opens a miner', async ({ page }) => {
  await signIn(page, 'operator@demo.local');
  await page.goto('/en/hosting/devices');
  const table = page.getByRole('table', { name: 'Miners' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('link', { name: /^All [\d,]+$/ })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search' }).fill('c000.tx');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/q=c000\.tx/);
  // Columns by their header, not their position: the list gains columns (selection, uptime).
  const col = async (name: RegExp) => 1 + (await table.locator('thead th').allTextContents()).findIndex((h) => name.test(h.trim()));
  const workers = await table.locator(`tbody tr td:nth-child(${await col(/^pool worker/i)})`).allTextContents();
  expect(workers.length).toBeGreaterThan(0);
  expect(workers.every((w) => w.startsWith('c000.tx'))).toBe(true);

  await page.goto('/en/hosting/devices?ip=10.20.1.1-10.20.1.20&sort=ip&dir=desc');
  const ips = await table.locator(`tbody tr td:nth-child(${await col(/^ip/i)})`).allTextContents();
  expect(ips[0]).toBe('10.20.1.20');
  expect(ips.length).toBeLessThanOrEqual(20);

  await page.goto('/en/hosting/devices?ip=10.20.1.999');
  await expect(page.getByRole('alert').filter({ hasText: 'CIDR' })).toBeVisible();

  await page.goto('/en/hosting/devices');
  await page.getByRole('link', { name: /^Offline [\d,]+$/ }).click();
  await expect(page).toHaveURL(/state=offline/);
  await expect(table.locator('tbody tr').first()).toContainText('Offline');
  await table.locator('tbody tr a').first().click();
  await expect(page).toHaveURL(/\/en\/hosting\/devices\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('button', { name: 'Change status' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test('the miner list is a card list that filters', async ({ page }) => {
    await signIn(page, 'operator@demo.local');
    await page.goto('/en/hosting/devices?status=maintenance');
    await expect(page.getByRole('table', { name: 'Miners' })).toBeHidden();
    const cards = page.getByRole('list', { name: 'Miners' }).getByRole('listitem');
    await expect(cards.first()).toContainText('Maintenance');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});

test('a spreadsheet with an invalid row shows the row error and imports only the valid rows when asked', async ({ page }) => {
  await signIn(page, 'operator@demo.local');
  await page.goto('/en/hosting/devices/import');
  const csv = [
    'name,site,model,serial,ip',
    `E2E-${run}-1,Abilene Wind,Antminer S21,E2E${run}A,10.99.${octet()}.${octet()}`,
    `E2E-${run}-2,Abilene Wind,Antminer S21,E2E${run}B,10.98.${octet()}.${octet()}`,
    `E2E-${run}-3,Abilene Wind,Antminer S21,E2E${run}C,10.99.1.999`,
  ].join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'miners.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(page.getByTestId('import-summary')).toHaveText('3 rows: 2 valid, 1 with errors.', { timeout: 30_000 });
  const errors = page.getByRole('table', { name: 'Row errors' });
  await expect(errors.locator('tbody tr')).toHaveCount(1);
  await expect(errors.locator('tbody tr')).toContainText('3');
  await expect(errors.locator('tbody tr')).toContainText('ip');
  await page.getByRole('button', { name: 'Import only the 2 valid rows (skip 1)' }).click();
  await expect(page.getByTestId('import-outcome')).toContainText('2 miners imported, 1 rows skipped.');
  await page.goto(`/en/hosting/devices?q=E2E-${run}`);
  await expect(page.getByRole('table', { name: 'Miners' }).locator('tbody tr')).toHaveCount(2);
});

test('the batch API writes nothing when a row is invalid, and a duplicate serial is a 409 naming the field', async ({ page }) => {
  await signIn(page, 'operator@demo.local');
  const good = { name: `API-${run}-1`, site: 'Abilene Wind', model: 'Antminer S21', serial: `API${run}` };
  const bad = await page.request.post('/api/hosting/miners/batch', { data: { rows: [good, { name: `API-${run}-2`, site: "Ya'an Hydro", model: 'Antminer S21' }] } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.rows).toEqual([{ row: 2, field: 'site', code: 'invalid' }]);
  const list = await page.request.get(`/api/hosting/miners?q=API-${run}`);
  expect((await list.json()).total).toBe(0);

  expect((await page.request.post('/api/hosting/miners/batch', { data: { rows: [good] } })).status()).toBe(201);
  const dup = await page.request.post('/api/hosting/miners/batch', { data: { rows: [{ ...good, name: `API-${run}-3` }] } });
  expect(dup.status()).toBe(409);
  expect((await dup.json()).error.rows).toEqual([{ row: 1, field: 'serial', code: 'taken' }]);

  const models = await page.request.get('/api/hosting/miner-models');
  expect((await models.json()).models.some((m: { name: string }) => m.name === 'Antminer S21')).toBe(true);
  const filtered = await (await page.request.get('/api/hosting/miners?status=offline&sort=ip&dir=desc&include_metrics=true&pageSize=25')).json();
  expect(filtered.rows.length).toBeGreaterThan(0);
  expect(filtered.rows.every((m: { status: string; metrics: { hashrateSource: string } | null }) => m.status === 'offline' && ['telemetry', 'pool', 'nameplate'].includes(m.metrics!.hashrateSource))).toBe(true);
  expect(filtered.telemetry).toEqual({ available: filtered.rows.some((m: { measured: { stateSource: string } }) => m.measured.stateSource === 'telemetry') });
  expect((await page.request.get('/api/hosting/miners?ip=nonsense')).status()).toBe(400);
});
