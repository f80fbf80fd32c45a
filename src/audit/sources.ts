import type { ProfileSource, ResolvedProfile } from '../payers/resolved-profile.js';
import type { RuleSource } from './context.js';

/**
 * The coding and documentation rules the audit rests on, as cited in findings. Facts and source
 * names from ../shared/reference/payer-facts.md.
 */
export const SOURCES = {
  thread:
    'Treatment tied to the diagnosis, with goals, objectives and interventions for each problem ' +
    '(NGS Medicare article 2151969; BCBS MN provider manual; COMAR 10.21.20.07)',
  measurable:
    'Measurable, objective goals with target dates (NGS Medicare 2151969; First Coast probe findings, LCD L33128; ' +
    'BCBS MN provider manual; COMAR 10.21.20.07)',
  necessity:
    'Medical necessity: symptoms causing maladaptive functioning, treatment tied to the diagnosis, reasonable ' +
    'expectation of improvement (LCD L39852; NGS Medicare 2151969; CGS TPE article)',
  progress:
    'Periodic summary of goals and progress; long courses of therapy must be well supported (NGS CERT article 216639)',
  icd: 'ICD-10-CM code set by fiscal year, billable codes at full specificity (CMS/NCHS order files)',
  cptTime: 'CPT time rules (AAPC coding articles; payer-facts.md)',
  cptPairs:
    'Codes not billable the same day (AAPC CCI 19.0 article; BCBS IL psychiatry policy summary; ' +
    'APA Services 2022 interactive complexity guide)',
  cptKnown: 'Behavioral-health CPT codes (AAPC coding articles; NGS Medicare article 4807215)',
  cptType: 'Plan states the service type explicitly: individual, family or group (NGS Medicare 2151969)',
  authorization: 'Services delivered within the authorization on file (coverage.authorization)',
  signatureCredentials:
    'Entries authenticated by their author with credentials (FCSO CR 6698; Palmetto CERT MM6698; UHC ' +
    'Administrative Guide ch. 11; Anthem provider news)',
  signatureOrder: 'A plan is signed once it exists: signatures are dated on or after the plan and the assessment',
  discharge:
    'Discharge criteria stated and measurable; discharge planning and coordination of care (Florida Medicaid BH ' +
    'handbook; Optum Network Manual)',
  individualized:
    'Individualized, measurable goals and interventions per patient (First Coast probe findings, LCD L33128; ' +
    'Cahaba CERT summary)',
} as const;

/**
 * A profile source that may say which values it backs. The resolved profile does not carry this yet;
 * when it does, a finding cites only the sources behind its parameter.
 */
type CitableSource = ProfileSource & { readonly supports?: readonly string[] };

const covers = (cited: string, parameter: string) =>
  cited === parameter || cited.startsWith(`${parameter}.`) || parameter.startsWith(`${cited}.`);

/**
 * The text a finding cites: a fixed source as written, or the profile parameter with the profile's
 * sources behind it (all of them when the profile does not say which back what), or a plain
 * statement that no public source backs the value.
 */
export function citeSource(source: RuleSource, profile: ResolvedProfile): string {
  if (source.kind === 'fixed') return source.text;
  const where = `${profile.name} profile, ${source.parameter}`;
  const unsourced = profile.unsourced.some((p) => covers(p, source.parameter));
  if (unsourced || profile.sources.length === 0) return `${where}: a default no public source states (unsourced)`;
  const sources: readonly CitableSource[] = profile.sources;
  const backing = sources.filter((s) => (s.supports ?? []).some((cited) => covers(cited, source.parameter)));
  return `${where}: ${(backing.length > 0 ? backing : sources).map((s) => s.title).join('; ')}`;
}

/** A fixed source, for rule tables. */
export const fixed = (text: string): RuleSource => ({ kind: 'fixed', text });

/** A source that is the payer profile's parameter, for rule tables. */
export const fromProfile = (parameter: string): RuleSource => ({ kind: 'profile', parameter });
