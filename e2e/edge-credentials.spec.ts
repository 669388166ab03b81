import { expect, test } from '@playwright/test';
import { exportPublicKey, generateCollectorKeyPair, openMinerCredential, type SealedMinerCredential } from '@/lib/edge/crypto';
import { signIn } from './helpers';

// The whole path of an encrypted miner credential: a collector token issued in the UI, the
// collector's key published over the edge API, the password sealed in the browser, and what the
// cloud hands back to the collector opening only with the collector's secret key.
test('a miner password is sealed in the browser, stored as ciphertext and opens only at the collector', async ({ page }) => {
  const PASSWORD = `E2e-${Date.now()}-secret`;
  await signIn(page, 'owner@demo.local');
  await page.goto('/en/hosting/edge');
  await page.locator('#edge-site').selectOption({ label: 'Abilene Wind' });
  await page.locator('#edge-name').fill('E2E credentials collector');
  await page.getByRole('button', { name: 'Issue token' }).click();
  const token = (await page.getByTestId('new-device-token').locator('code').textContent())!.trim();
  expect(token).toMatch(/^hie_/);

  const keys = generateCollectorKeyPair(1);
  const published = await page.request.post('/api/edge/v1/keys', { headers: { authorization: `Bearer ${token}` }, data: exportPublicKey(keys) });
  expect(published.status()).toBe(200);
  const { tenantId, siteId } = (await published.json()) as { tenantId: string; siteId: string };

  const list = await page.request.get(`/api/hosting/miners?siteId=${siteId}&pageSize=25`);
  expect(list.status()).toBe(200);
  const minerId = ((await list.json()) as { rows: { id: string }[] }).rows[0]!.id;

  const bodies: string[] = [];
  page.on('request', (r) => void (r.method() === 'POST' && bodies.push(r.postData() ?? '')));
  await page.goto(`/en/hosting/devices/${minerId}`);
  await page.getByRole('link', { name: 'Set login (encrypted)' }).click();
  await expect(page.getByTestId('collector-key')).toContainText('v1');
  await page.locator('#cred-password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Seal and save' }).click();
  await expect(page.getByText(/Sealed and saved/)).toBeVisible();
  expect(bodies.length).toBeGreaterThan(0);
  for (const b of bodies) expect(b).not.toContain(PASSWORD);

  const fetched = await page.request.get('/api/edge/v1/credentials', { headers: { authorization: `Bearer ${token}` } });
  const [entry] = ((await fetched.json()) as { credentials: { minerId: string; sealed: SealedMinerCredential }[] }).credentials.filter((c) => c.minerId === minerId);
  expect(JSON.stringify(entry)).not.toContain(PASSWORD);
  const opened = openMinerCredential(entry!.sealed, keys, { tenantId, siteId, minerId, schemaVersion: 1 }, 0);
  expect(new TextDecoder().decode(opened.secret)).toBe(`root:${PASSWORD}`);
});
