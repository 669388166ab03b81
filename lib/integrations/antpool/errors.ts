/** Antpool's envelope codes (REFERENCE §4), plus transport failures, as one typed error. */
export const ANTPOOL_CODES = {
  [-1]: 'unknown',
  [-2]: 'invalid_param',
  [-6]: 'api_key',
  [-7]: 'signature',
  [-8]: 'ip',
  [-9]: 'permission',
  [-10]: 'user',
  [-18]: 'nonce',
} as const;

export type AntpoolErrorKind = (typeof ANTPOOL_CODES)[keyof typeof ANTPOOL_CODES] | 'http' | 'timeout' | 'network' | 'budget' | 'malformed';

export class AntpoolError extends Error {
  constructor(
    readonly kind: AntpoolErrorKind,
    message: string,
    readonly code?: number,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'AntpoolError';
  }

  /** Transient failures are retried; credential, permission and parameter errors never fix themselves. */
  get retryable(): boolean {
    if (this.kind === 'http') return (this.httpStatus ?? 0) >= 500;
    return this.kind === 'timeout' || this.kind === 'network' || this.kind === 'nonce' || this.kind === 'unknown';
  }
}

export function errorFromCode(code: number, message: string): AntpoolError {
  const kind = (ANTPOOL_CODES as Record<number, AntpoolErrorKind>)[code] ?? 'unknown';
  return new AntpoolError(kind, `Antpool ${code}: ${message}`, code);
}
