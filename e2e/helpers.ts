import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';

export async function signIn(page: Page, email: string, locale = 'en') {
  await page.goto(`/${locale}/login`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(DEMO_PASSWORD);
  await page.locator('form button[type=submit]').click();
  // Generous: the shared dev server compiles a page on its first visit.
  await expect(page).toHaveURL(new RegExp(`/${locale}/dashboard`), { timeout: 60_000 });
}

/** The hrefs of the main navigation, without the locale prefix. */
export async function navHrefs(page: Page): Promise<string[]> {
  const hrefs = await page.locator('aside nav[aria-label=main] a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace(/^\/(en|zh)/, ''));
}

/** The text of the newest mail to `to` in scripts/e2e.mjs's mail sink (E2E_MAILDIR), its quoted-printable or base64 body decoded. */
export function lastMailTo(to: string): string | null {
  const dir = process.env.E2E_MAILDIR;
  if (!dir) return null;
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  for (const f of files.reverse()) {
    const raw = readFileSync(path.join(dir, f), 'utf8');
    if (!raw.startsWith(`X-E2E-To: ${to}`)) continue;
    const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    return body;
  }
  return null;
}
