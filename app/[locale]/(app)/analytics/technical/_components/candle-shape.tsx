'use client';

export const UP = '#81c784';
export const DOWN = '#e57373';

type CandleProps = { x?: number; y?: number; width?: number; height?: number; payload?: { open: number | null; high: number | null; low: number | null; close: number | null } };

/**
 * One candle for a Recharts <Bar> whose value is [low, high]: Recharts places that range (y to
 * y+height), and the body is cut from it in proportion, so open and close need no axis of their own.
 */
export function CandleShape({ x = 0, y = 0, width = 0, height = 0, payload }: CandleProps) {
  if (!payload || payload.open === null || payload.close === null || payload.high === null || payload.low === null) return null;
  const { open, close, high, low } = payload;
  const top = Math.min(y, y + height);
  const span = Math.abs(height);
  const perUsd = high > low ? span / (high - low) : 0;
  const yOpen = top + (high - open) * perUsd;
  const yClose = top + (high - close) * perUsd;
  const color = close >= open ? UP : DOWN;
  const cx = x + width / 2;
  const bodyW = Math.max(1, width * 0.7);
  return (
    <g>
      <line x1={cx} x2={cx} y1={top} y2={top + span} stroke={color} strokeWidth={1} />
      <rect x={cx - bodyW / 2} width={bodyW} y={Math.min(yOpen, yClose)} height={Math.max(1, Math.abs(yOpen - yClose))} fill={color} />
    </g>
  );
}
