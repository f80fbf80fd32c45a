import { earlier } from '../model/dates.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import { reviewCadenceDays, reviewDueDate } from '../payers/review-schedule.js';

/**
 * What every rule reads: the record, the payer profile in effect, and the dates the time rules
 * judge by, derived once so every rule agrees on them.
 */
export interface RuleContext {
  readonly record: LinkedRecord;
  readonly profile: ResolvedProfile;
  /** The audit's "as of" date (YYYY-MM-DD). */
  readonly asOf: string;
  /**
   * The date an open episode is judged on: the as-of date, or the discharge date when that is
   * earlier (a closed episode cannot fall overdue after it closed).
   */
  readonly judgedOn: string;
  /** The plan date: plan.effectiveDate. */
  readonly planDate: string;
  /** The review cadence in days for the record's level of care. */
  readonly reviewCadenceDays: number;
  /** plan.nextReviewDate when stated, otherwise the plan date plus the cadence. */
  readonly reviewDue: string;
}

/** A finding as a rule reports it; the runner adds the severity, source and default hint. */
export interface FindingDraft {
  readonly path: string;
  readonly message: string;
  /** A hint for this finding only, when the rule's general hint would not say enough. */
  readonly hint?: string;
}

/**
 * Where a rule's requirement comes from: a parameter of the payer profile (cited with the
 * profile's sources), or a coding or documentation rule named in full.
 */
export type RuleSource =
  | { readonly kind: 'profile'; readonly parameter: string }
  | { readonly kind: 'fixed'; readonly text: string };

/** One audit rule over a single record. */
export interface RecordRule {
  readonly id: string;
  readonly source: RuleSource;
  /** How to fix what the rule finds, in general. */
  readonly hint: string;
  check(ctx: RuleContext): FindingDraft[];
}

/** Derives the dates every rule judges by. */
export function buildRuleContext(record: LinkedRecord, profile: ResolvedProfile, asOf: string): RuleContext {
  const { plan, discharge } = record.data;
  const cadence = reviewCadenceDays(record, profile);
  return {
    record,
    profile,
    asOf,
    judgedOn: discharge ? earlier(asOf, discharge.date) : asOf,
    planDate: plan.effectiveDate,
    reviewCadenceDays: cadence,
    reviewDue: reviewDueDate(record, profile),
  };
}
