import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import zh from '@/messages/zh.json';
import { notificationText } from './notification-text';

function leaves(obj: object, prefix = ''): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? leaves(v, `${prefix}${k}.`) : [[`${prefix}${k}`, String(v)]]));
}
const zhOf = Object.fromEntries(leaves(zh.Notifications));
// A select's branch texts ({direction, select, high {above} other {below}}) are words, not placeholders.
const args = (message: string) => [...message.replace(/\{(\w+), select,[^]*?\}\}/g, '{$1}').matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
// Messages with no words in them: the same in both languages.
const NEUTRAL = new Set(['subject', 'edgeAlert.unit.celsius', 'pool.line']);

describe('notification messages', () => {
  it.each(leaves(en.Notifications))('%s has the same placeholders in Chinese, and Chinese words', (key, message) => {
    expect(args(zhOf[key]!)).toEqual(args(message));
    if (!NEUTRAL.has(key)) expect(zhOf[key]).not.toBe(message);
  });

  it('reads the recipient’s locale, and English for one the app does not have', () => {
    expect(notificationText('zh').t('ticket.statusName.resolved')).toBe('已解决');
    expect(notificationText('zh-CN').locale).toBe('zh');
    expect(notificationText('fr').t('ticket.statusName.resolved')).toBe('resolved');
  });

  it('keeps identifiers and pre-formatted figures as given', () => {
    const { t, subject } = notificationText('en');
    expect(subject('Acme Hosting', t('ticket.assigned.subject', { number: '10420' }))).toBe('Acme Hosting: Ticket #10420 assigned to you');
  });
});
