import type { Severity } from '../audit/catalogue.js';

/**
 * One thing the audit found: data, with a stable rule id and the record path it points at.
 * Messages name ids and codes, never patient data.
 */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** Record path of the offending part, e.g. `objectives[2].targetDate`. */
  readonly path: string;
  readonly message: string;
  /** The payer policy or coding rule the finding rests on. */
  readonly source?: string;
  /** How to fix it. */
  readonly hint?: string;
}
