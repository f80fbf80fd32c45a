/**
 * Applies a fixture's edits to a copy of the base record. An edit names a record path in the
 * findings' notation (`objectives[0].targetDate`, `sessions`):
 *
 *   - { set: objectives[0].targetDate, value: 2027-03-01 }   replace or add a value
 *   - { remove: objectives[0].measure }                      delete a key or an array element
 *   - { append: sessions, value: { ... } }                   add an element at the end of an array
 */

export type Edit =
  | { readonly set: string; readonly value: unknown }
  | { readonly remove: string }
  | { readonly append: string; readonly value: unknown };

type Container = Record<string, unknown> | unknown[];

/** `a.b[2].c` -> ['a', 'b', 2, 'c']. */
export function parseRecordPath(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const part of path.split('.')) {
    const match = /^([^[\]]+)((?:\[\d+\])*)$/.exec(part);
    if (!match) throw new Error(`bad record path in fixture: ${path}`);
    keys.push(match[1] as string);
    for (const index of (match[2] ?? '').matchAll(/\[(\d+)\]/g)) keys.push(Number(index[1]));
  }
  return keys;
}

function containerAt(root: Container, keys: readonly (string | number)[], path: string, create: boolean): Container {
  let node: unknown = root;
  keys.forEach((key, i) => {
    const parent = node as Record<string | number, unknown>;
    if (parent[key] === undefined && create) parent[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = parent[key];
    if (node === null || typeof node !== 'object') throw new Error(`fixture path ${path} does not lead to an object`);
  });
  return node as Container;
}

/** The base with the edits applied, in order; the base itself is not changed. */
export function applyEdits<T>(base: T, edits: readonly Edit[]): T {
  const record = structuredClone(base) as Container;
  for (const edit of edits) {
    if ('set' in edit) {
      const keys = parseRecordPath(edit.set);
      const parent = containerAt(record, keys.slice(0, -1), edit.set, true) as Record<string | number, unknown>;
      parent[keys.at(-1) as string | number] = structuredClone(edit.value);
    } else if ('remove' in edit) {
      const keys = parseRecordPath(edit.remove);
      const parent = containerAt(record, keys.slice(0, -1), edit.remove, false);
      const last = keys.at(-1) as string | number;
      if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
      else if (!Array.isArray(parent) && typeof last === 'string' && last in parent) delete parent[last];
      else throw new Error(`fixture removes ${edit.remove}, which is not there`);
    } else {
      const list = containerAt(record, parseRecordPath(edit.append), edit.append, true);
      if (!Array.isArray(list)) throw new Error(`fixture appends to ${edit.append}, which is not a list`);
      list.push(structuredClone(edit.value));
    }
  }
  return record as T;
}
