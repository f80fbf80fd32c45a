import { ageOn, daysBetween } from '../model/dates.js';
import type { SignerRole } from '../model/record.js';
import type { FindingDraft, RecordRule, RuleContext } from './context.js';
import { fixed, fromProfile, SOURCES } from './sources.js';

/** The signatures family: the right people sign, with credentials, in time. */

/** The age under which a patient is a minor and a guardian signs. */
export const AGE_OF_MAJORITY = 18;

/** A role that must sign this plan, and why (for messages). */
interface RequiredRole {
  readonly role: SignerRole;
  readonly why: string;
}

/**
 * The roles that must sign: the clinician always; the profile's required roles; a supervisor when
 * the clinician is supervised; a guardian for a minor. For a minor, the guardian's signature stands
 * in for the patient's (a child's own signature is assent, not consent).
 */
export function requiredSigners(ctx: RuleContext): RequiredRole[] {
  const { data } = ctx.record;
  const { signatures } = ctx.profile;
  const minor = ageOn(data.patient.dob, ctx.planDate) < AGE_OF_MAJORITY;
  const roles: RequiredRole[] = [{ role: 'clinician', why: 'the treating clinician always signs' }];
  if (data.provider.clinician.supervised === true && signatures.supervisorWhenSupervised) {
    roles.push({ role: 'supervisor', why: 'the clinician is supervised' });
  }
  if (minor && signatures.guardianForMinor)
    roles.push({ role: 'guardian', why: 'the patient is a minor on the plan date' });
  for (const role of signatures.required) {
    if (roles.some((r) => r.role === role)) continue;
    if (role === 'patient' && minor && roles.some((r) => r.role === 'guardian')) continue;
    roles.push({ role, why: 'the payer requires it' });
  }
  return roles;
}

const missingRole: RecordRule = {
  id: 'signatures/missing-role',
  source: fromProfile('signatures.required'),
  hint: 'Add a signature entry for the role (name, and credentials for a clinician or supervisor); it may be signed later.',
  check: (ctx) => {
    const entries = ctx.record.data.signatures ?? [];
    return requiredSigners(ctx)
      .filter(({ role }) => !entries.some((s) => s.role === role))
      .map(({ role, why }) => {
        const noSupervisor = role === 'supervisor' && ctx.record.data.provider.supervisor === undefined;
        return {
          path: 'signatures',
          message: `No signature entry for the ${role} (${why}).${noSupervisor ? ' The record names no supervisor (provider.supervisor).' : ''}`,
        };
      });
  },
};

const unsigned: RecordRule = {
  id: 'signatures/unsigned',
  source: fromProfile('signatures.graceDays'),
  hint: 'Have the person sign and record the date in `signedOn`.',
  check: (ctx) => {
    const grace = ctx.profile.signatures.graceDays;
    const age = daysBetween(ctx.planDate, ctx.asOf);
    if (age <= grace) return [];
    const entries = ctx.record.data.signatures ?? [];
    const findings: FindingDraft[] = [];
    for (const { role } of requiredSigners(ctx)) {
      const index = entries.findIndex((s) => s.role === role);
      if (index < 0 || entries.some((s) => s.role === role && s.signedOn !== undefined)) continue;
      findings.push({
        path: `signatures[${index}]`,
        message: `The ${role}'s signature is still unsigned ${age} days after the plan date (the payer allows ${grace}).`,
      });
    }
    return findings;
  },
};

const dateBeforePlan: RecordRule = {
  id: 'signatures/date-before-plan',
  source: fixed(SOURCES.signatureOrder),
  hint: 'Correct the signature date: a plan is signed on or after its effective date.',
  check: ({ record, planDate }) => {
    const findings: FindingDraft[] = [];
    const assessed = record.data.assessment.date;
    (record.data.signatures ?? []).forEach((s, i) => {
      if (s.signedOn === undefined) return;
      const before =
        s.signedOn < planDate ? "the plan's effective date" : s.signedOn < assessed ? 'the assessment' : undefined;
      if (!before) return;
      findings.push({
        path: `signatures[${i}].signedOn`,
        message: `The ${s.role}'s signature is dated ${daysBetween(s.signedOn, before === 'the assessment' ? assessed : planDate)} days before ${before}.`,
      });
    });
    return findings;
  },
};

const noCredentials: RecordRule = {
  id: 'signatures/no-credentials',
  source: fixed(SOURCES.signatureCredentials),
  hint: "Add the signer's credentials (e.g. LCSW, PsyD, LMFT) to the signature entry.",
  check: ({ record }) =>
    (record.data.signatures ?? []).flatMap((s, i) =>
      (s.role === 'clinician' || s.role === 'supervisor') && s.credentials === undefined
        ? [{ path: `signatures[${i}]`, message: `The ${s.role}'s signature entry has no credentials.` }]
        : [],
    ),
};

/** Every signatures rule, in catalogue order. */
export const SIGNATURE_RULES: readonly RecordRule[] = [missingRole, unsigned, dateBeforePlan, noCredentials];
