import { describe, expect, it } from 'vitest';
import { maskUrl, slackBody, telegramBody } from './chat-bodies';

describe('slackBody', () => {
  it('has text and a header, and a section only when the text says more than the subject', () => {
    expect(slackBody({ subject: 'S', text: 'S' })).toEqual({ text: 'S', blocks: [{ type: 'header', text: { type: 'plain_text', text: 'S', emoji: false } }] });
    const b = slackBody({ subject: 'Offline: 200 miners', text: 'a <b> & c' });
    expect(b.text).toBe('Offline: 200 miners\na <b> & c');
    expect(b.blocks[1]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'a &lt;b&gt; &amp; c' } });
  });
  it('clips a long header to Slack’s 150 characters', () => {
    const h = (slackBody({ subject: 'x'.repeat(400), text: 'y' }).blocks[0] as { text: { text: string } }).text.text;
    expect(h).toHaveLength(150);
  });
});

describe('telegramBody', () => {
  it('is a sendMessage body in HTML with the subject in bold, escaped', () => {
    expect(telegramBody({ subject: 'Hot <chips>', text: 'a & b' }, '-1001234')).toEqual({ chat_id: '-1001234', text: '<b>Hot &lt;chips&gt;</b>\na &amp; b', parse_mode: 'HTML', disable_web_page_preview: true });
  });
  it('stays within 4,096 characters and does not cut an entity in half', () => {
    const t = telegramBody({ subject: 's', text: '&'.repeat(5000) }, '1').text;
    expect(t.length).toBeLessThanOrEqual(4096);
    expect(t).toMatch(/(&amp;)+…$/);
  });
});

describe('maskUrl', () => {
  it('keeps the host and the first path part, and only the last four characters of the rest', () => {
    expect(maskUrl('https://hooks.slack.com/services/T000/B000/XXXXXXXXXXabcd')).toBe('https://hooks.slack.com/services/…abcd');
    expect(maskUrl('https://chat.example/hooks/s3cr3t-token-wxyz')).toBe('https://chat.example/hooks/…wxyz');
    expect(maskUrl('https://chat.example/hook?token=s3cr3t9876')).toBe('https://chat.example/hook/…9876');
  });
});
