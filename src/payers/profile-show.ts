import {
  isPolicyPath,
  type ProfileExplanation,
  type ResolvedValue,
  type ValueBacking,
  type ValueOrigin,
} from './inheritance.js';
import { formatValue, groupOf, VALUE_GROUPS } from './value-groups.js';

/**
 * `profiles show`: a resolved profile as a consultant checks it, every value with the profile that
 * set it (its own or inherited) and the source behind it, or "unsourced".
 */

/** Who set a value, as one word: the profile id, or which of goldthread's defaults. */
export function describeOrigin(from: ValueOrigin): string {
  return from.kind === 'profile' ? from.id : from.what;
}

/** What backs a value, as a short phrase: its sources (id and confidence), or why there is none. */
export function describeBacking(backing: ValueBacking): string {
  switch (backing.kind) {
    case 'sourced':
      return `source: ${backing.sources.map((s) => `${s.id ?? s.title} (${s.confidence ?? 'confidence not given'})`).join(', ')}`;
    case 'unsourced':
      return 'unsourced';
    case 'not-cited':
      return 'no source given';
    case 'default':
      return 'goldthread default';
  }
}

/**
 * Where a value comes from and what backs it, as a bracketed note: `[inherited from base; unsourced]`.
 * Documents' looks are presentation, so no source is asked of them.
 */
export function describeProvenance(value: ResolvedValue, ownId: string): string {
  const who = describeOrigin(value.from);
  const where = value.from.kind === 'profile' && who !== ownId ? `inherited from ${who}` : who;
  const quiet = value.backing.kind === 'default' || (value.backing.kind === 'not-cited' && !isPolicyPath(value.path));
  return `[${where}${quiet ? '' : `; ${describeBacking(value.backing)}`}]`;
}

function valueLine(value: ResolvedValue, ownId: string): string {
  return `  ${value.path} = ${formatValue(value.value)}  ${describeProvenance(value, ownId)}`;
}

/** The text `profiles show` prints. */
export function formatShow(explanation: ProfileExplanation): string {
  const lines = [
    `${explanation.id}: ${explanation.name}${explanation.abstract ? ' (abstract: shared by the profiles that extend it)' : ''}`,
    `  effective ${explanation.effective}, from ${explanation.origin}`,
    `  applies: ${explanation.chain.map((doc) => `${doc.data.id} (${doc.data.effective}, ${doc.origin})`).join(' <- ')}`,
  ];
  if (explanation.missing.length > 0) lines.push(`  not set anywhere: ${explanation.missing.join(', ')}`);
  for (const group of [...VALUE_GROUPS.map((g) => g.title), 'Other']) {
    const values = explanation.values.filter((v) => groupOf(v.path) === group);
    if (values.length === 0) continue;
    lines.push('', group);
    for (const value of values) lines.push(valueLine(value, explanation.id));
  }
  lines.push('', 'Sources');
  for (const doc of explanation.chain) {
    for (const source of doc.data.sources ?? []) {
      lines.push(
        `  ${doc.data.id}/${source.id} (${source.confidence}): ${source.title}${source.url ? ` <${source.url}>` : ''}`,
      );
    }
  }
  if (!explanation.chain.some((doc) => (doc.data.sources ?? []).length > 0)) lines.push('  (none)');
  return `${lines.join('\n')}\n`;
}

/** The data `profiles show --format json` prints. */
export function showJson(explanation: ProfileExplanation): unknown {
  return {
    id: explanation.id,
    name: explanation.name,
    effective: explanation.effective,
    origin: explanation.origin,
    abstract: explanation.abstract,
    chain: explanation.chain.map((doc) => ({ id: doc.data.id, effective: doc.data.effective, origin: doc.origin })),
    missing: explanation.missing,
    values: explanation.values.map((v) => ({
      path: v.path,
      value: v.value,
      from: describeOrigin(v.from),
      backing: v.backing.kind,
      ...(v.backing.kind === 'sourced' ? { sources: v.backing.sources.map((s) => s.id) } : {}),
    })),
    sources: explanation.chain.flatMap((doc) => (doc.data.sources ?? []).map((s) => ({ profile: doc.data.id, ...s }))),
  };
}
