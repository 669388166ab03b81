import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// A collector reports the uploads the cloud refused (its dead letters) with each upload; the
// collectors tab shows them in both locales. The upload also carries an out-of-range reading,
// which the cloud reports per record while storing the rest.
test('the collectors tab shows a collector’s dead letters, in English and Chinese', async ({ page }) => {
  const name = `E2E dead letters ${Date.now()}`;
  await signIn(page, 'owner@demo.local');
  await page.goto('/en/hosting/edge');
  await page.locator('#edge-site').selectOption({ label: 'Abilene Wind' });
  await page.locator('#edge-name').fill(name);
  await page.getByRole('button', { name: 'Issue token' }).click();
  const token = (await page.getByTestId('new-device-token').locator('code').textContent())!.trim();

  const at = new Date().toISOString();
  const record = (port: number, over: Record<string, unknown> = {}) => ({ ip: '127.0.0.1', port, online: true, mac_address: null, hashrate_avg_ths: 100, ...over });
  const upload = await page.request.post('/api/edge/v1/telemetry/ingest', {
    headers: { authorization: `Bearer ${token}`, 'x-edge-buffer-depth': '0', 'x-edge-dead-letters': '2', 'x-edge-dead-letter-bytes': '2500000' },
    data: { format: 'telemetry_envelope.v1', collected_at: at, edge_version: '1.0.0', miners: [record(47001), record(47002, { uptime_s: 4294967295 })] },
  });
  expect(upload.status()).toBe(200);
  const body = (await upload.json()) as { processed: number; errors: { index: number; reason: string }[] };
  expect(body.processed).toBe(1);
  expect(body.errors).toEqual([{ index: 1, reason: expect.stringContaining('uptime_s') }]);

  for (const [locale, header, hint] of [
    ['en', 'Dead letters', 'Uploads the cloud refused (4xx) are not retried'],
    ['zh', '死信', '云端拒收（4xx）的上传不再重试'],
  ] as const) {
    await page.goto(`/${locale}/hosting/edge`);
    const table = page.locator('table');
    await expect(table.getByRole('columnheader', { name: header })).toBeVisible();
    const row = table.locator('tbody tr', { hasText: name });
    const column = await table.locator('thead th').allTextContents();
    const cell = row.locator('td').nth(column.findIndex((c) => c.trim().toLowerCase() === header.toLowerCase()));
    await expect(cell).toContainText('2');
    await expect(cell).toContainText('2.5');
    await expect(page.getByText(hint)).toBeVisible();
  }
});
