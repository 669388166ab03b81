import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Bulk reboot end to end: a simulated farm of 30 mixed-firmware miners on loopback, a real collector
// process reporting them (the cloud creates them as discovered miners) and running commands, and the
// operator selecting them in the miner list by a filter — all 30 matching, not just the 25 on the
// page — confirming, and watching the batch's progress reach "done". A random block of 100 ports per
// run keeps re-runs on the same database apart; the quick search "127.0.0.1:<block>" (the first three
// digits of every port of the block) is the filter. The blocks stay below 32768, where Linux's
// ephemeral ports begin: a block there could meet a port an outgoing connection holds (the simulator
// then exits on EADDRINUSE, seen once in CI).
const COUNT = 30;
const BLOCK = 200 + Math.floor(Math.random() * 120);
const PORT = BLOCK * 100;
const FILTER = `127.0.0.1:${BLOCK}`;
const procs: ChildProcess[] = [];
let dir: string;

function start(args: string[], ready?: string): Promise<ChildProcess> {
  const child = spawn('npx', ['tsx', ...args], { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  procs.push(child);
  if (!ready) return Promise.resolve(child);
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes(ready) && resolve(child));
    child.once('exit', (code) => reject(new Error(`${args[0]} exited (${code})`)));
  });
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'hi-e2e-bulk-'));
  await start(['lib/edge/simulator/cli.ts', '--count', String(COUNT), '--base-port', String(PORT), '--seed', String(PORT), '--miners-out', path.join(dir, 'miners.json')], 'simulated farm listening');
});
test.afterAll(() => {
  for (const p of procs) if (p.pid && p.exitCode === null) process.kill(-p.pid, 'SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('an operator filters the miner list, selects all matching, reboots them through the collector and sees the batch done', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await signIn(page, 'owner@demo.local');
  await page.goto('/en/hosting/edge');
  await page.locator('#edge-site').selectOption({ label: 'Abilene Wind' });
  await page.locator('#edge-name').fill(`E2E bulk collector ${PORT}`);
  await page.getByRole('button', { name: 'Issue token' }).click();
  const token = (await page.getByTestId('new-device-token').locator('code').textContent())!.trim();

  // The simulator answers its web dialects on each miner's own port; factory logins are allowed here.
  const miners = (JSON.parse(readFileSync(path.join(dir, 'miners.json'), 'utf8')) as { host: string; port: number }[]).map((m) => ({ ...m, httpPort: m.port }));
  const config = path.join(dir, 'collector.json');
  writeFileSync(
    config,
    JSON.stringify({ cloudUrl: baseURL, token, pollIntervalS: 5, commandPollIntervalS: 2, minerTimeoutMs: 2000, bufferDir: path.join(dir, 'buf'), keysDir: path.join(dir, 'keys'), useVendorDefaultCredentials: true, miners }),
  );
  await start(['scripts/collector.ts', '--config', config]);
  await expect
    .poll(async () => ((await (await page.request.get(`/api/hosting/miners?q=${encodeURIComponent(FILTER)}&pageSize=25`)).json()) as { total: number }).total, { timeout: 60_000 })
    .toBe(COUNT);

  await page.goto(`/en/hosting/devices?q=${encodeURIComponent(FILTER)}&pageSize=25`);
  const table = page.getByRole('table', { name: 'Miners' });
  await expect(table.locator('tbody tr')).toHaveCount(25);
  // Keyboard: focus the page's checkbox and tick it with Space.
  await page.getByRole('checkbox', { name: 'Select every miner on this page' }).focus();
  await page.keyboard.press('Space');
  const bar = page.getByTestId('bulk-bar');
  await expect(bar).toContainText('25 miners selected');
  await bar.getByRole('button', { name: `Select all ${COUNT} matching this filter` }).click();
  await expect(bar).toContainText(`All ${COUNT} miners matching this filter are selected`);

  await bar.getByRole('button', { name: 'Reboot', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Reboot the selected miners' });
  const preview = dialog.getByTestId('bulk-preview');
  await expect(preview).toContainText(`${COUNT} miners selected`);
  await expect(preview).toContainText('Antminer (stock)');
  await expect(preview).toContainText('Whatsminer');
  await expect(preview).toContainText(`${COUNT} miners will act`);
  await dialog.getByRole('button', { name: `Reboot ${COUNT} miners` }).click();

  await expect(page).toHaveURL(/\/en\/hosting\/devices\/batches\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByTestId('batch-state')).toHaveText(`Done · ${COUNT} succeeded, 0 failed`, { timeout: 120_000 });
  await expect(page.getByTestId('count-succeeded')).toContainText(String(COUNT));
  await expect(page.getByRole('table', { name: 'Commands per miner' }).locator('tbody tr')).toHaveCount(COUNT);

  // The export is what the filter shows, all pages, with the live columns.
  const csv = await (await page.request.get(`/api/hosting/miners/export?format=csv&q=${encodeURIComponent(FILTER)}`)).text();
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toContain('Hashrate (TH/s)');
  expect(lines).toHaveLength(COUNT + 1);
});
