import path from 'node:path';
import { auditRecord } from '../audit/audit.js';
import { formatFindings } from '../audit/report.js';
import { loadTemplateSet } from '../compose/templates.js';
import { InputError, LoadError, UsageError } from '../errors.js';
import { expandInputs } from '../load/inputs.js';
import { describeFsError } from '../load/source.js';
import type { LinkedRecord } from '../model/linked.js';
import { loadProfileRegistry } from '../payers/registry.js';
import { appendTrail, checkTrailWritable, profileSha256, type TrailEntry } from '../pipeline/audit-trail.js';
import { type RenderedOutput, renderRecord } from '../pipeline/render-record.js';
import { loadRenderers } from '../pipeline/renderers.js';
import { unshowableFields } from '../render/pdf/glyph-coverage.js';
import { writeFileAtomic } from '../render/write-output.js';
import { toolVersion } from '../version.js';
import type { CliIo, Command, ExitCode } from './io.js';
import { parseAsOf, parseCommandArgs, parseDocKind, parseFormats } from './options.js';

/**
 * Writes a record's outputs atomically, printing each with its hash. A file-system failure (a
 * read-only or full disk, a path through a file) is returned for the caller to report per record.
 */
async function writeOutputs(
  outputs: readonly RenderedOutput[],
  outDir: string,
  io: CliIo,
): Promise<{ ok: true } | { ok: false; file: string; code: string }> {
  for (const output of outputs) {
    const file = path.join(outDir, output.fileName);
    const shown = path.relative(io.cwd, file) || file;
    try {
      await writeFileAtomic(file, output.bytes);
    } catch (error) {
      if (typeof (error as { code?: unknown } | null)?.code !== 'string') throw error;
      return { ok: false, file: shown, code: describeFsError(error) };
    }
    io.stdout.write(`${shown}  sha256:${output.sha256}\n`);
  }
  return { ok: true };
}

/** Names (by path and count, never content) the fields whose characters the PDF cannot draw. */
function warnUnshowable(record: LinkedRecord, label: string, io: CliIo): void {
  for (const { path: at, count } of unshowableFields(record.data)) {
    io.stderr.write(
      `${label}: warning: ${at} has ${count} character(s) the PDF's font cannot show (a script other than Latin, Greek or Cyrillic, or emoji); they print as empty boxes in the PDF, which is then not marked PDF/A; the DOCX and HTML show them\n`,
    );
  }
}

/**
 * `goldthread render <inputs>...`: audit each record, then compose and render it. A record with
 * audit errors is refused (exit 1) unless --allow-draft; a record that cannot be loaded writes
 * nothing (exit 2). Each written file is printed with its SHA-256 on standard output.
 */
export const render: Command = async (args, io) => {
  const { values, positionals } = parseCommandArgs(args, {
    doc: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    'as-of': { type: 'string' },
    profiles: { type: 'string' },
    'allow-draft': { type: 'boolean' },
    'audit-log': { type: 'string' },
  });
  if (positionals.length === 0)
    throw new UsageError('render needs at least one input (a record file, folder, .ndjson or -)');
  const kind = parseDocKind(values.doc);
  const formats = parseFormats(values.format);
  const asOf = parseAsOf(values['as-of'], io.today);
  const outDir = path.resolve(io.cwd, values.out ?? 'out');
  const registry = await loadProfileRegistry({
    cwd: io.cwd,
    ...(values.profiles ? { userDir: path.resolve(io.cwd, values.profiles) } : {}),
  });
  const templates = loadTemplateSet();
  const renderers = await loadRenderers(formats);
  const sources = await expandInputs(positionals, { cwd: io.cwd, readStdin: io.readStdin });
  const trailFile = values['audit-log'] ? path.resolve(io.cwd, values['audit-log']) : undefined;
  // A trail that cannot be written must stop the run before any document exists without its entry.
  if (trailFile) await checkTrailWritable(trailFile, values['audit-log'] ?? '');
  const version = await toolVersion();
  type TrailFacts = Omit<TrailEntry, 'time' | 'tool' | 'version' | 'command' | 'document' | 'sha256'> & {
    sha256: Omit<TrailEntry['sha256'], 'templates'>;
  };
  const trail = async (entry: TrailFacts) => {
    if (!trailFile) return;
    await appendTrail(trailFile, {
      time: new Date().toISOString(),
      tool: 'goldthread',
      version,
      command: 'render',
      document: kind,
      ...entry,
      sha256: { ...entry.sha256, templates: templates.sha256 },
    });
  };

  let exit: ExitCode = 0;
  const worsen = (code: ExitCode) => {
    if (code > exit) exit = code;
  };
  for (const source of sources) {
    let record: LinkedRecord;
    try {
      record = await source.load();
    } catch (error) {
      if (!(error instanceof LoadError)) throw error;
      io.stderr.write(`${error.message}\n`);
      const { code, line, column, path: at } = error.first;
      await trail({
        record: null,
        input: source.label,
        result: 'failed',
        profile: null,
        sha256: { record: null, profile: null, outputs: {} },
        reason: { code, line, column, path: at },
      });
      worsen(2);
      continue;
    }
    try {
      if (kind === 'discharge-summary' && !record.data.discharge) {
        throw new InputError(`record ${record.data.id} has no discharge; a discharge summary needs one`);
      }
      const profile = registry.resolve(record.data.coverage.payer, record.data.plan.effectiveDate);
      const result = await renderRecord(record, {
        kind,
        formats,
        profile,
        templates,
        asOf,
        allowDraft: values['allow-draft'] === true,
        audit: (r, p) => auditRecord(r, p, { asOf }),
        renderers,
      });
      const hashes = { record: record.sha256, profile: profileSha256(profile) };
      const profileRef = { id: profile.id, effective: profile.effective };
      if (result.kind === 'refused') {
        const errors = result.findings.filter((f) => f.severity === 'error');
        await trail({
          record: record.data.id,
          input: source.label,
          result: 'refused',
          profile: profileRef,
          sha256: { ...hashes, outputs: {} },
          reason: { rules: [...new Set(errors.map((f) => f.rule))] },
        });
        io.stderr.write(
          `${source.label}: not rendered: the audit found ${errors.length} error(s); fix them or pass --allow-draft\n`,
        );
        io.stderr.write(formatFindings(source.label, errors));
        worsen(1);
        continue;
      }
      if (formats.includes('pdf')) warnUnshowable(record, source.label, io);
      const written = await writeOutputs(result.outputs, outDir, io);
      if (!written.ok) {
        io.stderr.write(`${source.label}: could not write ${written.file} (${written.code})\n`);
        await trail({
          record: record.data.id,
          input: source.label,
          result: 'failed',
          profile: profileRef,
          sha256: { ...hashes, outputs: {} },
          reason: { code: 'write-failed' },
        });
        worsen(2);
        continue;
      }
      await trail({
        record: record.data.id,
        input: source.label,
        result: result.draft ? 'draft' : 'rendered',
        profile: profileRef,
        sha256: { ...hashes, outputs: Object.fromEntries(result.outputs.map((o) => [o.fileName, o.sha256])) },
      });
      if (result.draft)
        io.stderr.write(`${source.label}: rendered as a DRAFT (audit errors); not ready for signature\n`);
    } catch (error) {
      if (error instanceof InputError) {
        io.stderr.write(`${source.label}: ${error.message}\n`);
        await trail({
          record: record.data.id,
          input: source.label,
          result: 'failed',
          profile: null,
          sha256: { record: record.sha256, profile: null, outputs: {} },
          reason: { code: 'input' },
        });
        worsen(2);
        continue;
      }
      throw error;
    }
  }
  return exit;
};
