/**
 * The errors goldthread raises on purpose. Each carries a stable `code`; the CLI maps them to exit
 * codes and tells a user's mistake (exit 2) from an internal bug. None ever holds a field's value.
 */

/** Where in an input file something is: 1-based line and column, and the field path. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Record path in the contract's notation, e.g. `objectives[2].targetDate`; empty for the whole file. */
  readonly path: string;
}

/** Stable codes of load problems; tests assert on these, not on wording. */
export type LoadErrorCode =
  | 'read-failed'
  | 'too-large'
  | 'bad-encoding'
  | 'yaml-syntax'
  | 'duplicate-key'
  | 'multiple-documents'
  | 'alias'
  | 'anchor'
  | 'tag'
  | 'directive'
  | 'merge-key'
  | 'forbidden-key'
  | 'too-deep'
  | 'schema'
  | 'reference'
  | 'duplicate-id'
  | 'bad-text';

/** One located problem in an input file. */
export interface LoadIssue extends SourceLocation {
  readonly code: LoadErrorCode;
  /** What failed and what was expected, naming fields and never quoting the data. */
  readonly message: string;
}

/** An input that could not be read as a valid record or profile: one or more located issues. */
export class LoadError extends Error {
  override readonly name = 'LoadError';
  readonly issues: readonly LoadIssue[];

  constructor(issues: readonly LoadIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.issues = issues;
  }

  /** The first issue: the one a one-line report names. */
  get first(): LoadIssue {
    return this.issues[0] as LoadIssue;
  }
}

/** A command used wrongly: a bad flag, a missing argument, an unknown document kind. Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A request the input cannot satisfy: an unknown payer, a discharge summary with no discharge. Exit 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Templates that break goldthread's template rules; nothing is rendered with them. Exit 2. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  readonly problems: readonly { file: string; line: number; column: number; code: string; message: string }[];

  constructor(problems: TemplateError['problems']) {
    super(problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.code}: ${p.message}`).join('\n'));
    this.problems = problems;
  }
}

/** `file:line:column: path: message`, the one shape every load problem is printed in. */
export function formatIssue(issue: LoadIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path ? `${where}: ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}
