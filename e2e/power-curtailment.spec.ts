import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

/*
 * Issue 15's "done when", against the demo farm and its simulated collector (which runs the demo
 * miners' sleep and wake commands): a site owner sets a time-of-use tariff on a site, sees the site's
 * cost on /power, curtails the site by a kW target, watches the reduction verified from telemetry and
 * the recovery checked miner by miner. The e2e server checks a reduction 90 s after the last command
 * and a recovery 90 s after the last wake (scripts/e2e.mjs), instead of 3 and 15 minutes.
 */

const SITE = 'Ekibastuz Thermal';
const ZONE = 'Asia/Almaty';

async function siteId(page: Page): Promise<string> {
  const res = await page.request.get('/api/hosting/power/rates');
  expect(res.ok()).toBe(true);
  const { sites } = (await res.json()) as { sites: { siteId: string; name: string }[] };
  return sites.find((s) => s.name === SITE)!.siteId;
}

test('a time-of-use tariff, a curtailment to a kW target verified from telemetry, and its recovery', async ({ page }) => {
  // A whole curtailment: the collector runs once a minute, the tick too, and the checks wait 90 s each.
  test.setTimeout(25 * 60_000);
  await signIn(page, 'siteowner@demo.local');
  const id = await siteId(page);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const put = await page.request.put('/api/hosting/power/rates', {
    data: {
      siteId: id,
      effectiveDate: today,
      kind: 'tou',
      ratesUsdPerKwh: { off_peak: 0.031, shoulder: 0.045, peak: 0.082 },
      seasons: [{ name: 'All year', from: '01-01', to: '12-31', periods: [{ window: 'peak', days: [0, 1, 2, 3, 4, 5, 6], from: '17:00', to: '21:00' }, { window: 'shoulder', days: [1, 2, 3, 4, 5], from: '07:00', to: '17:00' }] }],
    },
  });
  expect(put.status()).toBe(200);
  const rates = (await (await page.request.get(`/api/hosting/power/rates?siteId=${id}`)).json()) as { sites: { now: { window: string; rateMcPerKwh: number } | null }[] };
  expect(['peak', 'shoulder', 'off_peak']).toContain(rates.sites[0]!.now!.window);
  expect([3100, 4500, 8200]).toContain(rates.sites[0]!.now!.rateMcPerKwh);

  // The consumption center: the site's row with its energy and cost (a figure once the hourly job has aggregated an hour; '—' before, never $0).
  await page.goto('/en/power');
  const sitesTable = page.getByRole('table', { name: 'Sites' });
  const row = sitesTable.getByRole('row', { name: new RegExp(SITE) });
  await expect(row).toBeVisible();
  // By header, not position: the last column is the month's sources ('miner telemetry' once the hourly
  // job has run, which made this check depend on the time of day when it read the last cell).
  const headers = (await sitesTable.locator('thead th').allTextContents()).map((h) => h.trim());
  const costAt = headers.indexOf('Cost');
  expect(costAt).toBeGreaterThan(0);
  await expect(row.locator('td').nth(costAt)).toHaveText(/^(\$[\d,]+\.\d\d|—)$/);
  await expect(row.locator('td').nth(headers.indexOf('Source'))).toHaveText(/^(—|[A-Za-z].*)$/);
  // Today's cost beside today's kWh (a figure, or '—' before the day's first aggregated hour), and the
  // site's tariff in force in the Tariffs card with its form (a Radix dialog, closed with Escape).
  await expect(page.getByText("Today's cost")).toBeVisible();
  const tariffRow = page.getByRole('table', { name: 'Tariffs' }).getByRole('row', { name: new RegExp(SITE) });
  await expect(tariffRow).toContainText('Time of use');
  await tariffRow.getByRole('button', { name: 'New tariff version' }).click();
  await expect(page.getByRole('dialog', { name: new RegExp(SITE) })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.goto('/en/power/curtailment');
  await page.locator('#ct-site').selectOption({ label: SITE });
  await page.locator('#ct-strategy').selectOption('performance');
  await page.locator('#ct-kind').selectOption('reduction');
  await page.locator('#ct-kw').fill('60');
  await page.locator('#ct-per-minute').fill('1000');
  await page.getByRole('button', { name: 'Start curtailment' }).click();
  await expect(page.getByText(/Curtailing \d+ miners, \d+ kW planned/)).toBeVisible({ timeout: 180_000 });

  const event = page.getByTestId('curtailment-event').first();
  await expect(event).toContainText(SITE, { timeout: 180_000 });
  // Verified from telemetry: the collector slept the miners and reported them; the tick compares each with its draw before.
  const achieved = event.locator('td').nth(6);
  await expect(achieved).not.toHaveText('—', { timeout: 8 * 60_000 });
  const ratio = Number((await achieved.locator('span').innerText()).replace(/[^\d.]/g, ''));
  expect(ratio).toBeGreaterThanOrEqual(95);
  await expect(event).toContainText('Holding');

  // Stop: the next minute wakes the miners, the collector runs the wakes, and each is checked against its hashrate before.
  await event.getByRole('button', { name: 'Stop' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText('Recovery starts within a minute')).toBeVisible();
  await expect(event).toContainText('Completed', { timeout: 8 * 60_000 });
  await expect(event).toContainText(/\d+ back, 0 ticketed/);
  await expect(event.locator('td').nth(7)).not.toHaveText('—');
});

test('curtailment automation from the keyboard, in Chinese: a strike plan, a 4CP window and a translated field error', async ({ page }) => {
  // The demo server is busy after its start (it fills a day of five-minute history): allow for it.
  test.setTimeout(12 * 60_000);
  await signIn(page, 'siteowner@demo.local', 'zh');
  await page.goto('/zh/power/curtailment/plans');
  const dialog = page.getByRole('dialog');
  await expect(async () => {
    await page.getByRole('button', { name: '新建行权价计划' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 120_000 });
  await page.locator('#sp-site').selectOption({ label: SITE });
  await page.locator('#sp-name').fill('E2E 行权价');
  await page.locator('#sp-high').fill('90');
  await page.locator('#sp-low').fill('120');
  await page.locator('#sp-kw').fill('200');
  await page.locator('#sp-kw').press('Enter');
  await expect(dialog.getByText('低行权价必须低于高行权价。')).toBeVisible();
  await page.locator('#sp-low').fill('45');
  await page.locator('#sp-kw').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('strike-plan').filter({ hasText: 'E2E 行权价' })).toContainText(/\$90(\.00)?\/MWh/);

  await page.goto('/zh/power/curtailment/windows');
  await page.getByRole('button', { name: '添加时段' }).click();
  await page.locator('#w-site').selectOption({ index: 0 });
  await page.locator('#w-kind').selectOption('peak_warning');
  await page.locator('#w-date').fill('2099-08-01');
  await page.locator('#w-from').fill('16:00');
  await page.locator('#w-to').fill('17:30');
  await page.locator('#w-kw').fill('500');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('curtailment-window').filter({ hasText: '输电尖峰预警' }).first()).toContainText('待开始');
  await page.keyboard.press('Escape');
});
