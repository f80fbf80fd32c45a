import path from 'node:path';
import { auditRecord } from '../audit/audit.js';
import { loadTemplateSet } from '../compose/templates.js';
import { InputError, LoadError, UsageError } from '../errors.js';
import { expandInputs } from '../load/inputs.js';
import type { LinkedRecord } from '../model/linked.js';
import { loadRenderers } from '../pipeline/renderers.js';
import { renderRecord } from '../pipeline/render-record.js';
import { loadProfileRegistry } from '../payers/registry.js';
import { writeFileAtomic } from '../render/write-output.js';
import type { Command, ExitCode } from './io.js';
import { parseAsOf, parseCommandArgs, parseDocKind, parseFormats } from './options.js';

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
  });
  if (positionals.length === 0)
    throw new UsageError('render needs at least one input (a record file, folder, .ndjson or -)');
  const kind = parseDocKind(values.doc);
  const formats = parseFormats(values.format);
  const asOf = parseAsOf(values['as-of'], io.today);
  const outDir = path.resolve(io.cwd, values.out ?? 'out');
  const registry = await loadProfileRegistry(values.profiles ? { userDir: path.resolve(io.cwd, values.profiles) } : {});
  const templates = loadTemplateSet();
  const renderers = await loadRenderers(formats);
  const sources = await expandInputs(positionals, { cwd: io.cwd, readStdin: io.readStdin });

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
      if (result.kind === 'refused') {
        const errors = result.findings.filter((f) => f.severity === 'error');
        io.stderr.write(
          `${source.label}: not rendered: the audit found ${errors.length} error(s); fix them or pass --allow-draft\n`,
        );
        for (const f of errors) io.stderr.write(`  ${f.rule} ${f.path} - ${f.message}\n`);
        worsen(1);
        continue;
      }
      for (const output of result.outputs) {
        const file = path.join(outDir, output.fileName);
        await writeFileAtomic(file, output.bytes);
        io.stdout.write(`${path.relative(io.cwd, file) || file}  sha256:${output.sha256}\n`);
      }
      if (result.draft)
        io.stderr.write(`${source.label}: rendered as a DRAFT (audit errors); not ready for signature\n`);
    } catch (error) {
      if (error instanceof InputError) {
        io.stderr.write(`${source.label}: ${error.message}\n`);
        worsen(2);
        continue;
      }
      throw error;
    }
  }
  return exit;
};
