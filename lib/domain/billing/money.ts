/** round(num / den), half away from zero, exactly (bigint), for cents from products of integers. */
export function divRound(num: bigint, den: bigint): number {
  if (den === 0n) return 0;
  const neg = num < 0n !== den < 0n;
  const [n, d] = [num < 0n ? -num : num, den < 0n ? -den : den];
  const q = (2n * n + d) / (2n * d);
  return Number(neg ? -q : q);
}

/** A basis-point share of an amount, rounded to the cent once. */
export const bpsOf = (cents: number, bps: number) => divRound(BigInt(cents) * BigInt(bps), 10_000n);
