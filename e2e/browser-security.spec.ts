import { expect, type Page, test } from '@playwright/test';
import { exportPublicKey, generateCollectorKeyPair } from '@/lib/edge/crypto';
import { DEMO_PASSWORD, signIn } from './helpers';

// The pages that lean hardest on the browser run under the nonce-based policy without a single
// violation: hydration (Next's inline scripts), Recharts (inline style attributes), next-intl, Radix
// and sonner (runtime <style>), and the in-browser sealing of a miner credential.

const base = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000');
const ACME = `${base.protocol}//acme.localhost${base.port ? `:${base.port}` : ''}`;

// Brand hosts are <sub>.localhost on the server's port, pinned to 127.0.0.1 (see white-label.spec.ts).
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP *.localhost 127.0.0.1'],
  },
});
test.describe.configure({ timeout: 180_000 });

/** Every console error and uncaught exception the page reports from now on. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
  page.on('pageerror', (e) => void problems.push(e.message));
  return problems;
}
const cspViolations = (problems: string[]) => problems.filter((p) => /Content Security Policy/i.test(p));

function expectPagePolicy(headers: Record<string, string>) {
  const csp = headers['content-security-policy'] ?? '';
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]+=*' 'strict-dynamic'(;|$)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-robots-tag']).toBe('noindex, nofollow');
  // scripts/e2e.mjs serves a production build.
  expect(headers['strict-transport-security']).toBe('max-age=63072000');
}

test('the dashboard, Recharts pages and the calculator work under the policy with no violation', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'owner@demo.local');

  const dashboard = await page.goto('/en/dashboard');
  expectPagePolicy(dashboard!.headers());
  await expect(page.locator('.recharts-surface').first()).toBeVisible();

  await page.goto('/en/analytics');
  await expect(page.locator('.recharts-line').first()).toBeVisible();

  await page.goto('/en/calculator/roi');
  await expect(page.locator('.recharts-surface').first()).toBeVisible();

  // The results follow the typing only if the page's scripts run.
  await page.goto('/en/calculator');
  const byDifficulty = page.getByTestId('algo-difficulty');
  await expect(byDifficulty).toContainText('BTC');
  const before = await byDifficulty.textContent();
  await page.locator('#hashrateThs').fill('400');
  await expect(byDifficulty).not.toHaveText(before!);

  // Radix (the account menu) and a client-side navigation.
  await page.getByRole('button', { name: 'Account menu' }).click();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await expect(page).toHaveURL(/\/en\/settings$/);
  await expect(page.locator('#name')).toBeVisible();

  expect(cspViolations(problems)).toEqual([]);
});

test('a miner credential is sealed in the browser under the policy', async ({ page }) => {
  const problems = watchConsole(page);
  await signIn(page, 'owner@demo.local');
  await page.goto('/en/hosting/edge');
  await page.locator('#edge-site').selectOption({ label: 'Ekibastuz Thermal' });
  await page.locator('#edge-name').fill('E2E policy collector');
  await page.getByRole('button', { name: 'Issue token' }).click();
  const token = (await page.getByTestId('new-device-token').locator('code').textContent())!.trim();
  const published = await page.request.post('/api/edge/v1/keys', { headers: { authorization: `Bearer ${token}` }, data: exportPublicKey(generateCollectorKeyPair(1)) });
  expect(published.status()).toBe(200);
  const { siteId } = (await published.json()) as { siteId: string };
  const minerId = ((await (await page.request.get(`/api/hosting/miners?siteId=${siteId}&pageSize=25`)).json()) as { rows: { id: string }[] }).rows[0]!.id;

  const res = await page.goto(`/en/hosting/devices/${minerId}/credentials`);
  expectPagePolicy(res!.headers());
  await expect(page.getByTestId('collector-key')).toContainText('v1');
  await page.locator('#cred-password').fill(`policy-${Date.now()}`);
  await page.getByRole('button', { name: 'Seal and save' }).click();
  await expect(page.getByText(/Sealed and saved/)).toBeVisible();
  expect(cspViolations(problems)).toEqual([]);
});

test('markup injected into a page cannot run script', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/en/login');
  await expect(page.locator('#email')).toBeVisible();
  // As an injection would arrive: an inline handler, and parser-inserted script in a frame that inherits the policy.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML('beforeend', '<img src="/nowhere.png" onerror="window.__injected = 1">');
    document.body.insertAdjacentHTML('beforeend', '<iframe srcdoc="<script>parent.__injected = 2</script>"></iframe>');
  });
  await expect.poll(() => cspViolations(problems).length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
});

test('a brand host carries the same headers, and its sign-in and portal work under the policy', async ({ page }) => {
  const problems = watchConsole(page);
  const login = await page.goto(`${ACME}/en/login`);
  expect(login!.status()).toBe(200);
  expectPagePolicy(login!.headers());
  await page.locator('#email').fill('client@demo.local');
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  await expect(page).toHaveURL(/\/en\/portal/, { timeout: 60_000 });
  await expect(page.locator('[data-brand=acme]').first()).toBeVisible();

  // The API and the files the proxy never sees: same set, and a policy that lets nothing load from them.
  for (const path of ['/api/health', '/robots.txt', '/icon.svg', '/manifest.webmanifest']) {
    const headers = await page.evaluate(async (p) => Object.fromEntries((await fetch(p)).headers.entries()), path);
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['x-robots-tag'], path).toBe('noindex, nofollow');
    expect(headers['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
  const robots = await page.evaluate(async () => (await fetch('/robots.txt')).text());
  expect(robots).toContain('Disallow: /');
  expect(cspViolations(problems)).toEqual([]);
});

test('the app links its icons and web manifest; a brand host does not show them', async ({ page }) => {
  await page.goto('/en/login');
  await expect(page.locator('link[rel=manifest]')).toHaveAttribute('href', '/manifest.webmanifest');
  await expect(page.locator('link[rel=icon][href="/icon.svg"]')).toHaveCount(1);
  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.status()).toBe(200);
  expect(((await manifest.json()) as { name: string }).name).toBe('HashInsight');
  for (const icon of ['/icon.svg', '/icon-192.png', '/icon-512.png', '/apple-touch-icon.png']) expect((await page.request.get(icon)).status(), icon).toBe(200);
  await page.goto(`${ACME}/en/login`);
  await expect(page.locator('link[rel=manifest]')).toHaveCount(0);
  await expect(page.locator('link[rel=icon][href="/icon.svg"]')).toHaveCount(0);
});

test('a state change from a foreign origin is refused: API routes and server actions answer 403', async ({ page }) => {
  await signIn(page, 'owner@demo.local');
  // What another site's page can send with the session cookie: a text/plain POST needs no preflight.
  const body = JSON.stringify({ rows: [{ name: 'csrf-probe', site: 'Abilene Wind', model: 'Antminer S21' }], dryRun: true });
  const foreign = await page.request.post('/api/hosting/miners/batch', { headers: { 'content-type': 'text/plain', origin: 'https://evil.example' }, data: body });
  expect(foreign.status()).toBe(403);
  const own = await page.request.post('/api/hosting/miners/batch', { headers: { 'content-type': 'text/plain', origin: base.origin }, data: body });
  expect(own.status()).toBe(200);

  const action = (origin: string) => page.request.post('/en/settings', { headers: { 'next-action': '7f0000000000000000000000000000000000000000', 'content-type': 'text/plain;charset=UTF-8', origin }, data: '[]' });
  expect((await action('https://evil.example')).status()).toBe(403);
  const same = (await action(base.origin)).status();
  expect(same).not.toBe(403);
  expect(same).toBeLessThan(500);
});
