import path from 'node:path';
import { LoadError, type LoadIssue } from '../errors.js';
import { formatPath, type LocatedValue, parseLocated } from '../load/located-yaml.js';
import { describeZodIssue, suggestKey } from '../load/zod-issues.js';
import { DOCUMENT_SECTIONS } from './document-sections.js';
import { covers, isKnownValuePath, KNOWN_VALUE_PATHS, ownValues, type ProfileValue } from './profile-paths.js';
import { type ProfileFile, profileSchema } from './profile-schema.js';

/**
 * One profile file, read and checked on its own: the schema, its citations, its document section
 * orders and its file name. What needs other profiles (extends, completeness) is checked by the
 * registry.
 */

/** Where a profile was read from: shipped with goldthread, or a user's `--profiles` folder. */
export type ProfileLayer = 'built-in' | 'user';

/** A profile file as read: its values, and where each came from in the file. */
export interface ProfileDocument {
  /** The file as messages name it. */
  readonly file: string;
  readonly layer: ProfileLayer;
  /** `built-in:<file name stem>` or the file as messages name it; goes into ResolvedProfile.origin. */
  readonly origin: string;
  readonly data: ProfileFile;
  /** The values this file sets itself, as dotted paths, in file order. */
  readonly values: readonly ProfileValue[];
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

/** Reads a profile from text already read from `file`. Throws LoadError with every problem found. */
export function readProfileText(text: string, file: string, layer: ProfileLayer): ProfileDocument {
  const located = parseLocated(text, file);
  const result = profileSchema.safeParse(located.value);
  if (!result.success) {
    const issues = result.error.issues.flatMap((issue) =>
      describeZodIssue(issue, located, profileSchema).map((described) => explainIssue(described, issue, located)),
    );
    throw new LoadError(issues);
  }
  const data = result.data;
  const issues = checkProfile(data, located);
  if (issues.length > 0) throw new LoadError(issues);
  const stem = path.basename(file).replace(/\.ya?ml$/, '');
  return {
    file,
    layer,
    origin: layer === 'built-in' ? `built-in:${stem}` : file,
    data,
    values: ownValues(data),
    locate: located.locate,
  };
}

/** Rewords the generic messages where a profile's terms say more: unknown rules, misspelled words. */
function explainIssue(
  described: LoadIssue,
  issue: { code: string; path: PropertyKey[] },
  located: LocatedValue,
): LoadIssue {
  if (described.path.startsWith('rules.') && described.message.startsWith('unknown field')) {
    return { ...described, message: described.message.replace('unknown field', 'unknown rule id') };
  }
  if (issue.code === 'invalid_value') {
    const written = valueAt(located.value, issue.path);
    const allowed = (issue as { values?: unknown[] }).values?.map(String) ?? [];
    const suggestion = typeof written === 'string' ? suggestKey(written, allowed) : undefined;
    if (suggestion) return { ...described, message: `${described.message}; did you mean "${suggestion}"?` };
  }
  return described;
}

function valueAt(root: unknown, keys: readonly PropertyKey[]): unknown {
  let current = root;
  for (const key of keys) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The checks zod cannot express: citations name values this file sets, orders are complete, ... */
function checkProfile(data: ProfileFile, located: LocatedValue): LoadIssue[] {
  const issues: LoadIssue[] = [];
  const at = (keys: readonly PropertyKey[], message: string): void => {
    issues.push({ file: located.file, ...located.locate(keys), path: formatPath(keys), code: 'schema', message });
  };
  const stem = path.basename(located.file).replace(/\.ya?ml$/, '');
  if (stem !== data.id && stem !== `${data.id}@${data.effective}`) {
    at(
      ['id'],
      `the file is named ${stem}.yaml but the profile's id is "${data.id}"; name it ${data.id}.yaml or ${data.id}@${data.effective}.yaml`,
    );
  }
  const own = ownValues(data).map((value) => value.path);
  const checkPath = (keys: readonly PropertyKey[], cited: string): void => {
    if (!isKnownValuePath(cited)) {
      const suggestion = suggestKey(cited, KNOWN_VALUE_PATHS);
      at(keys, `"${cited}" names no value of a profile${suggestion ? `; did you mean "${suggestion}"?` : ''}`);
    } else if (!own.some((leaf) => covers(cited, leaf))) {
      at(keys, `this profile does not set ${cited}; cite or mark a value where the profile that sets it is written`);
    }
  };
  const sourceIds = new Set<string>();
  const supported = new Set<string>();
  (data.sources ?? []).forEach((source, i) => {
    if (sourceIds.has(source.id))
      at(['sources', i, 'id'], `source id "${source.id}" is used twice; give each source its own id`);
    sourceIds.add(source.id);
    (source.supports ?? []).forEach((cited, k) => {
      checkPath(['sources', i, 'supports', k], cited);
      supported.add(cited);
    });
  });
  (data.unsourced ?? []).forEach((cited, k) => {
    checkPath(['unsourced', k], cited);
    if (supported.has(cited)) at(['unsourced', k], `${cited} is marked unsourced but a source supports it; keep one`);
  });
  const required = data.signatures?.required;
  if (required && !required.includes('clinician')) {
    at(['signatures', 'required'], 'the clinician always signs the plan; list clinician');
  }
  for (const kind of Object.keys(DOCUMENT_SECTIONS) as (keyof typeof DOCUMENT_SECTIONS)[]) {
    const order: readonly string[] | undefined = data.documents?.[kind]?.sections;
    if (!order) continue;
    const keys = ['documents', kind, 'sections'];
    const repeated = order.filter((id, i) => order.indexOf(id) !== i);
    const missing = DOCUMENT_SECTIONS[kind].filter((id) => !order.includes(id));
    if (repeated.length > 0)
      at(keys, `lists ${[...new Set(repeated)].join(', ')} more than once; name each section once`);
    if (missing.length > 0)
      at(keys, `leaves out ${missing.join(', ')}; name every section of the ${kind}, in the order wanted`);
  }
  return issues;
}
