import { InputError, LoadError, TemplateError, UsageError } from '../errors.js';
import { toolVersion } from '../version.js';
import type { CliIo, Command, ExitCode } from './io.js';

/** Each command loads lazily, so `goldthread --help` never pays for pdfmake or docx. */
const COMMANDS: Readonly<Record<string, { summary: string; load: () => Promise<Command> }>> = {
  render: {
    summary: 'compose and render documents for records',
    load: async () => (await import('./cmd-render.js')).render,
  },
  audit: {
    summary: 'audit records against their payer rules',
    load: async () => (await import('./cmd-audit.js')).audit,
  },
  batch: {
    summary: 'render many records in parallel, with a report',
    load: async () => (await import('./cmd-batch.js')).batch,
  },
  profiles: {
    summary: 'list, show, lint, diff payer profiles; print their schema',
    load: async () => (await import('./cmd-profiles.js')).profiles,
  },
  due: { summary: 'list records whose plan review is due', load: async () => (await import('./cmd-due.js')).due },
  sign: {
    summary: 'sign one signature field of a rendered PDF',
    load: async () => (await import('./cmd-sign.js')).sign,
  },
  templates: { summary: 'lint templates', load: async () => (await import('./cmd-templates.js')).templates },
  schema: { summary: 'print the JSON Schema of a record', load: async () => (await import('./cmd-schema.js')).schema },
};

export const USAGE = `goldthread: payer-ready treatment plans, reviews and discharge summaries from patient records

Usage:
  goldthread render <inputs>... [--doc KIND] [--format LIST] [--out DIR] [--as-of DATE]
                                [--profiles DIR] [--allow-draft]
  goldthread audit  <inputs>... [--format text|json] [--as-of DATE] [--profiles DIR] [--rules]
  goldthread batch  <inputs>... --out DIR [--doc KIND] [--format LIST] [--jobs N] [--report FILE]
  goldthread due    <inputs>... [--as-of DATE] [--within DAYS] [--format text|json|csv]
  goldthread profiles list | show <id> | lint [files...] | diff <a> <b> | schema
  goldthread templates lint [dir]
  goldthread schema record
  goldthread sign <pdf> --p12 FILE --field ROLE [--out FILE] [--reason TEXT] [--location TEXT]
                  (the passphrase comes from GOLDTHREAD_P12_PASSPHRASE or a prompt, never the command line)

Inputs: record files (.yaml, .yml, .json), folders (searched recursively), .ndjson files, or - for stdin.
Documents: --doc treatment-plan (default) | plan-review | discharge-summary
Formats:   --format pdf,docx (default) | any of pdf, docx, html

Exit status: 0 success, 1 the work ran but found errors, 2 the command could not run.
`;

/** Runs one goldthread command line. Never throws: every failure becomes a message and an exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${await toolVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr.write(`goldthread: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** Maps an error to its message and exit code: a user's mistake is exit 2; anything else is a bug. */
export function reportFailure(error: unknown, io: CliIo): ExitCode {
  if (error instanceof LoadError) {
    io.stderr.write(`${error.message}\n`);
    return 2;
  }
  if (error instanceof TemplateError) {
    io.stderr.write(`goldthread: the templates break goldthread's template rules:\n${error.message}\n`);
    return 2;
  }
  if (error instanceof UsageError || error instanceof InputError) {
    io.stderr.write(`goldthread: ${error.message}\n`);
    return 2;
  }
  // An internal error: say so, with its type only (a message could carry data from a record).
  const kind = error instanceof Error ? error.name : typeof error;
  io.stderr.write(`goldthread: internal error (${kind}); this is a bug in goldthread, please report it\n`);
  if (io.env.GOLDTHREAD_DEBUG === '1' && error instanceof Error) io.stderr.write(`${error.stack ?? ''}\n`);
  return 2;
}
