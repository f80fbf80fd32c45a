import { UsageError } from '../errors.js';

/**
 * A share of a batch: part `index` of `count` (1-based, as in `--shard 2/4`). Records are assigned
 * by their id alone, so every machine given the same inputs makes the same split: the parts are
 * disjoint and together cover every record, whatever order the inputs arrive in.
 */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Parses `--shard i/n` (1 <= i <= n). Throws UsageError. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(value.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new UsageError('--shard takes i/n with 1 <= i <= n, e.g. --shard 2/4');
  }
  return { index, count };
}

/**
 * FNV-1a (32-bit) of the key's UTF-8 bytes: small, fast and the same in any language, so a
 * scheduler can predict a record's part (hash mod n, plus one).
 */
export function fnv1a32(key: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(key)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The part (1-based) a key belongs to among `count`. */
export function shardOf(key: string, count: number): number {
  return (fnv1a32(key) % count) + 1;
}

/** Whether a key belongs to the shard; every key does when there is no shard. */
export function inShard(key: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(key, shard.count) === shard.index;
}
