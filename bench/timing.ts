/** Timing helpers: interleaved rounds, so that a slow patch of the machine falls on every variant alike. */

/**
 * Runs each variant once per round, alternating their order (AB, BA, ...), and returns the total
 * milliseconds per variant. One warm-up pass of each comes first and is not counted.
 */
export async function interleaved<K extends string>(
  variants: Readonly<Record<K, () => Promise<void>>>,
  rounds: number,
): Promise<Record<K, number>> {
  const names = Object.keys(variants) as K[];
  for (const name of names) await variants[name]();
  const totals = Object.fromEntries(names.map((n) => [n, 0])) as Record<K, number>;
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const start = performance.now();
      await variants[name]();
      totals[name] += performance.now() - start;
    }
  }
  return totals;
}

/** Runs `step` repeatedly for at least `ms` milliseconds; returns calls per second. */
export async function rate(step: () => unknown, ms: number): Promise<number> {
  step();
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await step();
    calls += 1;
  }
  return (calls * 1000) / (performance.now() - start);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
