/** mulberry32: a tiny seeded PRNG so a simulated farm is reproducible from its seed. */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roughly normal noise (sum of uniforms), mean 0, standard deviation ~sd. */
export function gaussian(rng: () => number, sd: number): number {
  return (rng() + rng() + rng() + rng() - 2) * sd * 1.73;
}
