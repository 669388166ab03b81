/*
 * The bodies chat services accept on their incoming webhooks. Both carry the notification's own
 * words (already in the recipient's language); neither carries our signature, which they would not
 * check: for these the secret is the URL or the bot token itself.
 */

/** Slack's limits: a header's plain text up to 150 characters, a section's text up to 3,000. */
const SLACK_HEADER_MAX = 150;
const SLACK_SECTION_MAX = 3000;
/** Telegram's sendMessage takes at most 4,096 characters of text after entity parsing. */
const TELEGRAM_TEXT_MAX = 4096;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Slack mrkdwn treats &, < and > as control characters (links, mentions). */
const slackEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Slack-compatible incoming-webhook body: `text` for notifications and clients without blocks, and blocks. */
export function slackBody(n: { subject: string; text: string }): { text: string; blocks: unknown[] } {
  const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: clip(n.subject, SLACK_HEADER_MAX), emoji: false } }];
  if (n.text !== n.subject) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(slackEscape(n.text), SLACK_SECTION_MAX) } });
  return { text: clip(n.text === n.subject ? n.subject : `${n.subject}\n${n.text}`, SLACK_SECTION_MAX), blocks };
}

const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Telegram Bot API sendMessage body: the subject in bold, then the text, as HTML. */
export function telegramBody(n: { subject: string; text: string }, chatId: string): { chat_id: string; text: string; parse_mode: 'HTML'; disable_web_page_preview: true } {
  const head = `<b>${htmlEscape(n.subject)}</b>`;
  const body = n.text === n.subject ? '' : `\n${htmlEscape(n.text)}`;
  // Clipped in the body, never through a tag or an entity.
  const room = TELEGRAM_TEXT_MAX - head.length;
  const tail = body.length <= room ? body : `${body.slice(0, room - 1).replace(/&[a-z]*$/, '')}…`;
  return { chat_id: chatId, text: head + tail, parse_mode: 'HTML', disable_web_page_preview: true };
}

/**
 * What the browser may see of a secret URL: its host, its first path part and the last four
 * characters of the rest (`https://hooks.slack.com/services/…abcd`), enough to tell two apart.
 */
export function maskUrl(url: string): string {
  const u = new URL(url);
  const [first, ...rest] = u.pathname.split('/').filter(Boolean);
  const secret = rest.join('/') + u.search;
  return `${u.protocol}//${u.host}${first ? `/${first}` : ''}${secret ? `/…${secret.slice(-4)}` : ''}`;
}
