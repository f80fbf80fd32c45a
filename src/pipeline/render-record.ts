import { createHash } from 'node:crypto';
import { composeDocument } from '../compose/compose.js';
import type { TemplateSet } from '../compose/templates.js';
import type { DocKind, DocumentTree } from '../compose/tree.js';
import type { Finding } from '../model/finding.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';

export type OutputFormat = 'pdf' | 'docx' | 'html';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['pdf', 'docx', 'html'];

/** One rendered file, not yet written. */
export interface RenderedOutput {
  readonly format: OutputFormat;
  /** `<record id>.<doc kind>.<ext>` per the CLI contract. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

/** The outcome of one record: rendered (perhaps as a draft), or refused by the audit. */
export type RecordRender =
  | {
      readonly kind: 'rendered';
      readonly draft: boolean;
      readonly findings: readonly Finding[];
      readonly outputs: readonly RenderedOutput[];
    }
  | { readonly kind: 'refused'; readonly findings: readonly Finding[] };

/** Turns a document tree into bytes in one format. */
export type Renderer = (tree: DocumentTree) => Promise<Uint8Array> | Uint8Array | string;

export interface RenderRecordOptions {
  readonly kind: DocKind;
  readonly formats: readonly OutputFormat[];
  readonly profile: ResolvedProfile;
  readonly templates: TemplateSet;
  readonly asOf: string;
  readonly allowDraft: boolean;
  readonly audit: (record: LinkedRecord, profile: ResolvedProfile) => readonly Finding[];
  readonly renderers: Readonly<Record<OutputFormat, Renderer>>;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The pipeline for one record after loading: audit, then compose and render. A record the audit
 * finds errors in is refused unless drafts are allowed; a draft is marked on every page and lists
 * its open findings, so a document without the mark is one the audit found no error in.
 */
export async function renderRecord(record: LinkedRecord, options: RenderRecordOptions): Promise<RecordRender> {
  const findings = options.audit(record, options.profile);
  const hasErrors = findings.some((f) => f.severity === 'error');
  if (hasErrors && !options.allowDraft) return { kind: 'refused', findings };
  const tree = composeDocument(record, {
    kind: options.kind,
    profile: options.profile,
    templates: options.templates,
    asOf: options.asOf,
    ...(hasErrors ? { draftFindings: findings } : {}),
  });
  const outputs: RenderedOutput[] = [];
  for (const format of options.formats) {
    const rendered = await options.renderers[format](tree);
    const bytes = typeof rendered === 'string' ? new TextEncoder().encode(rendered) : rendered;
    outputs.push({ format, fileName: `${record.data.id}.${options.kind}.${format}`, bytes, sha256: sha256(bytes) });
  }
  return { kind: 'rendered', draft: hasErrors, findings, outputs };
}
