/** Solves A x = b by Gaussian elimination with partial pivoting (the systems here are at most 16×16). */
export function solveLinear(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    const pv = m[c]![c]!;
    if (pv === 0) throw new Error('singular system');
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / pv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * x[k]!;
    x[r] = s / m[r]![r]!;
  }
  return x;
}

/** Ordinary least squares: the β minimising ‖y − Xβ‖² (X given by rows), by the normal equations. */
export function ols(x: number[][], y: number[]): number[] {
  const k = x[0]?.length ?? 0;
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  for (let t = 0; t < y.length; t++) {
    const row = x[t]!;
    for (let i = 0; i < k; i++) {
      xty[i]! += row[i]! * y[t]!;
      for (let j = 0; j <= i; j++) xtx[i]![j]! += row[i]! * row[j]!;
    }
  }
  for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) xtx[i]![j] = xtx[j]![i]!;
  return solveLinear(xtx, xty);
}

/** Solves A x = b in place for a row-major n×n A (partial pivoting); A and b are overwritten. */
export function solveFlat(a: Float64Array, b: Float64Array, n: number): Float64Array {
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r * n + c]!) > Math.abs(a[piv * n + c]!)) piv = r;
    if (piv !== c) {
      for (let k = 0; k < n; k++) {
        const t = a[c * n + k]!;
        a[c * n + k] = a[piv * n + k]!;
        a[piv * n + k] = t;
      }
      const t = b[c]!;
      b[c] = b[piv]!;
      b[piv] = t;
    }
    const pv = a[c * n + c]!;
    if (pv === 0) throw new Error('singular system');
    for (let r = c + 1; r < n; r++) {
      const f = a[r * n + c]! / pv;
      if (f === 0) continue;
      for (let k = c; k < n; k++) a[r * n + k]! -= f * a[c * n + k]!;
      b[r]! -= f * b[c]!;
    }
  }
  const x = new Float64Array(n);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r]!;
    for (let k = r + 1; k < n; k++) s -= a[r * n + k]! * x[k]!;
    x[r] = s / a[r * n + r]!;
  }
  return x;
}
