/**
 * The PHI canary: the example record with every free-text field (the patient's ids, names,
 * guardian, coverage numbers, narratives, symptoms, impairments, strengths, statements,
 * justification, notes, aftercare, referrals, and the provider's details too) replaced by a
 * marker that names the field, `CANARY-<field>-7f3a`. Ids, codes, dates, numbers and enum words
 * stay valid, so the record loads and audits clean.
 */
import { exampleData, type FieldPath, type RecordData, setAt } from './record-data.js';

/** What every marker contains; no output other than a document may contain it. */
export const CANARY = 'CANARY';

/** The marker for a field: `CANARY-goals.0.statement-7f3a`. */
export function marker(path: FieldPath): string {
  return `${CANARY}-${path.join('.')}-7f3a`;
}

/**
 * Every free-text field of the record format, as the example record (with the optional ones it
 * lacks added) has it. Discharge criteria and the 90837 justification keep a number beside the
 * marker so the audit still finds them measurable.
 */
export const CANARY_FIELDS: readonly FieldPath[] = [
  ['patient', 'id'],
  ['patient', 'name', 'given'],
  ['patient', 'name', 'family'],
  ['patient', 'name', 'preferred'],
  ['patient', 'guardian', 'name'],
  ['patient', 'guardian', 'relationship'],
  ['coverage', 'memberId'],
  ['coverage', 'groupNumber'],
  ['coverage', 'planName'],
  ['coverage', 'authorization', 'number'],
  ['provider', 'clinician', 'name'],
  ['provider', 'clinician', 'credentials'],
  ['provider', 'clinician', 'license'],
  ['provider', 'supervisor', 'name'],
  ['provider', 'supervisor', 'credentials'],
  ['provider', 'supervisor', 'license'],
  ['provider', 'organization', 'name'],
  ['provider', 'organization', 'address'],
  ['provider', 'organization', 'phone'],
  ['assessment', 'summary'],
  ['assessment', 'risk', 'notes'],
  ['diagnoses', 0, 'description'],
  ['diagnoses', 1, 'description'],
  ...[0, 1].flatMap((p): FieldPath[] => [['problems', p, 'statement']]),
  ...[0, 1, 2, 3].map((i): FieldPath => ['problems', 0, 'symptoms', i]),
  ...[0, 1, 2].map((i): FieldPath => ['problems', 1, 'symptoms', i]),
  ['problems', 0, 'impairments', 0, 'description'],
  ['problems', 0, 'impairments', 1, 'description'],
  ['problems', 1, 'impairments', 0, 'description'],
  ...[0, 1, 2].map((i): FieldPath => ['strengths', i]),
  ['goals', 0, 'statement'],
  ['goals', 1, 'statement'],
  ...[0, 1, 2].map((i): FieldPath => ['objectives', i, 'statement']),
  ['objectives', 1, 'measure', 'behavior'],
  ...[0, 1].flatMap((i): FieldPath[] => [
    ['interventions', i, 'modality'],
    ['interventions', i, 'description'],
    ['interventions', i, 'justification'],
  ]),
  ['dischargeCriteria', 0, 'statement'],
  ['dischargeCriteria', 1, 'statement'],
  ...[0, 1].flatMap((i): FieldPath[] => [
    ['signatures', i, 'name'],
    ['signatures', i, 'credentials'],
  ]),
  ['sessions', 0, 'note'],
  ['sessions', 1, 'note'],
  ['discharge', 'summary'],
  ['discharge', 'aftercare'],
  ['discharge', 'referrals', 0],
  ['discharge', 'referrals', 1],
];

/**
 * Fields no document prints: session notes are facts for the audit, not for the plan; the
 * supervisor's license is not shown (the clinician's is).
 */
export const UNPRINTED_FIELDS: readonly string[] = [
  'sessions.0.note',
  'sessions.1.note',
  'provider.supervisor.license',
];

/** Texts the audit reads for numbers: the marker goes beside a measurable phrase. */
const MEASURABLE: Readonly<Record<string, string>> = {
  'dischargeCriteria.0.statement': 'PHQ-9 below 10 on 2 consecutive monthly measures',
  'dischargeCriteria.1.statement': 'No missed workdays for 4 consecutive weeks',
};

/** The canary record as plain data. */
export function canaryData(): RecordData {
  const data = exampleData();
  for (const path of CANARY_FIELDS) {
    const measurable = MEASURABLE[path.join('.')];
    setAt(data, path, measurable ? `${measurable} ${marker(path)}` : marker(path));
  }
  return data;
}

/** Every marker, and the markers the documents must show. */
export function canaryMarkers(): { all: string[]; printed: string[] } {
  const all = CANARY_FIELDS.map(marker);
  const printed = CANARY_FIELDS.filter((p) => !UNPRINTED_FIELDS.includes(p.join('.'))).map(marker);
  return { all, printed };
}
