export { deliver, type DeliverOptions, type DeliverResult } from './deliver';
export { createNotifier, type Notifier } from './notifier';
export { openSecret, sealSecret } from './secret-box';
export { DELIVERY_HEADER, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER, verifySignature } from './signature';
export type { ChannelKind, Notification, SmtpConfig } from './types';
