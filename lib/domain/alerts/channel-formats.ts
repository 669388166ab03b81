/** The bodies a webhook channel can take: our signed JSON, a Slack-compatible or a Telegram-compatible one. */
export const CHANNEL_FORMATS = ['signed', 'slack', 'telegram'] as const;
export type ChannelFormat = (typeof CHANNEL_FORMATS)[number];
