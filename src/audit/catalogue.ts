/**
 * The rule catalogue: every audit rule's stable id, family, default severity and one-line meaning,
 * as ../shared/contract/audit-rules.md defines them. Rule ids are public: never rename one.
 */

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const RULE_FAMILIES = [
  'thread',
  'smart',
  'necessity',
  'codes',
  'plan',
  'signatures',
  'discharge',
  'cloning',
] as const;
export type RuleFamily = (typeof RULE_FAMILIES)[number];

export interface RuleInfo {
  readonly id: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  readonly summary: string;
}

const rule = (id: string, severity: Severity, summary: string): RuleInfo => ({
  id,
  family: id.slice(0, id.indexOf('/')) as RuleFamily,
  severity,
  summary,
});

export const RULE_CATALOGUE: readonly RuleInfo[] = [
  rule('thread/problem-without-goal', 'error', 'a problem is addressed by no goal'),
  rule('thread/goal-without-objective', 'error', 'a goal has no objective'),
  rule('thread/objective-without-intervention', 'error', 'an objective is targeted by no intervention'),
  rule('thread/diagnosis-without-problem', 'warning', 'a diagnosis is tied to no problem'),
  rule('thread/session-off-plan', 'warning', 'a session works on no objective of the plan'),
  rule(
    'thread/objective-not-addressed',
    'warning',
    'an active objective was worked on in no session of a period of 30+ days',
  ),
  rule('smart/no-measure', 'error', 'an objective has no measure (scored instrument or counted behavior)'),
  rule('smart/no-target-date', 'error', 'an objective has no target date'),
  rule(
    'smart/target-beyond-horizon',
    'warning',
    'a target date falls after the next review or beyond the objective horizon',
  ),
  rule(
    'smart/target-date-passed',
    'warning',
    'a target date has passed and the objective is not met, discontinued or reviewed',
  ),
  rule(
    'smart/target-not-improvement',
    'error',
    'a target is not an improvement on the baseline in the stated direction',
  ),
  rule('smart/measure-out-of-range', 'error', "a baseline, target or score lies outside the instrument's valid range"),
  rule(
    'smart/vague-language',
    'warning',
    'a goal, objective, intervention or criterion uses generic, unmeasurable wording',
  ),
  rule('necessity/no-impairment', 'error', 'no problem documents a functional impairment'),
  rule('necessity/z-code-primary', 'error', 'the primary diagnosis is a Z code'),
  rule('necessity/unspecified-diagnosis', 'warning', 'a diagnosis is an unspecified code where a specific one exists'),
  rule('necessity/severity-mismatch', 'warning', 'intake measures are in the minimal range for the diagnosed disorder'),
  rule(
    'necessity/continued-stay',
    'warning',
    'a review continues the plan though every objective is met or scores are sub-clinical',
  ),
  rule('codes/icd-unknown', 'error', 'a diagnosis code is not an ICD-10-CM code'),
  rule('codes/icd-not-billable', 'error', 'a diagnosis code is a category header, not a billable code'),
  rule('codes/icd-not-valid-on-date', 'error', 'a diagnosis code is not valid in the fiscal year of the date judged'),
  rule('codes/cpt-unknown', 'error', 'a CPT code is not a known behavioral-health code'),
  rule('codes/cpt-time-mismatch', 'error', "minutes fall outside the code's time window"),
  rule('codes/cpt-conflict', 'error', 'two codes on one date may not be billed together'),
  rule('codes/90837-unjustified', 'warning', 'a service is planned at 90837 with no justification'),
  rule('codes/service-type-mismatch', 'error', "a service's type contradicts its code"),
  // Added by goldthread (the contract allows new rules): reads the profile's cpt.notCovered.
  rule('codes/cpt-not-covered', 'error', 'a planned service or a session uses a code the payer does not cover'),
  rule('plan/missing-section', 'error', 'a section the payer requires is empty'),
  rule('plan/review-overdue', 'error', 'the plan is past its review due date'),
  rule('plan/expired', 'error', "the plan is older than the profile's maximum plan age"),
  rule('plan/initial-plan-late', 'warning', 'the initial plan came later after intake than the payer allows'),
  rule('plan/duration-too-long', 'error', 'the expected duration is a year or more, or longer than the payer allows'),
  rule(
    'plan/authorization-exceeded',
    'warning',
    'sessions fall outside the authorization dates or exceed the sessions approved',
  ),
  rule('signatures/missing-role', 'error', 'a role the payer requires has no signature entry'),
  rule('signatures/unsigned', 'warning', 'a required signature is still unsigned past the grace period'),
  rule(
    'signatures/date-before-plan',
    'error',
    "a signature is dated before the plan's effective date or the assessment",
  ),
  rule('signatures/no-credentials', 'error', 'a clinician or supervisor signature has no credentials'),
  rule('discharge/outcome-missing', 'error', 'a discharge has no outcome for an objective of the plan'),
  rule('discharge/no-aftercare', 'warning', 'a discharge has no aftercare plan and no referral'),
  rule(
    'discharge/criteria-not-measurable',
    'warning',
    'a discharge criterion has no number, score, frequency or duration',
  ),
  rule(
    'cloning/duplicate-text',
    'warning',
    'the same goal, objective or intervention text appears for several patients',
  ),
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULE_CATALOGUE.map((r) => r.id));

/** The catalogue entry for a rule id, or undefined when the id is not a rule. */
export function ruleInfo(id: string): RuleInfo | undefined {
  return RULE_CATALOGUE.find((r) => r.id === id);
}
