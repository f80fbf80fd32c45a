import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a32, inShard, parseShard, shardOf } from '../../src/batch/shard.js';
import { UsageError } from '../../src/errors.js';

describe('--shard i/n', () => {
  it('parses i/n with 1 <= i <= n', () => {
    expect(parseShard(undefined)).toBeUndefined();
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard('3/4')).toEqual({ index: 3, count: 4 });
  });

  it.each(['0/4', '5/4', '1/0', '1', '1/2/3', 'a/b', '-1/2', ''])('refuses %j', (value) => {
    expect(() => parseShard(value)).toThrow(UsageError);
  });
});

describe('sharding by record id', () => {
  it('uses 32-bit FNV-1a, so other tools can compute the same split', () => {
    // Published FNV-1a test vectors.
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    expect(shardOf('a', 4)).toBe((0xe40c292c % 4) + 1);
  });

  it('puts every id in exactly one of n shards', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), fc.integer({ min: 1, max: 64 }), (id, count) => {
        const owners = Array.from({ length: count }, (_, i) => i + 1).filter((index) => inShard(id, { index, count }));
        expect(owners).toHaveLength(1);
      }),
    );
  });

  it('spreads ids evenly enough that each of 4 machines gets a fair share', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `patient-${i}-2026-09`);
    const sizes = [1, 2, 3, 4].map((index) => ids.filter((id) => inShard(id, { index, count: 4 })).length);
    for (const size of sizes) expect(size).toBeGreaterThan(900);
    expect(sizes.reduce((a, b) => a + b)).toBe(4000);
  });
});
