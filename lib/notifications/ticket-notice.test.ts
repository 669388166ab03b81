import { describe, expect, it } from 'vitest';
import { ticketNoticeMessage } from './ticket-notice';

const base = { number: 1042, title: 'Fan failure', status: 'resolved', url: 'http://x/en/hosting/tickets/abc', appName: 'HashInsight' };

describe('ticketNoticeMessage', () => {
  it.each([
    ['en', 'assigned', 'HashInsight: Ticket #1042 assigned to you'],
    ['en', 'status', 'HashInsight: Ticket #1042 is resolved'],
    ['en', 'comment', 'HashInsight: New comment on ticket #1042'],
    ['zh', 'assigned', 'HashInsight: 工单 #1042 已分配给您'],
    ['zh', 'status', 'HashInsight: 工单 #1042 状态：已解决'],
    ['fr', 'assigned', 'HashInsight: Ticket #1042 assigned to you'],
  ] as const)('%s %s', (locale, kind, subject) => {
    const m = ticketNoticeMessage({ ...base, locale, kind });
    expect(m.subject).toBe(subject);
    expect(m.text).toContain(base.url);
    expect(m.text).toContain('Fan failure');
  });

  it.each(['en', 'zh'])('names a white-label brand instead of the product (%s)', (locale) => {
    const m = ticketNoticeMessage({ ...base, locale, kind: 'comment', appName: 'Acme Hosting' });
    expect(m.subject.startsWith('Acme Hosting: ')).toBe(true);
    expect(`${m.subject}\n${m.text}`).not.toContain('HashInsight');
  });
});
