export type AccessPeriod = { validFrom: Date; validUntil: Date | null };

export type AccessDenial = 'disabled' | 'outside_access_period' | 'demo_disabled' | 'no_membership';

/**
 * Whether a user may act right now. Checked at sign-in and again on every request, so disabling a
 * user or letting an access period lapse ends an open session too.
 */
export function accessDenial(input: {
  disabledAt: Date | null;
  isDemo: boolean;
  demoMode: boolean;
  hasMembership: boolean;
  periods: AccessPeriod[];
  now: Date;
}): AccessDenial | null {
  if (!input.hasMembership) return 'no_membership';
  if (input.disabledAt && input.disabledAt <= input.now) return 'disabled';
  if (input.isDemo && !input.demoMode) return 'demo_disabled';
  if (input.periods.length > 0 && !input.periods.some((p) => within(p, input.now))) return 'outside_access_period';
  return null;
}

function within(p: AccessPeriod, now: Date): boolean {
  return p.validFrom <= now && (p.validUntil === null || now < p.validUntil);
}
