import path from 'node:path';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { isoDate } from '../model/scalars.js';
import type { ProfileExplanation } from '../payers/inheritance.js';
import { diffProfiles, formatDiff } from '../payers/profile-diff.js';
import { profileJsonSchemaText } from '../payers/profile-json-schema.js';
import { formatNote, lintProfiles } from '../payers/profile-lint.js';
import { formatShow, showJson } from '../payers/profile-show.js';
import { loadProfileRegistry, type ProfileRegistry } from '../payers/registry.js';
import type { CliIo, Command, ExitCode } from './io.js';

/** `goldthread profiles list | show | lint | diff | schema`: the consultants' view of payer profiles. */

const USAGE = `Usage:
  goldthread profiles list [--format text|json] [--profiles DIR]
  goldthread profiles show <profile> [--as-of DATE] [--format text|json] [--profiles DIR]
  goldthread profiles lint [files...] [--profiles DIR]
  goldthread profiles diff <profile> <profile> [--as-of DATE] [--format text|json] [--profiles DIR]
  goldthread profiles schema

A <profile> is an id (medicare), an id on a date (bcbs@2027-03-01: the version in effect then),
or a profile file (./acme.yaml). --as-of picks the version in effect on that date (default today).
`;

const OPTIONS = {
  profiles: { type: 'string' },
  format: { type: 'string' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { profiles?: string; format?: string; 'as-of'?: string; help?: boolean };

function parse(args: readonly string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : 'bad arguments'}\n\n${USAGE}`);
  }
}

function outputFormat(values: Values): 'text' | 'json' {
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be text or json');
  return format;
}

function asOf(values: Values, io: CliIo): string {
  const date = values['as-of'] ?? io.today;
  if (!isoDate().safeParse(date).success) throw new UsageError('--as-of must be a real date as YYYY-MM-DD');
  return date;
}

async function registryFor(values: Values, io: CliIo): Promise<ProfileRegistry> {
  return loadProfileRegistry(
    values.profiles === undefined ? { cwd: io.cwd } : { userDir: path.resolve(io.cwd, values.profiles), cwd: io.cwd },
  );
}

const looksLikeFile = (arg: string) => /[/\\]/.test(arg) || /\.ya?ml$/.test(arg);

/** Explains a profile named by id, by `id@date`, or by file. */
async function explainArgument(
  arg: string,
  registry: ProfileRegistry,
  values: Values,
  io: CliIo,
): Promise<ProfileExplanation> {
  if (looksLikeFile(arg)) {
    const date = values['as-of'] === undefined ? undefined : asOf(values, io);
    return registry.explainFile(path.resolve(io.cwd, arg), date);
  }
  const dated = /^([a-z0-9-]+)@(.+)$/.exec(arg);
  if (dated) {
    const [, id, date] = dated as unknown as [string, string, string];
    if (!isoDate().safeParse(date).success)
      throw new UsageError(`${arg}: the date after @ must be a real date as YYYY-MM-DD`);
    return registry.explain(id, date);
  }
  return registry.explain(arg, asOf(values, io));
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

async function list(values: Values, io: CliIo): Promise<ExitCode> {
  const rows = (await registryFor(values, io)).list();
  if (outputFormat(values) === 'json') {
    io.stdout.write(json(rows));
    return 0;
  }
  const table = [
    ['ID', 'NAME', 'EFFECTIVE', 'EXTENDS', 'SOURCES', 'FILE'],
    ...rows.map((r) => [
      r.abstract ? `${r.id} (abstract)` : r.id,
      r.name,
      r.effective,
      r.extends ?? '-',
      String(r.sourceCount),
      r.file,
    ]),
  ];
  const widths = table[0]?.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length))) ?? [];
  for (const row of table)
    io.stdout.write(
      `${row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd()}\n`,
    );
  return 0;
}

async function show(positionals: readonly string[], values: Values, io: CliIo): Promise<ExitCode> {
  if (positionals.length !== 1) throw new UsageError(`profiles show takes one profile\n\n${USAGE}`);
  const explanation = await explainArgument(positionals[0] as string, await registryFor(values, io), values, io);
  io.stdout.write(outputFormat(values) === 'json' ? json(showJson(explanation)) : formatShow(explanation));
  return 0;
}

async function diff(positionals: readonly string[], values: Values, io: CliIo): Promise<ExitCode> {
  if (positionals.length !== 2) throw new UsageError(`profiles diff takes two profiles\n\n${USAGE}`);
  const registry = await registryFor(values, io);
  const a = await explainArgument(positionals[0] as string, registry, values, io);
  const b = await explainArgument(positionals[1] as string, registry, values, io);
  const changes = diffProfiles(a, b);
  if (outputFormat(values) === 'json') {
    const name = (p: ProfileExplanation) => ({ id: p.id, effective: p.effective, origin: p.origin });
    io.stdout.write(json({ from: name(a), to: name(b), changes }));
  } else {
    io.stdout.write(formatDiff(a, b, changes));
  }
  return 0;
}

async function lint(positionals: readonly string[], values: Values, io: CliIo): Promise<ExitCode> {
  const files = await lintProfiles({
    files: positionals,
    cwd: io.cwd,
    ...(values.profiles === undefined ? {} : { userDir: path.resolve(io.cwd, values.profiles) }),
  });
  let errors = 0;
  let warnings = 0;
  for (const { file, notes } of files) {
    if (notes.length === 0) io.stdout.write(`${file}: ok\n`);
    for (const note of notes) {
      if (note.severity === 'error') errors++;
      else warnings++;
      io.stdout.write(`${formatNote(note)}\n`);
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.stderr.write(
    `${plural(files.length, 'profile')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`,
  );
  return errors > 0 ? 1 : 0;
}

/** The `profiles` command. */
export const profiles: Command = async (args, io) => {
  const [sub, ...rest] = args;
  const { values, positionals } = parse(rest);
  if (values.help || sub === undefined || sub === 'help' || sub === '--help' || sub === '-h') {
    io.stdout.write(USAGE);
    return sub === undefined ? 2 : 0;
  }
  switch (sub) {
    case 'list':
      return list(values, io);
    case 'show':
      return show(positionals, values, io);
    case 'lint':
      return lint(positionals, values, io);
    case 'diff':
      return diff(positionals, values, io);
    case 'schema':
      io.stdout.write(profileJsonSchemaText());
      return 0;
    default:
      throw new UsageError(`unknown profiles command "${sub}"\n\n${USAGE}`);
  }
};
