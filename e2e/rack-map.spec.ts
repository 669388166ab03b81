import { expect, type Page, test } from '@playwright/test';
import { signIn } from './helpers';

// Right after start the server fills 23 h of demo history in the background (over two minutes on a
// loaded machine) and the embedded database answers one statement at a time: a first page can wait.
test.describe.configure({ timeout: 300_000 });

/** Opens a site's map from the site list. */
async function openMap(page: Page, site: string) {
  await page.goto('/en/hosting/sites');
  const href = await page.getByRole('link', { name: `Rack map of ${site}` }).getAttribute('href');
  await page.goto(href!, { timeout: 240_000 });
  await expect(page.getByRole('heading', { name: `Rack map — ${site}` })).toBeVisible({ timeout: 60_000 });
}

test('the rack map draws the demo farm, recolours by metric, moves by keyboard and opens a miner', async ({ page }) => {
  await signIn(page, 'owner@demo.local');
  await openMap(page, "Ya'an Hydro");
  const positions = page.locator('rect[data-i]');
  await expect(positions).toHaveCount(2800);
  // Other specs may add a miner to this site (audit.spec.ts does); a name outside the pattern is unplaced.
  await expect(page.getByText(/^2,800 of [\d,]+ miners placed$/)).toBeVisible();

  const legend = page.getByTestId('rack-map-legend');
  await expect(legend).toContainText('Online (');
  await page.getByRole('radio', { name: 'Efficiency (J/TH)' }).click();
  await expect(legend).toContainText('Below 20 J/TH (');

  const first = positions.first();
  await first.focus();
  const label = await first.getAttribute('aria-label');
  expect(label).toMatch(/^SC-R01-K01-01, Row 1 · rack 1, position 1: /);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('rect[data-i]:focus')).toHaveAttribute('aria-label', /^SC-R01-K01-02,/);
  await page.keyboard.press('PageDown');
  await expect(page.locator('rect[data-i]:focus')).toHaveAttribute('aria-label', /^SC-R01-K02-01,/);
  await expect(page.getByTestId('rack-map-readout')).toContainText('SC-R01-K02-01 · ');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/en\/hosting\/devices\/[0-9a-f-]{36}$/, { timeout: 120_000 });
});

test('a site with an imported layout shows its rooms and offers removing it', async ({ page }) => {
  await signIn(page, 'owner@demo.local');
  await openMap(page, 'Ekibastuz Thermal');
  await expect(page.getByText('Layout imported from CSV: 1,200 positions.', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Room HALL-A' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Room HALL-B' })).toBeVisible();
  await page.getByText('Import layout from CSV').click();
  await page.getByTestId('layout-csv').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('room,row,rack,position,miner\nA,1,1,1,no-such-miner\n') });
  await expect(page.getByRole('alert').filter({ hasText: 'The layout was not imported' })).toContainText('(1 problem)', { timeout: 60_000 });
  await expect(page.getByText('Line 2: no miner of this site has the serial, MAC, IP address or name “no-such-miner”.')).toBeVisible();
  await expect(page.locator('rect[data-i]')).toHaveCount(1200);
});
