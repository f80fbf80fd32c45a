import type { z } from 'zod';
import { type ProfileFile, profileSchema } from './profile-schema.js';

/**
 * Dotted value paths (`review.everyDays`, `rules.smart/vague-language`): how a profile names one of
 * its values when it cites a source for it or marks it unsourced, and how `profiles show` and
 * `profiles diff` name what they print. Lists are single values (a child's list replaces its
 * parent's); objects are not values but groups of them, merged key by key.
 */

/** Keys of a profile file that describe the profile rather than set a payer's rule or look. */
export const PROFILE_META_KEYS = [
  'format',
  'id',
  'name',
  'abstract',
  'extends',
  'effective',
  'sources',
  'unsourced',
] as const;
const META = new Set<string>(PROFILE_META_KEYS);

/** One value a profile sets: its dotted path and the value as validated. */
export interface ProfileValue {
  readonly path: string;
  readonly value: unknown;
}

type Def = { type?: string; shape?: Record<string, unknown>; innerType?: unknown };
const defOf = (schema: unknown): Def => ((schema as { _zod?: { def?: Def } })._zod?.def ?? {}) as Def;

function unwrapOptional(schema: unknown): unknown {
  let current = schema;
  while (defOf(current).type === 'optional') current = defOf(current).innerType;
  return current;
}

/** Every path a profile may name, objects included; `*` stands for any key of an open map. */
function collectPatterns(schema: unknown, prefix: string, into: string[]): void {
  const def = defOf(unwrapOptional(schema));
  if (def.type === 'object' && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) {
      if (!prefix && META.has(key)) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      into.push(path);
      collectPatterns(child, path, into);
    }
  } else if (def.type === 'record') {
    into.push(`${prefix}.*`);
  }
}

const PATTERNS: readonly string[] = (() => {
  const into: string[] = [];
  collectPatterns(profileSchema as z.ZodType, '', into);
  return into;
})();

/** Paths a profile may cite or mark unsourced, for "did you mean" suggestions. */
export const KNOWN_VALUE_PATHS: readonly string[] = PATTERNS.filter((p) => !p.endsWith('*'));

/** Whether a dotted path names a value, or a group of values, a profile can set. */
export function isKnownValuePath(path: string): boolean {
  return patternIndex(path) >= 0;
}

const PATTERN_PARTS: readonly (readonly string[])[] = PATTERNS.map((pattern) => splitPath(pattern));
// Sorting a profile's paths asks for the same few hundred paths' indexes thousands of times.
const patternIndexes = new Map<string, number>();

function patternIndex(path: string): number {
  let index = patternIndexes.get(path);
  if (index === undefined) {
    const segments = splitPath(path);
    index = PATTERN_PARTS.findIndex(
      (parts) => parts.length === segments.length && parts.every((part, i) => part === '*' || part === segments[i]),
    );
    patternIndexes.set(path, index);
  }
  return index;
}

/**
 * Splits a dotted path into keys. Rule ids hold a slash but no dot, and no other key holds a dot,
 * so splitting on dots is exact.
 */
export function splitPath(path: string): string[] {
  return path.split('.');
}

/** Whether `path` names `leaf` itself or a group that holds it. */
export function covers(path: string, leaf: string): boolean {
  return leaf === path || leaf.startsWith(`${path}.`);
}

/** The values a profile file sets itself, in file order, as dotted paths. */
export function ownValues(file: ProfileFile): ProfileValue[] {
  const out: ProfileValue[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (child !== undefined) walk(child, path ? `${path}.${key}` : key);
      }
    } else {
      out.push({ path, value });
    }
  };
  for (const [key, value] of Object.entries(file)) {
    if (!META.has(key) && value !== undefined) walk(value, key);
  }
  return out;
}

/** Builds a nested object from dotted paths and values (the inverse of ownValues). */
export function nestValues(values: Iterable<ProfileValue>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { path, value } of values) {
    const keys = splitPath(path);
    let node = root;
    for (const key of keys.slice(0, -1)) {
      const next = Object.hasOwn(node, key) ? node[key] : undefined;
      if (next === undefined) {
        const created: Record<string, unknown> = {};
        Object.defineProperty(node, key, { value: created, enumerable: true, writable: true, configurable: true });
        node = created;
      } else {
        node = next as Record<string, unknown>;
      }
    }
    Object.defineProperty(node, keys.at(-1) as string, { value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/** Orders paths the way the profile format lists them (rules in catalogue order), then by name. */
export function comparePaths(a: string, b: string): number {
  return patternIndex(a) - patternIndex(b) || (a < b ? -1 : a > b ? 1 : 0);
}
