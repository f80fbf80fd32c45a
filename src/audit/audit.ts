import type { Finding } from '../model/finding.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import { ruleInfo, type Severity } from './catalogue.js';
import { buildRuleContext, type FindingDraft, type RecordRule, type RuleSource } from './context.js';
import { CLONING_RULE, findClonedText } from './rules-cloning.js';
import { CODES_RULES } from './rules-codes.js';
import { DISCHARGE_RULES } from './rules-discharge.js';
import { NECESSITY_RULES } from './rules-necessity.js';
import { PLAN_RULES } from './rules-plan.js';
import { SIGNATURE_RULES } from './rules-signatures.js';
import { SMART_RULES } from './rules-smart.js';
import { THREAD_RULES } from './rules-thread.js';
import { citeSource } from './sources.js';

/** The audit: runs every rule on a record with its payer profile and returns the findings, sorted. */

/** Every single-record rule, family by family in catalogue order. */
export const RECORD_RULES: readonly RecordRule[] = [
  ...THREAD_RULES,
  ...SMART_RULES,
  ...NECESSITY_RULES,
  ...CODES_RULES,
  ...PLAN_RULES,
  ...SIGNATURE_RULES,
  ...DISCHARGE_RULES,
];

/** Options every audit takes. */
export interface AuditOptions {
  /** The date time-dependent rules are judged on (YYYY-MM-DD). */
  readonly asOf: string;
}

/** The severity a profile gives a rule: its override, else the catalogue default. */
function severityOf(ruleId: string, profile: ResolvedProfile): Severity | 'off' {
  const info = ruleInfo(ruleId);
  if (!info) throw new Error(`internal: rule ${ruleId} is not in the catalogue`);
  return profile.rules[ruleId] ?? info.severity;
}

function finish(
  rule: { id: string; source: RuleSource; hint: string },
  drafts: readonly FindingDraft[],
  profile: ResolvedProfile,
): Finding[] {
  const severity = severityOf(rule.id, profile);
  if (severity === 'off' || drafts.length === 0) return [];
  const source = citeSource(rule.source, profile);
  return drafts.map((d) => ({
    rule: rule.id,
    severity,
    path: d.path,
    message: d.message,
    source,
    hint: d.hint ?? rule.hint,
  }));
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Compares record paths so `objectives[2]` comes before `objectives[10]`. */
export function comparePaths(a: string, b: string): number {
  const pa = a.split(/(\d+)/);
  const pb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i += 1) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    // split() with a capture group puts the digit runs at odd positions.
    if (i % 2 === 1) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Sorts findings: errors first, then warnings, then info; within each, by path, rule and message. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const order = (a: Finding, b: Finding) =>
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    comparePaths(a.path, b.path) ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
  return [...findings].sort(order);
}

function auditOne(record: LinkedRecord, profile: ResolvedProfile, options: AuditOptions): Finding[] {
  const ctx = buildRuleContext(record, profile, options.asOf);
  return RECORD_RULES.flatMap((rule) =>
    severityOf(rule.id, profile) === 'off' ? [] : finish(rule, rule.check(ctx), profile),
  );
}

/** Audits one record against its payer profile as of a date. Findings are sorted, errors first. */
export function auditRecord(record: LinkedRecord, profile: ResolvedProfile, options: AuditOptions): Finding[] {
  return sortFindings(auditOne(record, profile, options));
}

/**
 * Audits records together: each as {@link auditRecord} does, plus cloning/duplicate-text across
 * them. Returns each record's findings, in the order given.
 */
export function auditRecords(
  items: readonly { record: LinkedRecord; profile: ResolvedProfile }[],
  options: AuditOptions,
): Finding[][] {
  const cloned = findClonedText(items);
  return items.map(({ record, profile }, i) =>
    sortFindings([...auditOne(record, profile, options), ...finish(CLONING_RULE, cloned[i] ?? [], profile)]),
  );
}

/** How many findings of each severity. */
export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
