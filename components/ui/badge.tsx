import type { ReactNode } from 'react';

const TONES = {
  ok: 'bg-ok/15 text-ok',
  warn: 'bg-warn/15 text-warn',
  bad: 'bg-bad/15 text-bad',
  muted: 'bg-surface-2 text-muted',
  accent: 'bg-accent-soft text-accent',
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = 'muted', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}

export const MINER_STATUS_TONE: Record<string, BadgeTone> = { active: 'ok', offline: 'bad', maintenance: 'warn', sold: 'muted' };
