import path from 'node:path';
import { auditRecord } from '../audit/audit.js';
import type { TemplateSet } from '../compose/templates.js';
import type { DocKind } from '../compose/tree.js';
import { InputError, LoadError } from '../errors.js';
import type { LinkedRecord } from '../model/linked.js';
import type { ProfileRegistry } from '../payers/registry.js';
import type { ResolvedProfile } from '../payers/resolved-profile.js';
import { type OutputFormat, type Renderer, renderRecord } from '../pipeline/render-record.js';
import { writeFileAtomic } from '../render/write-output.js';
import { type DocumentInputs, profileSha256, sha256Hex } from './fingerprint.js';
import type { TextOrigin } from './inputs.js';
import { type ManifestEntry, sameInputs, upToDateEntries } from './manifest.js';
import { documentsOutcome, type Failure, type RecordOutcome } from './outcome.js';
import { loadBatchRecord } from './record-text.js';

/** What every record of a run shares; a worker receives it once. */
export interface BatchSettings {
  readonly outDir: string;
  readonly kind: DocKind;
  readonly formats: readonly OutputFormat[];
  readonly asOf: string;
  readonly allowDraft: boolean;
  readonly force: boolean;
  readonly profilesDir?: string;
  readonly profilesSha256: string;
  readonly templatesSha256: string;
  readonly tool: string;
}

/** One record for a worker: its text, the id the main thread read from it, and what the manifest knows of it. */
export interface RecordJob {
  readonly origin: TextOrigin;
  readonly text: string;
  readonly expectedId: string;
  /** Manifest entries for this id and kind; empty with --force. */
  readonly candidates: readonly ManifestEntry[];
}

/** A job's result: the outcome, and the manifest entries of the documents it wrote. */
export interface RecordJobResult {
  readonly outcome: RecordOutcome;
  readonly entries: readonly ManifestEntry[];
}

/** What a worker loads once and reuses for every record. */
export interface RecordContext {
  readonly settings: BatchSettings;
  readonly registry: ProfileRegistry;
  readonly templates: TemplateSet;
  readonly renderers: Readonly<Record<OutputFormat, Renderer>>;
}

function failed(job: RecordJob, failure: Failure, id?: string): RecordJobResult {
  return { outcome: { status: 'failed', label: job.origin.label, ...(id ? { id } : {}), failure }, entries: [] };
}

/**
 * One record, start to finish: load, resolve its profile, skip it if its documents are up to
 * date, else audit, compose, render (exactly as `goldthread render` does) and write each document
 * atomically. Problems with the record become a failed or refused outcome; only bugs throw.
 */
export async function runRecordJob(job: RecordJob, context: RecordContext): Promise<RecordJobResult> {
  const { settings } = context;
  let record: LinkedRecord;
  try {
    record = loadBatchRecord(job.text, job.origin);
  } catch (error) {
    if (!(error instanceof LoadError)) throw error;
    const { message: _message, ...first } = error.first;
    // The id as the file writes it (read before loading): the report can name the record.
    return failed(job, { ...first, problems: error.issues.length }, job.expectedId);
  }
  const id = record.data.id;
  if (id !== job.expectedId) {
    const detail = 'write the record id as a plain top-level `id:` line';
    return failed(job, { code: 'id-mismatch', file: job.origin.label, path: 'id', detail }, id);
  }
  if (settings.kind === 'discharge-summary' && !record.data.discharge) {
    const detail = 'a discharge summary needs a discharge section';
    return failed(job, { code: 'no-discharge', file: job.origin.label, path: 'discharge', detail }, id);
  }
  let profile: ResolvedProfile;
  try {
    profile = context.registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const detail = 'no payer profile with this id (or an abstract one)';
    return failed(job, { code: 'unknown-payer', file: job.origin.label, path: 'coverage.payer', detail }, id);
  }
  const inputs: DocumentInputs = {
    recordSha256: sha256Hex(job.text),
    profileSha256: profileSha256(profile),
    profilesSha256: settings.profilesSha256,
    templatesSha256: settings.templatesSha256,
    tool: settings.tool,
    asOf: settings.asOf,
    allowDraft: settings.allowDraft,
  };
  if (!settings.force && job.candidates.length > 0) {
    const current = await upToDateEntries(settings.outDir, job.candidates, settings.formats, (entry) =>
      sameInputs(entry, inputs, 'resolved-profile'),
    );
    if (current)
      return { outcome: documentsOutcome('skipped', job.origin.label, settings.outDir, current), entries: [] };
  }
  const result = await renderRecord(record, {
    kind: settings.kind,
    formats: settings.formats,
    profile,
    templates: context.templates,
    asOf: settings.asOf,
    allowDraft: settings.allowDraft,
    audit: (r, p) => auditRecord(r, p, { asOf: settings.asOf }),
    renderers: context.renderers,
  });
  if (result.kind === 'refused') {
    const errors = result.findings.filter((f) => f.severity === 'error').map((f) => ({ rule: f.rule, path: f.path }));
    const hashes = { record: inputs.recordSha256, profile: inputs.profileSha256, templates: inputs.templatesSha256 };
    return { outcome: { status: 'refused', label: job.origin.label, id, errors, hashes }, entries: [] };
  }
  const entries: ManifestEntry[] = [];
  for (const output of result.outputs) {
    const file = path.join(settings.outDir, output.fileName);
    try {
      await writeFileAtomic(file, output.bytes);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const detail = typeof code === 'string' ? code : 'unknown error';
      return failed(job, { code: 'write-failed', file, detail }, id);
    }
    entries.push({
      ...inputs,
      id,
      kind: settings.kind,
      format: output.format,
      fileName: output.fileName,
      sha256: output.sha256,
      draft: result.draft,
    });
  }
  return { outcome: documentsOutcome('rendered', job.origin.label, settings.outDir, entries), entries };
}
