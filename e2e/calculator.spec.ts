import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from './helpers';

// helpers.signIn, with more patience: on the shared dev server several areas' specs run at once and
// a sign-in can take longer than its 30 s.
async function signIn(page: Page, email: string, locale: string) {
  await page.goto(`/${locale}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard`), { timeout: 120_000 });
}

test.describe.configure({ timeout: 240_000 });

test('both algorithms follow the typing; a bad value gets a translated field error (en)', async ({ page }) => {
  await signIn(page, 'operator@demo.local', 'en');
  await page.goto('/en/calculator');
  await expect(page.getByTestId('network-source')).toContainText('As of');
  const byDifficulty = page.getByTestId('algo-difficulty');
  const byShare = page.getByTestId('algo-network');
  await expect(byDifficulty).toContainText('BTC');
  const before = [await byDifficulty.textContent(), await byShare.textContent()];

  await page.locator('#hashrateThs').fill('400');
  await expect(byDifficulty).not.toHaveText(before[0]!);
  await expect(byShare).not.toHaveText(before[1]!);
  // Doubling the hashrate doubles both estimates.
  const num = (s: string | null) => Number((s ?? '').replace(/[^0-9.]/g, ''));
  const after = [num(await byDifficulty.textContent()), num(await byShare.textContent())];
  expect(after[0]).toBeCloseTo(2 * num(before[0]!), 7);
  expect(after[1]).toBeCloseTo(2 * num(before[1]!), 7);

  // Setting the network hashrate far from the one implied by difficulty raises the disagreement warning.
  await page.locator('#networkHashrateEhs').fill('100');
  await expect(page.getByTestId('algo-warning')).toBeVisible();

  await page.locator('#electricityUsdPerKwh').fill('-0.2');
  await expect(page.locator('#electricityUsdPerKwh-error')).toHaveText('This value is out of range.');
  await expect(page.getByTestId('calculator-results')).toHaveCount(0);
  await page.locator('#electricityUsdPerKwh').fill('0.06');
  await expect(page.getByTestId('calculator-results')).toBeVisible();
});

test('field errors and results in Chinese', async ({ page }) => {
  await signIn(page, 'client@demo.local', 'zh');
  await page.goto('/zh/calculator');
  await expect(page.getByRole('heading', { name: '挖矿计算器' })).toBeVisible();
  await page.locator('#quantity').fill('abc');
  await expect(page.locator('#quantity-error')).toHaveText('请输入数字。');
  await page.locator('#quantity').fill('3');
  await expect(page.getByTestId('dual-algorithm')).toContainText('难度算法');
});

const CSV = 'model,quantity,electricity_price\nAntminer S21,10,0.05\nAntminer S19,-2,0.05\nWhatsminer M60S,4,0.06\n';

for (const [locale, rowError, resultsLabel] of [
  ['en', 'Row 3 — quantity: This value is out of range.', 'Net / day'],
  ['zh', '第 3 行 — 数量：该值超出范围。', '日净利'],
] as const) {
  test(`batch upload lists the invalid row and prices the rest (${locale})`, async ({ page }) => {
    await signIn(page, 'owner@demo.local', locale);
    await page.goto(`/${locale}/calculator/batch`);
    await page.getByTestId('batch-file').setInputFiles({ name: 'fleet.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await expect(page.getByTestId('row-errors')).toContainText(rowError);
    const results = page.getByTestId('batch-results');
    await expect(results).toContainText(resultsLabel);
    await expect(results).toContainText('Antminer S21');
    await expect(results.locator('tbody tr')).toHaveCount(2);
    await expect(results).not.toContainText('Antminer S19 ');
  });
}

test('an .xlsx upload is read in the browser (a formula cell by its stored result) and both exports download without formulas', async ({ page }) => {
  await signIn(page, 'owner@demo.local', 'en');
  await page.goto('/en/calculator/batch');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Fleet');
  sheet.addRows([['model', 'quantity', 'electricity_price'], ['Antminer S21', 10, 0.05], ['Antminer S19', -2, 0.05], ['Whatsminer M60S', { formula: '2*2', result: 4 }, 0.06]]);
  const xlsx = Buffer.from(await book.xlsx.writeBuffer());
  await page.getByTestId('batch-file').setInputFiles({ name: 'fleet.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  await expect(page.getByTestId('row-errors')).toContainText('Row 3 — quantity: This value is out of range.');
  const results = page.getByTestId('batch-results');
  await expect(results.locator('tbody tr')).toHaveCount(2);
  await expect(results).toContainText('Whatsminer M60S');

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export XLSX' }).click()]);
  expect(xlsxDownload.suggestedFilename()).toBe('batch-results.xlsx');
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(new Uint8Array(await readFile((await xlsxDownload.path())!)).buffer);
  const cells: ExcelJS.Cell[] = [];
  back.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(c)));
  expect(cells.map((c) => c.value)).toContain('Antminer S21');
  expect(cells.filter((c) => c.formula)).toEqual([]);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('batch-results.csv');
  expect((await readFile((await csvDownload.path())!, 'utf8')).split('\n')[0]).toContain('net_profit_usd_day');
});

test('a file with the wrong columns names the expected ones', async ({ page }) => {
  await signIn(page, 'owner@demo.local', 'en');
  await page.goto('/en/calculator/batch');
  await page.getByTestId('batch-file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('name,count\nS21,1\n') });
  await expect(page.getByTestId('columns-error')).toContainText('Expected: model, quantity, electricity_price');
});

test('an API token works once created and stops when revoked', async ({ page }) => {
  await signIn(page, 'admin@demo.local', 'en');
  await page.goto('/en/settings/api-tokens');
  await page.locator('#token-name').fill(`e2e ${Date.now()}`);
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = (await page.getByTestId('new-token').locator('code').textContent())!.trim();
  expect(token).toMatch(/^hi_/);
  const call = () => page.request.post('/api/calculator', { headers: { authorization: `Bearer ${token}` }, data: { model: 'Antminer S21', quantity: 2, electricityUsdPerKwh: 0.05 } });
  const ok = await call();
  expect(ok.status()).toBe(200);
  expect((await ok.json()).result.totalHashrateThs).toBe(400);

  const row = page.getByRole('row', { name: new RegExp(token.slice(0, 9)) });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
  await expect(row).toContainText('Revoked', { timeout: 60_000 });
  expect((await call()).status()).toBe(401);
});
