'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** While a curtailment runs, re-reads the page every 10 s so its waves, verification and recovery show as they happen. */
export function LiveRefresh({ active }: { active: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), 10_000);
    return () => clearInterval(timer);
  }, [active, router]);
  return null;
}
