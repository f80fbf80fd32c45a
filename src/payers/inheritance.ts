import { RULE_CATALOGUE, type SeveritySetting } from '../audit/catalogue.js';
import type { DocKind } from '../compose/tree.js';
import type { SignerRole } from '../model/record.js';
import { DEFAULT_DOCUMENT_TITLES, DEFAULT_SECTION_LABELS, DOCUMENT_SECTIONS } from './document-sections.js';
import type { ProfileDocument } from './profile-file.js';
import { comparePaths, covers } from './profile-paths.js';
import type { DocumentLook, ProfileSource, ResolvedProfile, SectionName } from './resolved-profile.js';

/**
 * Inheritance: a profile's values laid over its parent's, with where each value came from. Values
 * are merged as dotted paths, so objects merge key by key and a list, being one value, replaces
 * the parent's list whole.
 */

/** Where a resolved value came from: a profile of the chain, or goldthread's own default. */
export type ValueOrigin =
  | { readonly kind: 'profile'; readonly id: string; readonly effective: string; readonly origin: string }
  | { readonly kind: 'default'; readonly what: 'rule catalogue' | 'document defaults' };

/** How a resolved value is backed. */
export type ValueBacking =
  | { readonly kind: 'sourced'; readonly sources: readonly ProfileSource[] }
  | { readonly kind: 'unsourced' }
  | { readonly kind: 'not-cited' }
  | { readonly kind: 'default' };

/** One value of a resolved profile, with its provenance. */
export interface ResolvedValue {
  readonly path: string;
  readonly value: unknown;
  readonly from: ValueOrigin;
  readonly backing: ValueBacking;
}

/** A profile's values after inheritance, before it is known to be complete. */
export interface ProfileExplanation {
  readonly id: string;
  readonly name: string;
  readonly effective: string;
  readonly origin: string;
  readonly abstract: boolean;
  /** The profiles applied, the requested one first, then its parent, and so on. */
  readonly chain: readonly ProfileDocument[];
  readonly values: readonly ResolvedValue[];
  /** Values every payer profile needs that nothing in the chain sets. */
  readonly missing: readonly string[];
}

/** Values a payer profile must have once inheritance is applied (base sets them all). */
export const REQUIRED_VALUE_PATHS = [
  'sections.required',
  'review.everyDays',
  'maxPlanAgeDays',
  'objectiveHorizonDays',
  'maxDurationDays',
  'signatures.required',
  'signatures.supervisorWhenSupervised',
  'signatures.guardianForMinor',
  'signatures.graceDays',
  'cpt.needJustification',
  'cpt.notCovered',
  'cloning.minPatients',
] as const;

function defaultValues(): ResolvedValue[] {
  const catalogue = { kind: 'default', what: 'rule catalogue' } as const;
  const documents = { kind: 'default', what: 'document defaults' } as const;
  const backing = { kind: 'default' } as const;
  const out: ResolvedValue[] = RULE_CATALOGUE.map((rule) => ({
    path: `rules.${rule.id}`,
    value: rule.severity,
    from: catalogue,
    backing,
  }));
  for (const kind of Object.keys(DOCUMENT_SECTIONS) as DocKind[]) {
    out.push({ path: `documents.${kind}.title`, value: DEFAULT_DOCUMENT_TITLES[kind], from: documents, backing });
    out.push({ path: `documents.${kind}.sections`, value: DOCUMENT_SECTIONS[kind], from: documents, backing });
  }
  for (const [id, label] of Object.entries(DEFAULT_SECTION_LABELS)) {
    out.push({ path: `documents.labels.${id}`, value: label, from: documents, backing });
  }
  return out;
}

/** How one profile backs a value it sets: the sources that support it, its unsourced mark, or nothing. */
function backingOf(doc: ProfileDocument, path: string): ValueBacking {
  const sources = (doc.data.sources ?? []).filter((source) =>
    (source.supports ?? []).some((cited) => covers(cited, path)),
  );
  if (sources.length > 0) return { kind: 'sourced', sources: sources.map(toProfileSource) };
  if ((doc.data.unsourced ?? []).some((cited) => covers(cited, path))) return { kind: 'unsourced' };
  return { kind: 'not-cited' };
}

function toProfileSource(source: NonNullable<ProfileDocument['data']['sources']>[number]): ProfileSource {
  return {
    id: source.id,
    title: source.title,
    ...(source.url === undefined ? {} : { url: source.url }),
    confidence: source.confidence,
    ...(source.supports === undefined ? {} : { supports: source.supports }),
  };
}

