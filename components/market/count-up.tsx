'use client';

import { useEffect, useState } from 'react';
import { formatNumber, formatUsd } from '@/lib/format';

/**
 * A number that counts up from zero when it first appears. The server renders the final value (so
 * the page is right without JavaScript and for screen readers); the animation replays it.
 */
export function CountUp({ value, locale, digits = 0, usd = false, durationMs = 900 }: { value: number; locale: string; digits?: number; usd?: boolean; durationMs?: number }) {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return;
    let frame = 0;
    const start = performance.now();
    const tick = (now: number) => {
      const p = Math.min(1, (now - start) / durationMs);
      setShown(value * (1 - (1 - p) ** 3));
      if (p < 1) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [value, durationMs]);
  const format = (v: number) => (usd ? formatUsd(v, locale, digits) : formatNumber(v, locale, { digits, fixed: true }));
  return (
    <span aria-label={format(value)} data-value={value} className="tabular-nums">
      <span aria-hidden>{format(shown)}</span>
    </span>
  );
}
