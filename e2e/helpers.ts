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
