import type { z } from 'zod';
import type { LoadIssue } from '../errors.js';
import { formatPath, type LocatedValue } from './located-yaml.js';

/** What a misspelled field name looks like (our fields are camelCase words); anything else may be data. */
const FIELD_NAME = /^[a-z][A-Za-z0-9]{0,39}$/;

function valueAt(root: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) {
      return { found: false, value: undefined };
    }
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value: current };
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] as number;
      row[j] = Math.min(current + 1, (row[j - 1] as number) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] as number;
}

/** The closest known key to a misspelled one, if it is close enough to be a likely typo. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 4)) + 1;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** The keys the object schema at `path` allows, found by walking the schema along the path. */
export function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): readonly string[] {
  type Def = { type?: string; shape?: Record<string, unknown>; innerType?: unknown; element?: unknown; in?: unknown };
  const defOf = (s: unknown): Def => ((s as { _zod?: { def?: Def } })._zod?.def ?? {}) as Def;
  const unwrap = (s: unknown): unknown => {
    let current = s;
    for (let guard = 0; guard < 10; guard++) {
      const def = defOf(current);
      if (def.innerType) current = def.innerType;
      else if (def.type === 'pipe' && def.in) current = def.in;
      else break;
    }
    return current;
  };
  let current = unwrap(schema);
  for (const key of path) {
    const def = defOf(current);
    if (typeof key === 'number' && def.element) current = unwrap(def.element);
    else if (typeof key === 'string' && def.shape && key in def.shape) current = unwrap(def.shape[key]);
    else return [];
  }
  const shape = defOf(current).shape;
  return shape ? Object.keys(shape) : [];
}

/**
 * Turns one zod issue into located load issues: where (file, line:column, field path), what was
 * expected. Messages come from our schema's own texts and never include the offending value.
 */
export function describeZodIssue(issue: z.core.$ZodIssue, located: LocatedValue, schema: z.ZodType): LoadIssue[] {
  const at = (path: readonly PropertyKey[], message: string, code: LoadIssue['code'] = 'schema'): LoadIssue => ({
    file: located.file,
    ...located.locate(path),
    path: formatPath(path),
    code,
    message,
  });
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path);
    return issue.keys.map((key) => {
      const suggestion = suggestKey(key, known);
      const hint = suggestion
        ? `; did you mean "${suggestion}"?`
        : known.length
          ? `; expected one of: ${known.join(', ')}`
          : '';
      // Only a key shaped like a field name is quoted: a narrative line that lost its indentation
      // becomes a key too ("Dane: Whitfield reports..."), and a close spelling must not echo it.
      const quotable = FIELD_NAME.test(key) || (suggestion !== undefined && /^[a-z][\w/-]{0,59}$/.test(key));
      if (quotable) return at([...issue.path, key], `unknown field "${key}"${hint}`);
      // Not a field name: most likely a line of text that lost its indentation. It may be patient
      // data, so it is pointed at, not quoted.
      return {
        ...at([...issue.path, key], `an unknown field whose name is not shown (a line of text out of place?)${hint}`),
        path: formatPath(issue.path),
      };
    });
  }
  const { found } = valueAt(located.value, issue.path);
  // An absent enum or literal fails as a wrong value in zod; to a user it is a missing field.
  if (!found && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    return [at(issue.path, 'is required but missing')];
  }
  return [at(issue.path, issue.message)];
}
