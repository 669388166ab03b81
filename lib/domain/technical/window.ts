/** Highest and lowest of values[from…to] inclusive; windows here are short (≤ 52), so a plain scan. */
export function highest(values: readonly number[], from: number, to: number): number {
  let h = values[from]!;
  for (let i = from + 1; i <= to; i++) if (values[i]! > h) h = values[i]!;
  return h;
}

export function lowest(values: readonly number[], from: number, to: number): number {
  let l = values[from]!;
  for (let i = from + 1; i <= to; i++) if (values[i]! < l) l = values[i]!;
  return l;
}