/** Lays each profile of the chain (requested profile first) over goldthread's defaults. */
export function explainChain(chain: readonly ProfileDocument[]): ProfileExplanation {
  const merged = new Map<string, ResolvedValue>();
  for (const value of defaultValues()) merged.set(value.path, value);
  for (const doc of [...chain].reverse()) {
    const from = { kind: 'profile', id: doc.data.id, effective: doc.data.effective, origin: doc.origin } as const;
    for (const { path, value } of doc.values) merged.set(path, { path, value, from, backing: backingOf(doc, path) });
  }
  const values = [...merged.values()].sort((a, b) => comparePaths(a.path, b.path));
  const top = chain[0] as ProfileDocument;
  return {
    id: top.data.id,
    name: top.data.name,
    effective: top.data.effective,
    origin: top.origin,
    abstract: top.data.abstract === true,
    chain,
    values,
    missing: REQUIRED_VALUE_PATHS.filter((path) => !merged.has(path)),
  };
}

/** Whether a path is a payer rule that wants a source; documents' looks are presentation, not policy. */
export function isPolicyPath(path: string): boolean {
  return !path.startsWith('documents.');
}

/** Every source the chain cites or lists, the requested profile's first, each once. */
function chainSources(chain: readonly ProfileDocument[]): ProfileSource[] {
  const seen = new Set<string>();
  const out: ProfileSource[] = [];
  for (const doc of chain) {
    for (const source of doc.data.sources ?? []) {
      const key = `${source.title}\u0000${source.url ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(toProfileSource(source));
    }
  }
  return out;
}

/** The ResolvedProfile of a complete explanation (missing is empty). Deeply frozen: it is shared. */
export function toResolvedProfile(explanation: ProfileExplanation): ResolvedProfile {
  const byPath = new Map(explanation.values.map((v) => [v.path, v.value]));
  const get = <T>(path: string): T => byPath.get(path) as T;
  const under = <T>(prefix: string): Record<string, T> =>
    Object.fromEntries(
      explanation.values
        .filter((v) => v.path.startsWith(`${prefix}.`))
        .map((v) => [v.path.slice(prefix.length + 1), v.value as T]),
    );
  const looks = Object.fromEntries(
    (Object.keys(DOCUMENT_SECTIONS) as DocKind[]).map((kind): [DocKind, DocumentLook] => [
      kind,
      { title: get(`documents.${kind}.title`), sections: get(`documents.${kind}.sections`) },
    ]),
  ) as Record<DocKind, DocumentLook>;
  const maxDaysAfterIntake = get<number | undefined>('initialPlan.maxDaysAfterIntake');
  const maxVisits = get<number | undefined>('initialPlan.maxVisits');
  const resolved: ResolvedProfile = {
    id: explanation.id,
    name: explanation.name,
    effective: explanation.effective,
    origin: explanation.origin,
    sources: chainSources(explanation.chain),
    unsourced: explanation.values
      .filter((v) => isPolicyPath(v.path) && (v.backing.kind === 'unsourced' || v.backing.kind === 'not-cited'))
      .map((v) => v.path),
    sections: { required: get<SectionName[]>('sections.required') },
    review: { everyDays: get('review.everyDays'), byLevelOfCare: under<number>('review.byLevelOfCare') },
    initialPlan: {
      ...(maxDaysAfterIntake === undefined ? {} : { maxDaysAfterIntake }),
      ...(maxVisits === undefined ? {} : { maxVisits }),
    },
    maxPlanAgeDays: get('maxPlanAgeDays'),
    objectiveHorizonDays: get('objectiveHorizonDays'),
    maxDurationDays: get('maxDurationDays'),
    signatures: {
      required: get<SignerRole[]>('signatures.required'),
      supervisorWhenSupervised: get('signatures.supervisorWhenSupervised'),
      guardianForMinor: get('signatures.guardianForMinor'),
      graceDays: get('signatures.graceDays'),
    },
    cpt: { needJustification: get('cpt.needJustification'), notCovered: get('cpt.notCovered') },
    cloningMinPatients: get('cloning.minPatients'),
    rules: under<SeveritySetting>('rules'),
    documents: { looks, labels: under<string>('documents.labels'), partials: under<string>('documents.partials') },
  };
  return deepFreeze(resolved);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
