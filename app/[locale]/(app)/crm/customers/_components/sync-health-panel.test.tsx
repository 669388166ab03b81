import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { syncStatus } from '@/lib/domain/crm/sync-health';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';

const state = vi.hoisted(() => ({ locale: 'en' as 'en' | 'zh' }));
vi.mock('next-intl/server', () => ({ getTranslations: async (namespace: string) => createTranslator({ locale: state.locale, messages: state.locale === 'zh' ? zh : en, namespace: namespace as 'CrmSync' }) }));
vi.mock('@/lib/actions/crm/sync-all-hosting', () => ({ syncAllHostingAction: async () => ({ ok: true, data: { total: 0, synced: 0, skipped: 0, errors: 0 } }) }));

const { SyncHealthPanel } = await import('./sync-health-panel');
const now = new Date('2026-12-06T12:00:00Z');

async function render(locale: 'en' | 'zh', counts: Parameters<typeof syncStatus>[0], canSync: boolean) {
  state.locale = locale;
  const panel = await SyncHealthPanel({ counts, status: syncStatus(counts, now), locale, canSync });
  return renderToString(
    <NextIntlClientProvider locale={locale} messages={locale === 'zh' ? zh : en} timeZone="UTC">
      {panel}
    </NextIntlClientProvider>,
  );
}

describe('SyncHealthPanel', () => {
  it('shows the seed’s alerts, in both languages, and the button only to who may sync', async () => {
    const counts = { totalCustomers: 10, linkedCustomers: 1, lastBatchAt: null, operations: 0, errors: 0 };
    const html = await render('en', counts, true);
    expect(html).toContain('Link rate is below 20% of customers.');
    expect(html).toContain('No batch sync has run yet.');
    expect(html).toContain('Sync all now');
    const zhHtml = await render('zh', counts, false);
    expect(zhHtml).toContain('关联率低于客户总数的 20%。');
    expect(zhHtml).not.toContain('立即全部同步');
  });

  it('healthy: no issue list', async () => {
    const html = await render('en', { totalCustomers: 10, linkedCustomers: 5, lastBatchAt: new Date(now.getTime() - 3_600_000), operations: 5, errors: 0 }, true);
    expect(html).toContain('Healthy');
    expect(html).not.toContain('<ul');
  });
});
