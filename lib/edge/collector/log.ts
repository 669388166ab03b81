export type LogFields = Record<string, unknown>;
export type Logger = (level: 'info' | 'warn' | 'error', msg: string, fields?: LogFields) => void;

/** One JSON object per line, so a log shipper can parse it. */
export function jsonLogger(write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  return (level, msg, fields = {}) => write(`${JSON.stringify({ ts: new Date().toISOString(), level, msg, ...fields })}\n`);
}
