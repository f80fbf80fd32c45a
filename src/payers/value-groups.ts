/**
 * How `profiles show` and `profiles diff` group a profile's values under headings a consultant
 * reads: sections, time limits, signatures, codes, rule severities, documents.
 */

/** The headings, in print order, each with the path prefixes it gathers. */
export const VALUE_GROUPS = [
  { title: 'Required sections', prefixes: ['sections.'] },
  {
    title: 'Review cadence and time limits',
    prefixes: ['review.', 'initialPlan.', 'maxPlanAgeDays', 'objectiveHorizonDays', 'maxDurationDays'],
  },
  { title: 'Signatures', prefixes: ['signatures.'] },
  { title: 'CPT codes', prefixes: ['cpt.'] },
  { title: 'Cloned documentation', prefixes: ['cloning.'] },
  { title: 'Rule severities', prefixes: ['rules.'] },
  { title: 'Documents', prefixes: ['documents.'] },
] as const;

/** The heading a value path is printed under. */
export function groupOf(path: string): string {
  const group = VALUE_GROUPS.find((g) => g.prefixes.some((prefix) => path === prefix || path.startsWith(prefix)));
  return group?.title ?? 'Other';
}

/** A value as one line of text: lists comma-separated, an empty list as "(none)". */
export function formatValue(value: unknown): string {
  if (value === undefined) return '(not set)';
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map(String).join(', ');
  return String(value);
}
