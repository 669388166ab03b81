import { expect, type Page, test } from '@playwright/test';
import { lastMailTo, signIn } from './helpers';

// Issue 16's whole path on a production build: a lead converted into a customer of the Acme brand,
// a contract, an invoice issued and paid, the portal access e-mailed (scripts/e2e.mjs's mail sink),
// and the client — signing in on the brand's host — sees the invoice paid.
const base = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000');
const ACME = `${base.protocol}//acme.localhost${base.port ? `:${base.port}` : ''}`;

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP *.localhost 127.0.0.1'],
  },
});


async function dialogSubmit(page: Page, name: string | RegExp) {
  await page.getByRole('dialog').getByRole('button', { name }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0, { timeout: 30_000 });
}

test('lead → contract → invoice issued → payment recorded → the client sees it paid on the brand host', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const email = `e2e-${stamp}@client.example`;
  const leadName = `E2E Client ${stamp}`;

  await signIn(page, 'admin@demo.local');

  // A lead, converted into a customer (the form lands on its 360 page).
  await page.goto('/en/crm/leads');
  await page.getByRole('button', { name: 'New lead' }).click();
  await page.getByRole('dialog').getByLabel('Name', { exact: true }).fill(leadName);
  await page.getByRole('dialog').getByLabel('E-mail').fill(email);
  await dialogSubmit(page, 'Create lead');
  const row = page.locator('tr', { hasText: leadName });
  await row.getByRole('button', { name: 'Convert' }).click();
  await dialogSubmit(page, 'Convert');
  // The converted lead's name links to its customer (the form also navigates there; the list is what stays).
  await page.goto('/en/crm/leads');
  const customerLink = page.locator('tr', { hasText: leadName }).getByRole('link', { name: leadName });
  await expect(customerLink).toBeVisible({ timeout: 30_000 });
  const customerId = /customers\/([0-9a-f-]{36})/.exec((await customerLink.getAttribute('href')) ?? '')![1]!;

  // The customer joins the Acme brand.
  await page.goto('/en/hosting/brands');
  await page.getByRole('link', { name: /Acme/ }).first().click();
  await expect(page).toHaveURL(/\/en\/hosting\/brands\/[0-9a-f-]{36}/);
  await page.goto(`${page.url().split('?')[0]}?q=${encodeURIComponent(leadName)}`);
  await page.locator('li', { hasText: leadName }).getByRole('button', { name: 'Add' }).click();
  await expect(page.locator('li', { hasText: leadName }).getByRole('button', { name: 'Remove' })).toBeVisible({ timeout: 30_000 });

  // A contract, then a one-off invoice under it, issued.
  await page.goto(`/en/crm/customers/${customerId}/billing`);
  await page.getByRole('button', { name: 'New contract' }).click();
  const contract = page.getByRole('dialog');
  await contract.getByLabel('Rate (USD)').fill('0.065');
  await contract.getByRole('checkbox', { name: 'Abilene Wind' }).check();
  await dialogSubmit(page, 'Create contract');
  await page.getByRole('button', { name: 'New one-off invoice' }).click();
  const invoice = page.getByRole('dialog');
  await invoice.getByLabel('Contract (optional)').selectOption({ index: 1 });
  await invoice.getByLabel('Item').first().fill('Rack installation');
  await invoice.getByLabel('Quantity').first().fill('1');
  await invoice.getByLabel('Unit price (USD)').first().fill('250');
  await invoice.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/en\/crm\/invoices\/[0-9a-f-]{36}/, { timeout: 30_000 });
  const invoiceUrl = page.url();
  await page.getByRole('button', { name: 'Issue and send' }).click();
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/INV-\d{4}-\d{6}/, { timeout: 30_000 });
  const number = /INV-\d{4}-\d{6}/.exec((await heading.textContent()) ?? '')![0];

  // Paid in full by bank transfer.
  await page.goto(`/en/crm/customers/${customerId}/billing`);
  await page.getByRole('button', { name: 'Record a payment' }).click();
  await page.getByRole('dialog').getByLabel('Amount (USD)').fill('250');
  await dialogSubmit(page, 'Record payment');
  await page.goto(invoiceUrl);
  await expect(page.getByText('Paid', { exact: true }).first()).toBeVisible();

  // Portal access for the converted lead: the link arrives by e-mail, on the brand's host.
  await page.goto('/en/crm/leads');
  await page.locator('tr', { hasText: leadName }).getByRole('button', { name: `Portal access for ${leadName}` }).click();
  await dialogSubmit(page, 'Give portal access');
  let link: string | undefined;
  await expect(async () => {
    link = /https?:\/\/\S+\/en\/activate\?token=[\w-]+/.exec(lastMailTo(email) ?? '')?.[0];
    expect(link).toBeTruthy();
  }).toPass({ timeout: 30_000 });
  expect(link!.startsWith(`${ACME}/en/activate`)).toBe(true);

  // The client, in a browser of its own: chooses a password, signs in on the brand host, sees the invoice paid.
  const ctx = await browser.newContext();
  const client = await ctx.newPage();
  await client.goto(link!);
  await client.getByLabel('New password').fill('e2e correct horse');
  await client.getByLabel('Repeat the password').fill('e2e correct horse');
  await client.getByRole('button', { name: 'Set password' }).click();
  await expect(client.getByTestId('activate-done')).toBeVisible({ timeout: 30_000 });
  await client.goto(`${ACME}/en/login`);
  await client.locator('#email').fill(email);
  await client.locator('#password').fill('e2e correct horse');
  await client.locator('form button[type=submit]').click();
  await expect(client).toHaveURL(/acme\.localhost:\d+\/en\/portal/, { timeout: 60_000 });
  const item = client.locator('li', { hasText: number });
  await expect(item).toBeVisible();
  await expect(item.getByText('Paid', { exact: true })).toBeVisible();
  await client.goto(`${ACME}${new URL(invoiceUrl).pathname}`);
  await expect(client.getByRole('heading', { level: 1 })).toHaveText(new RegExp(number));
  await ctx.close();
});
