import { stat } from 'node:fs/promises';
import path from 'node:path';
import { BUILTIN_TEMPLATE_DIR, lintTemplateDir } from '../compose/templates.js';
import { UsageError } from '../errors.js';
import type { Command } from './io.js';

/**
 * `goldthread templates lint [dir]`: checks every .hbs under the folder (default: the built-in
 * templates) against the rules templates load under. Exit 1 when any template breaks them.
 */
export const templates: Command = async (args, io) => {
  const [verb, dirArg, ...rest] = args;
  if (verb !== 'lint' || rest.length > 0) throw new UsageError('usage: goldthread templates lint [dir]');
  const dir = dirArg ? path.resolve(io.cwd, dirArg) : BUILTIN_TEMPLATE_DIR;
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw new UsageError(`${dirArg} is not a folder`);
  const { sources, problems } = lintTemplateDir(dir);
  for (const p of problems)
    io.stdout.write(`${path.relative(io.cwd, p.file) || p.file}:${p.line}:${p.column}: ${p.code}: ${p.message}\n`);
  io.stderr.write(`${sources.size} template(s) checked, ${problems.length} problem(s)\n`);
  return problems.length > 0 ? 1 : 0;
};
