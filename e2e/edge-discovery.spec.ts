import { type ChildProcess, spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Discovery from the management UI against simulated miners on loopback: scan with progress, add
// what answered to the operator's site, and see a second add refused row by row. A random port per
// run keeps re-runs on the same database apart. The farm runs as the simulator CLI in its own
// process group (Playwright's loader cannot import the simulator's JSON fixtures).
const PORT = 30_000 + Math.floor(Math.random() * 20_000);
let farm: ChildProcess;

test.beforeAll(async () => {
  farm = spawn('npx', ['tsx', 'lib/edge/simulator/cli.ts', '--count', '3', '--host', '127.0.0.60', '--addressing', 'hosts', '--base-port', String(PORT), '--seed', String(PORT)], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    farm.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('simulated farm listening') && resolve());
    farm.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
  });
});
test.afterAll(() => {
  if (farm?.pid) process.kill(-farm.pid, 'SIGINT');
});

test('an operator scans a loopback range, adds the miners to a site, and a repeat add reports each conflict', async ({ page }) => {
  await signIn(page, 'operator@demo.local');
  await page.goto('/en/hosting/edge?tab=discovery');
  await page.locator('#scan-targets').fill('127.0.0.58-127.0.0.64');
  await page.locator('#scan-ports').fill(String(PORT));
  await page.getByRole('button', { name: 'Scan' }).click();
  await expect(page.getByText('7 of 7 probed · 3 found')).toBeVisible({ timeout: 30_000 });
  const rows = page.getByRole('table', { name: 'Scan results' }).locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText(`127.0.0.60:${PORT}`);
  await expect(rows.first()).toContainText(/Antminer|M\d/);

  await page.locator('#discovery-site').selectOption({ label: 'Abilene Wind' });
  await page.getByRole('button', { name: 'Add 3 selected to site' }).click();
  await expect(rows.getByText('Added', { exact: true })).toHaveCount(3);

  await page.getByRole('button', { name: 'Add 3 selected to site' }).click();
  // Antminer replies carry no MAC, so they clash on host:port; btminer's carries one.
  await expect(rows.getByText(/^(Already added as|Same MAC as) .* 127\.0\.0\.6\d:/)).toHaveCount(3);

  await page.locator('#scan-targets').fill('10.0.0.0/24');
  await page.getByRole('button', { name: 'Scan' }).click();
  await expect(page.getByText(/Scan refused: this installation scans only loopback/)).toBeVisible();
});
