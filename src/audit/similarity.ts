/**
 * Text comparison for cloning/duplicate-text: texts are reduced to word tokens (case, accents,
 * punctuation and spacing folded; the patient's own names masked) and compared as token sets.
 */

/** Two texts are nearly the same when the Jaccard similarity of their token sets is at least this. */
export const NEAR_DUPLICATE_JACCARD = 0.85;

/** The token that stands for any of the patient's names, so a template with the name swapped still matches. */
export const NAME_TOKEN = '\u0000name';

/** Lower-cased word tokens of a text, accents removed, with any token in `names` replaced by {@link NAME_TOKEN}. */
export function textTokens(text: string, names: ReadonlySet<string> = new Set()): string[] {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const tokens = folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0);
  return tokens.map((t) => (names.has(t) ? NAME_TOKEN : t));
}

/** The name tokens of a person's names, folded the way {@link textTokens} folds text. */
export function nameTokens(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((name) => textTokens(name)));
}

/** Jaccard similarity of two token sets: shared tokens over all tokens (1 for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Every pair of sets (by index, i < j) whose Jaccard similarity is at least `threshold`, found
 * without comparing all pairs: tokens are ordered rarest first, and two sets that similar must share
 * a token among the first `size - ceil(threshold * size) + 1` of either (prefix filtering).
 */
export function similarPairs(sets: readonly ReadonlySet<string>[], threshold: number): [number, number][] {
  const frequency = new Map<string, number>();
  for (const set of sets) for (const token of set) frequency.set(token, (frequency.get(token) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) =>
    (frequency.get(a) ?? 0) - (frequency.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);

  const index = new Map<string, number[]>();
  const pairs: [number, number][] = [];
  sets.forEach((set, j) => {
    const ordered = [...set].sort(rarestFirst);
    const prefix = ordered.slice(0, ordered.length - Math.ceil(threshold * ordered.length) + 1);
    const candidates = new Set<number>();
    for (const token of prefix) for (const i of index.get(token) ?? []) candidates.add(i);
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const other = sets[i] as ReadonlySet<string>;
      if (jaccard(other, set) >= threshold) pairs.push([i, j]);
    }
    for (const token of prefix) {
      const list = index.get(token) ?? [];
      list.push(j);
      index.set(token, list);
    }
  });
  return pairs;
}
