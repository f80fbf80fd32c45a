import { lookupIcd } from '../codes/icd10cm.js';
import { lookupInstrument, severityOf } from '../codes/instruments.js';
import type { LinkedRecord, ObjectiveNode } from '../model/linked.js';
import type { Measure, SignerRole } from '../model/record.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import { formatDate } from './helpers.js';

/** What every document's view shares: who, covered by whom, treated by whom, signed by whom. */

const ROLE_LABELS: Readonly<Record<SignerRole, string>> = {
  clinician: 'Treating clinician',
  supervisor: 'Clinical supervisor',
  patient: 'Patient',
  guardian: 'Parent or guardian',
};

const SEX_LABELS: Readonly<Record<string, string>> = { F: 'Female', M: 'Male', X: 'X', U: 'Unknown' };

export function patientName(record: LinkedRecord): string {
  const { given, family } = record.data.patient.name;
  return `${given} ${family}`;
}

export function identificationView(record: LinkedRecord, profile: ResolvedProfile | undefined) {
  const { patient, coverage } = record.data;
  const auth = coverage.authorization;
  const authParts = auth
    ? [
        auth.number ?? null,
        auth.sessionsApproved !== undefined ? `${auth.sessionsApproved} sessions` : null,
        auth.start || auth.end ? `${formatDate(auth.start) || '…'} – ${formatDate(auth.end) || '…'}` : null,
      ].filter((part): part is string => part !== null)
    : [];
  return {
    patientName: patientName(record),
    preferredName: patient.name.preferred ?? null,
    dob: formatDate(patient.dob),
    sex: patient.sex ? (SEX_LABELS[patient.sex] ?? patient.sex) : null,
    recordNumber: patient.id,
    guardian: patient.guardian ? `${patient.guardian.name} (${patient.guardian.relationship})` : null,
    payer: profile?.name ?? coverage.payer,
    memberId: coverage.memberId,
    groupNumber: coverage.groupNumber ?? null,
    planName: coverage.planName ?? null,
    authorization: authParts.length ? authParts.join('; ') : null,
  };
}

export function providerView(record: LinkedRecord) {
  const { clinician, supervisor, organization } = record.data.provider;
  return {
    clinician: `${clinician.name}, ${clinician.credentials}`,
    clinicianNpi: clinician.npi,
    license: clinician.license ?? null,
    supervisor: supervisor ? [supervisor.name, supervisor.credentials].filter(Boolean).join(', ') : null,
    supervisorNpi: supervisor?.npi ?? null,
    organization: organization.name,
    organizationNpi: organization.npi ?? null,
    address: organization.address ?? null,
    phone: organization.phone ?? null,
  };
}

export function diagnosesView(record: LinkedRecord) {
  return record.diagnoses.map((d) => ({
    code: d.data.code,
    rank: d.data.rank === 'primary' ? 'Primary' : 'Secondary',
    description: d.data.description ?? lookupIcd(d.data.code)?.title ?? '',
    problems: d.problems.map((p) => p.data.id).join(', '),
  }));
}

export function signersView(record: LinkedRecord) {
  return (record.data.signatures ?? []).map((s) => ({
    role: s.role,
    label: ROLE_LABELS[s.role],
    name: s.name,
    credentials: s.credentials ?? '',
    signedOn: s.signedOn ? formatDate(s.signedOn) : '',
  }));
}

/** The target in words: `9 or below`. */
export function targetText(measure: Measure): string {
  return `${measure.target} ${measure.direction === 'decrease' ? 'or below' : 'or above'}`;
}

/** A measure in words: `PHQ-9 from 18 to 9 or below`. */
export function measureText(measure: Measure | undefined): string {
  if (!measure) return 'No measure stated';
  const what = measure.instrument ?? measure.behavior ?? '';
  return `${what} from ${measure.baseline} to ${targetText(measure)}`;
}

/** The objective's own statement, or one composed from its measure and target date. */
export function objectiveStatement(objective: ObjectiveNode): string {
  const { statement, measure, targetDate } = objective.data;
  if (statement) return statement;
  if (!measure) return 'Objective without a statement or measure';
  const what = measure.instrument ? `${measure.instrument} score` : (measure.behavior ?? '');
  const verb = measure.direction === 'decrease' ? 'decreases' : 'increases';
  const bound = measure.direction === 'decrease' ? 'or below' : 'or above';
  const by = targetDate ? `By ${formatDate(targetDate)}, ` : '';
  const sentence = `${what} ${verb} from ${measure.baseline} to ${measure.target} ${bound}.`;
  return by ? `${by}${sentence}` : sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

const STATUS_LABELS: Readonly<Record<string, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  met: 'Met',
  'partially-met': 'Partially met',
  'not-met': 'Not met',
  discontinued: 'Discontinued',
};

export function statusLabel(status: string | undefined): string {
  return status ? (STATUS_LABELS[status] ?? status) : 'In progress';
}

/** A score with its severity band: `18 (moderately severe)`. */
export function scoreText(instrument: string, score: number): string {
  const known = lookupInstrument(instrument);
  const band = known ? severityOf(known, score) : undefined;
  return band ? `${score} (${band.label})` : String(score);
}
