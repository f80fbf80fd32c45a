import { isPolicyPath, type ProfileExplanation, type ResolvedValue } from './inheritance.js';
import { comparePaths } from './profile-paths.js';
import { describeBacking, describeProvenance } from './profile-show.js';
import { formatValue, groupOf, VALUE_GROUPS } from './value-groups.js';

/**
 * `profiles diff`: what differs between two resolved profiles (two payers, or two versions of
 * one), value by value, grouped the way a consultant reviews an update.
 */

/** One value that differs. A list shows what was added and removed, or that only its order changed. */
export interface ProfileChange {
  readonly path: string;
  readonly group: string;
  readonly before?: unknown;
  readonly after?: unknown;
  readonly added?: readonly string[];
  readonly removed?: readonly string[];
  /** Where the second profile's value comes from and what backs it: `[bcbs; source: bcbs-mn-manual (seen)]`. */
  readonly provenance?: string;
  /** For a value that is the same in both, what backed it before and backs it now. */
  readonly backing?: { readonly before: string; readonly after: string };
}

/** The heading of values that did not change but whose source did. */
export const SOURCE_CHANGES = 'Same value, different source';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The values that differ from `a` to `b`, in the profile format's order. */
export function diffProfiles(a: ProfileExplanation, b: ProfileExplanation): ProfileChange[] {
  const before = new Map(a.values.map((v) => [v.path, v]));
  const after = new Map(b.values.map((v) => [v.path, v]));
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort(comparePaths);
  const changes: ProfileChange[] = [];
  const sourceChanges: ProfileChange[] = [];
  for (const path of paths) {
    const was = before.get(path);
    const now = after.get(path);
    if (was && now && same(was.value, now.value)) {
      const before = describeBacking(was.backing);
      const after = describeBacking(now.backing);
      if (before !== after && isPolicyPath(path)) {
        sourceChanges.push({
          path,
          group: SOURCE_CHANGES,
          before: was.value,
          after: now.value,
          backing: { before, after },
        });
      }
      continue;
    }
    changes.push(describeChange(path, was, now, b.id));
  }
  return [...changes, ...sourceChanges];
}

function describeChange(
  path: string,
  was: ResolvedValue | undefined,
  now: ResolvedValue | undefined,
  ownId: string,
): ProfileChange {
  const change = {
    path,
    group: groupOf(path),
    ...(was === undefined ? {} : { before: was.value }),
    ...(now === undefined ? {} : { after: now.value }),
    ...(now === undefined ? {} : { provenance: describeProvenance(now, ownId) }),
  };
  if (Array.isArray(was?.value) && Array.isArray(now?.value)) {
    const old = was.value.map(String);
    const next = now.value.map(String);
    return { ...change, added: next.filter((x) => !old.includes(x)), removed: old.filter((x) => !next.includes(x)) };
  }
  return change;
}

function changeLine(change: ProfileChange): string {
  if (change.backing) {
    return `  ${change.path} = ${formatValue(change.after)}: ${change.backing.before} -> ${change.backing.after}`;
  }
  const backing = change.provenance ? `  ${change.provenance}` : '';
  if (change.added && change.removed) {
    const parts = [...change.added.map((x) => `+${x}`), ...change.removed.map((x) => `-${x}`)];
    const what = parts.length > 0 ? parts.join(' ') : `reordered: ${formatValue(change.after)}`;
    return `  ${change.path}: ${what}${backing}`;
  }
  return `  ${change.path}: ${formatValue(change.before)} -> ${formatValue(change.after)}${backing}`;
}

/** The text `profiles diff` prints. */
export function formatDiff(a: ProfileExplanation, b: ProfileExplanation, changes: readonly ProfileChange[]): string {
  const name = (p: ProfileExplanation) => `${p.id} (effective ${p.effective}, ${p.origin})`;
  const lines = [`${name(a)} -> ${name(b)}`];
  if (changes.length === 0) {
    lines.push('', 'No value or source differs.');
    return `${lines.join('\n')}\n`;
  }
  for (const group of [...VALUE_GROUPS.map((g) => g.title), 'Other', SOURCE_CHANGES]) {
    const inGroup = changes.filter((c) => c.group === group);
    if (inGroup.length === 0) continue;
    lines.push('', group);
    for (const change of inGroup) lines.push(changeLine(change));
  }
  const differ = changes.filter((c) => !c.backing).length;
  const resourced = changes.length - differ;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  lines.push(
    '',
    `${plural(differ, 'value differs', 'values differ')}; ${plural(resourced, 'value has', 'values have')} a different source.`,
  );
  return `${lines.join('\n')}\n`;
}
