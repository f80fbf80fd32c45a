/**
 * goldthread's public API, for scripts: every stage of the pipeline as a named, typed function.
 *
 *   load (records, profiles) -> audit -> compose -> render (PDF, DOCX, HTML bytes)
 *
 * Each stage can be called on its own; `renderRecord` runs audit, compose and render for one record.
 * This list is the public API: anything not exported here may change without notice.
 */

// Load: records from files or text, with located errors.
export { loadRecordFile, loadRecordText } from './load/record.js';
export { expandInputs, loadAll, type LoadOutcome, type RecordSource } from './load/inputs.js';
export {
  InputError,
  LoadError,
  type LoadIssue,
  type SourceLocation,
  TemplateError,
  UsageError,
  formatIssue,
} from './errors.js';

// The record: its schema, its types, and the linked model every stage walks.
export { RECORD_FORMAT, recordSchema, type RecordData } from './model/record.js';
export type {
  DiagnosisNode,
  GoalNode,
  InterventionNode,
  LinkedRecord,
  ObjectiveNode,
  ProblemNode,
  SessionNode,
} from './model/linked.js';
export type { Finding } from './model/finding.js';

// Payer profiles.
export { loadProfileRegistry, type ProfileRegistry, type ProfileRegistryOptions } from './payers/registry.js';
export type { ResolvedProfile } from './payers/resolved-profile.js';
export { reviewDueDate } from './payers/review-schedule.js';

// Audit.
export { auditRecord, auditRecords, type AuditOptions } from './audit/audit.js';
export { RULE_CATALOGUE, type RuleInfo, type Severity } from './audit/catalogue.js';

// Code tables.
export { fiscalYearOf, icdStatusOn, isUnspecifiedIcd, lookupIcd } from './codes/icd10cm.js';
export { lookupCpt } from './codes/cpt.js';
export { findSameDayConflicts } from './codes/cpt-conflicts.js';
export { lookupInstrument, severityOf } from './codes/instruments.js';

// Compose: templates into a document tree.
export { composeDocument, type ComposeOptions } from './compose/compose.js';
export { loadTemplateSet, type TemplateSet } from './compose/templates.js';
export type { Block, DocKind, DocumentTree } from './compose/tree.js';

// Render: the same tree as bytes three ways.
export { renderPdf } from './render/pdf/render-pdf.js';
export { renderDocx } from './render/docx/render-docx.js';
export { renderHtml } from './render/html/render-html.js';
export { writeFileAtomic } from './render/write-output.js';
export { loadRenderers } from './pipeline/renderers.js';

// One record through audit, compose and render.
export {
  type OutputFormat,
  type RecordRender,
  type RenderedOutput,
  renderRecord,
  type RenderRecordOptions,
} from './pipeline/render-record.js';
