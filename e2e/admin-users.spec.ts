import { expect, test } from '@playwright/test';
import { lastMailTo, signIn } from './helpers';

// The invitation's one-time link: e-mailed (scripts/e2e.mjs runs a loopback mail sink), or handed to
// the administrator in the dialog when no mail server is configured; the invitee opens it in a
// browser of its own.
test('an admin invites an operator, who sets a password and signs in with that role; disabling them ends their session', async ({ page, browser }) => {
  const email = `invitee-${Date.now().toString(36)}@example.test`;
  await signIn(page, 'admin@demo.local');
  await page.goto('/en/admin/users');
  await page.getByRole('button', { name: 'Invite user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#invite-email').fill(email);
  await dialog.locator('#invite-name').fill('Ivy Invitee');
  await dialog.locator('#invite-role').selectOption('OPERATOR');
  await dialog.locator('input[name=siteIds]').first().check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  let link = '';
  await expect
    .poll(async () => {
      const shown = dialog.getByTestId('invite-link');
      if (await shown.count()) link = (await shown.locator('code').textContent())!.trim();
      else link = /https?:\/\/\S+\/en\/invite\?token=[\w-]{43}/.exec(lastMailTo(email) ?? '')?.[0] ?? '';
      return link;
    }, { timeout: 30_000 })
    .not.toBe('');
  expect(link).toMatch(/\/en\/invite\?token=[\w-]{43}$/);

  const invitee = await browser.newContext();
  const ivy = await invitee.newPage();
  await ivy.goto(new URL(link).pathname + new URL(link).search);
  await expect(ivy.getByText(email)).toBeVisible();
  await ivy.locator('#password').fill('ivy’s own passphrase');
  await ivy.locator('#confirmPassword').fill('ivy’s own passphrase');
  await ivy.getByRole('button', { name: 'Create account' }).click();
  await expect(ivy.getByTestId('password-set')).toBeVisible();
  // The link works once.
  await ivy.goto(new URL(link).pathname + new URL(link).search);
  await expect(ivy.getByRole('heading', { name: 'Link not valid' })).toBeVisible();

  await ivy.goto('/en/login');
  await ivy.locator('#email').fill(email);
  await ivy.locator('#password').fill('ivy’s own passphrase');
  await ivy.locator('form button[type=submit]').click();
  await expect(ivy).toHaveURL(/\/en\/dashboard/, { timeout: 60_000 });
  await ivy.goto('/en/settings');
  await expect(ivy.getByText(`Role: Operator`)).toBeVisible();

  await page.goto('/en/admin/users');
  await page.getByRole('button', { name: `Disable ${email}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
  await expect(page.getByText('User disabled.')).toBeVisible();

  // The invitee's next navigation lands on the sign-in page: the session ended on the server.
  await ivy.goto('/en/dashboard');
  await expect(ivy).toHaveURL(/\/en\/login/);
  await invitee.close();
});
