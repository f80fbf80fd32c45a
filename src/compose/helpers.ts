/**
 * The only helpers templates may call. Each is a small, pure function of its arguments; logic
 * beyond formatting belongs in the view builders, where it can be tested.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-09-09` -> `Sep 9, 2026`: unambiguous for any reader. Empty for an absent date. */
export function formatDate(iso: unknown): string {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return '';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

/** Joins a list of texts with a separator (default ", "). */
export function joinList(items: unknown, separator: unknown): string {
  if (!Array.isArray(items)) return '';
  return items.map(String).join(typeof separator === 'string' ? separator : ', ');
}

/** `1 session` / `3 sessions`. */
export function plural(count: unknown, singular: unknown, pluralForm: unknown): string {
  const n = Number(count);
  return `${n} ${n === 1 ? String(singular) : String(pluralForm)}`;
}

/** The helpers by the names templates use. Handlebars passes an options hash last; it is ignored. */
export const TEMPLATE_HELPERS = {
  formatDate: (iso: unknown) => formatDate(iso),
  join: (items: unknown, separator: unknown) => joinList(items, separator),
  plural: (count: unknown, singular: unknown, pluralForm: unknown) => plural(count, singular, pluralForm),
} as const;

/** Handlebars' own block helpers that templates may use. */
export const BUILTIN_HELPERS = ['if', 'unless', 'each', 'with'] as const;
