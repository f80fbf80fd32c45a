/**
 * goldthread's public API, for scripts: every stage of the pipeline as a named, typed function.
 *
 *   load (records, profiles) -> audit -> compose -> render (PDF, DOCX, HTML bytes)
 *
 * Each stage can be called on its own; `renderRecord` runs audit, compose and render for one record.
 * This list is the public API: anything not exported here may change without notice.
 */

// Audit.
export { type AuditOptions, auditRecord, auditRecords } from './audit/audit.js';
export { RULE_CATALOGUE, type RuleInfo, type Severity } from './audit/catalogue.js';
export { lookupCpt } from './codes/cpt.js';
export { findSameDayConflicts } from './codes/cpt-conflicts.js';
// Code tables.
export { fiscalYearOf, icdStatusOn, isUnspecifiedIcd, lookupIcd } from './codes/icd10cm.js';
export { lookupInstrument, severityOf } from './codes/instruments.js';
// Compose: templates into a document tree.
export { type ComposeOptions, composeDocument } from './compose/compose.js';
export { loadTemplateSet, type TemplateSet } from './compose/templates.js';
export type { Block, DocKind, DocumentTree } from './compose/tree.js';
export {
  formatIssue,
  InputError,
  LoadError,
  type LoadIssue,
  type SourceLocation,
  TemplateError,
  UsageError,
} from './errors.js';
export { expandInputs, type LoadOutcome, loadAll, type RecordSource } from './load/inputs.js';
// Load: records from files or text, with located errors.
export { loadRecordFile, loadRecordText } from './load/record.js';
export type { Finding } from './model/finding.js';
export type {
  DiagnosisNode,
  GoalNode,
  InterventionNode,
  LinkedRecord,
  ObjectiveNode,
  ProblemNode,
  SessionNode,
} from './model/linked.js';
// The record: its schema, its types, and the linked model every stage walks.
export { RECORD_FORMAT, type RecordData, recordSchema } from './model/record.js';
// Payer profiles.
export { loadProfileRegistry, type ProfileRegistry, type ProfileRegistryOptions } from './payers/registry.js';
export type { ResolvedProfile } from './payers/resolved-profile.js';
export { reviewDueDate } from './payers/review-schedule.js';
// One record through audit, compose and render.
export {
  type OutputFormat,
  type RecordRender,
  type RenderedOutput,
  type RenderRecordOptions,
  renderRecord,
} from './pipeline/render-record.js';
export { loadRenderers } from './pipeline/renderers.js';
export { renderDocx } from './render/docx/render-docx.js';
export { renderHtml } from './render/html/render-html.js';
// Render: the same tree as bytes three ways.
export { renderPdf } from './render/pdf/render-pdf.js';
export { writeFileAtomic } from './render/write-output.js';
// Signing: empty signature fields and PDF/A are added by renderPdf; signPdf signs one field.
export { checkSignable, signPdf } from './sign/sign-pdf.js';
export { SigningError } from './sign/signing-error.js';
export { readSigningIdentity } from './sign/signing-identity.js';
