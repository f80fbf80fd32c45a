import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import type { FindingDraft, RuleSource } from './context.js';
import { NEAR_DUPLICATE_JACCARD, nameTokens, similarPairs, textTokens } from './similarity.js';
import { fromProfile } from './sources.js';

/**
 * The cloning family, across the records audited together: a goal, objective or intervention text
 * that is the same (or nearly) in the records of several different patients was not written for
 * this patient.
 */

/** Texts shorter than this many words are labels, not documentation: they are not compared. */
export const MIN_CLONE_TOKENS = 4;

/** The rule's id, source and hint (it is not a single-record rule, so it has no `check`). */
export const CLONING_RULE: { readonly id: string; readonly source: RuleSource; readonly hint: string } = {
  id: 'cloning/duplicate-text',
  source: fromProfile('cloning.minPatients'),
  hint: "Rewrite the text for this patient: their own symptoms, situation, measures and the clinician's specific methods.",
};

interface ComparedText {
  readonly item: number;
  readonly kind: 'goal' | 'objective' | 'intervention';
  readonly path: string;
  readonly label: string;
  readonly tokens: ReadonlySet<string>;
}

function textsOf(record: LinkedRecord, item: number): ComparedText[] {
  const { patient } = record.data;
  const names = nameTokens([
    patient.name.given,
    patient.name.family,
    patient.name.preferred ?? '',
    patient.guardian?.name ?? '',
  ]);
  const texts: ComparedText[] = [];
  const add = (kind: ComparedText['kind'], path: string, label: string, text: string | undefined) => {
    if (text === undefined) return;
    const tokens = textTokens(text, names);
    if (tokens.length >= MIN_CLONE_TOKENS) texts.push({ item, kind, path, label, tokens: new Set(tokens) });
  };
  for (const g of record.goals) add('goal', `${g.path}.statement`, `Goal ${g.data.id}`, g.data.statement);
  for (const o of record.objectives)
    add('objective', `${o.path}.statement`, `Objective ${o.data.id}`, o.data.statement);
  for (const iv of record.interventions) {
    add('intervention', `${iv.path}.description`, `Intervention ${iv.data.id}'s description`, iv.data.description);
  }
  return texts;
}

/** Record ids are named up to this many; a large batch of clones would otherwise make a page-long message. */
const MAX_NAMED_RECORDS = 5;

function listIds(ids: readonly string[]): string {
  if (ids.length <= MAX_NAMED_RECORDS) return ids.join(', ');
  return `${ids.slice(0, MAX_NAMED_RECORDS).join(', ')} and ${ids.length - MAX_NAMED_RECORDS} more`;
}

/**
 * For each item (in order), the duplicate-text findings of its record: every text found, the same
 * or nearly, in records of at least the profile's `cloningMinPatients` different patients (this
 * one included). Messages name the other records by record id only.
 */
export function findClonedText(items: readonly { record: LinkedRecord; profile: ResolvedProfile }[]): FindingDraft[][] {
  const texts = items.flatMap(({ record }, item) => textsOf(record, item));
  const similar = texts.map(() => new Set<number>());
  for (const [a, b] of similarPairs(
    texts.map((t) => t.tokens),
    NEAR_DUPLICATE_JACCARD,
  )) {
    const ta = texts[a] as ComparedText;
    const tb = texts[b] as ComparedText;
    if (ta.kind !== tb.kind || ta.item === tb.item) continue;
    similar[a]?.add(b);
    similar[b]?.add(a);
  }

  const findings: FindingDraft[][] = items.map(() => []);
  texts.forEach((text, t) => {
    const own = items[text.item] as (typeof items)[number];
    const others = [...(similar[t] ?? [])].map((o) => (texts[o] as ComparedText).item);
    const patients = new Set([own.record.data.patient.id, ...others.map((i) => items[i]?.record.data.patient.id)]);
    if (patients.size < Math.max(2, own.profile.cloningMinPatients)) return;
    const ownPatient = own.record.data.patient.id;
    const otherRecords = others
      .map((i) => items[i]?.record.data)
      .filter((r) => r !== undefined && r.patient.id !== ownPatient);
    const ids = [...new Set(otherRecords.map((r) => r?.id ?? ''))].sort();
    findings[text.item]?.push({
      path: text.path,
      message: `${text.label} is the same or nearly the same as text in the records of ${patients.size - 1} other patients (${listIds(ids)}).`,
    });
  });
  return findings;
}
