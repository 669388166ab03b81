/** cgminer reply envelope pieces shared by every simulated firmware. */
export type Reply = Record<string, unknown>;

export function statusEntry(code: number, msg: string, description: string, status: 'S' | 'E' = 'S', now = Date.now()) {
  return { STATUS: status, When: Math.floor(now / 1000), Code: code, Msg: msg, Description: description };
}

/** What cgminer answers to a command it does not know (code 14). */
export function invalidCommand(description: string, now = Date.now()): Reply {
  return { STATUS: [statusEntry(14, 'Invalid command', description, 'E', now)], id: 1 };
}

export function errorReply(code: number, msg: string, description: string, now = Date.now()): Reply {
  return { STATUS: [statusEntry(code, msg, description, 'E', now)], id: 1 };
}

export function okReply(code: number, msg: string, description: string, now = Date.now(), extra: Reply = {}): Reply {
  return { STATUS: [statusEntry(code, msg, description, 'S', now)], ...extra, id: 1 };
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

export const r2 = (v: number) => Math.round(v * 100) / 100;
