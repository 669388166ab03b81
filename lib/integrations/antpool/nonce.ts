/**
 * Antpool rejects a nonce that is not above the last one it saw for the key (−18). Milliseconds
 * repeat under concurrency and the clock can step back, so each key gets max(now, last + 1).
 */
export function createNonceSource(clock: () => number = Date.now) {
  const last = new Map<string, number>();
  return (key: string): number => {
    const next = Math.max(clock(), (last.get(key) ?? 0) + 1);
    last.set(key, next);
    return next;
  };
}

/** One source per process: every client instance shares it, so two clients on one key never collide. */
export const nextNonce = createNonceSource();
