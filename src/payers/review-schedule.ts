import { addDays } from '../model/dates.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from './resolved-profile.js';

/** The review cadence (days) the payer sets for the record's level of care. */
export function reviewCadenceDays(record: LinkedRecord, profile: ResolvedProfile): number {
  return profile.review.byLevelOfCare[record.data.services.levelOfCare] ?? profile.review.everyDays;
}

/** When the plan is due for review: plan.nextReviewDate when stated, else the plan date plus the cadence. */
export function reviewDueDate(record: LinkedRecord, profile: ResolvedProfile): string {
  const { plan } = record.data;
  return plan.nextReviewDate ?? addDays(plan.effectiveDate, reviewCadenceDays(record, profile));
}
