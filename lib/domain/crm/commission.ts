/** A broker's commission on a deal: a rate in basis points of the deal's value, or a fixed amount. */
export type Commission = { bps: number | null; fixedCents: number | null };

/**
 * The commission in cents: a fixed amount as is, a rate applied to the value in integer arithmetic
 * (half a cent rounds up), nothing when neither is set. Integers throughout, never a float for money.
 */
export function commissionCents(valueCents: number, c: Commission): number | null {
  if (c.fixedCents != null) return c.fixedCents;
  if (c.bps == null) return null;
  return Number((BigInt(valueCents) * BigInt(c.bps) + 5000n) / 10000n);
}
