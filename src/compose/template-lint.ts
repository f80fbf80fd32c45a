import Handlebars from 'handlebars';
import { BUILTIN_HELPERS, TEMPLATE_HELPERS } from './helpers.js';

/** A template construct goldthread refuses, located in its file. */
export interface TemplateProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code:
    | 'syntax'
    | 'unknown-helper'
    | 'decorator'
    | 'dynamic-partial'
    | 'partial-block'
    | 'unknown-partial'
    | 'prototype-path'
    | 'unescaped-output';
  readonly message: string;
}

const KNOWN_HELPERS: ReadonlySet<string> = new Set([...BUILTIN_HELPERS, ...Object.keys(TEMPLATE_HELPERS)]);
const PROTOTYPE_NAMES = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

/**
 * Our own partials allowed to write unescaped output. Empty: nothing goldthread ships needs it,
 * and a template from outside the practice never gets it.
 */
export const UNESCAPED_ALLOWLIST: ReadonlySet<string> = new Set();

type AstNode = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };

/**
 * Checks one template's source: only known helpers, no decorators, only static partials that
 * exist (and no @partial-block), no path through the prototype, no unescaped output outside the
 * allowlist. Every value must come out escaped, so a record's text can never become markup.
 */
export function lintTemplate(source: string, file: string, partialNames: ReadonlySet<string>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const at = (node: AstNode | undefined, code: TemplateProblem['code'], message: string) =>
    problems.push({
      file,
      line: node?.loc?.start.line ?? 1,
      column: (node?.loc?.start.column ?? 0) + 1,
      code,
      message,
    });

  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
  } catch (error) {
    const match = /line (\d+)/.exec(error instanceof Error ? error.message : '');
    problems.push({
      file,
      line: match ? Number(match[1]) : 1,
      column: 1,
      code: 'syntax',
      message: 'the template cannot be parsed',
    });
    return problems;
  }
  const partialName = file.replace(/^.*partials\//, '').replace(/\.hbs$/, '');

  const checkPath = (node: AstNode) => {
    if (node.type === 'PathExpression') {
      const path = node as hbs.AST.PathExpression;
      if (path.parts.some((part) => PROTOTYPE_NAMES.has(part)) || PROTOTYPE_NAMES.has(path.original)) {
        at(node, 'prototype-path', `the path "${path.original}" reaches an object's prototype`);
      }
    } else if (node.type === 'StringLiteral' && PROTOTYPE_NAMES.has((node as hbs.AST.StringLiteral).value)) {
      at(node, 'prototype-path', 'a string names a prototype property');
    } else if (node.type === 'SubExpression') {
      const sub = node as hbs.AST.SubExpression;
      checkHelper(sub.path, true);
      for (const param of sub.params) checkPath(param as AstNode);
      for (const pair of sub.hash?.pairs ?? []) checkPath(pair.value as AstNode);
    }
  };
  const checkHelper = (path: hbs.AST.PathExpression | hbs.AST.Literal, isCall: boolean) => {
    checkPath(path as AstNode);
    if (!isCall) return;
    const name =
      path.type === 'PathExpression'
        ? (path as hbs.AST.PathExpression).original
        : String((path as hbs.AST.StringLiteral).value);
    if (!KNOWN_HELPERS.has(name))
      at(
        path as AstNode,
        'unknown-helper',
        `"${name}" is not a known helper (known: ${[...KNOWN_HELPERS].join(', ')})`,
      );
  };

  const visit = (node: AstNode | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) visit(child as AstNode);
        return;
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        if (!m.escaped && !UNESCAPED_ALLOWLIST.has(partialName))
          at(node, 'unescaped-output', 'unescaped output ({{{ }}} or {{& }}) is not allowed');
        const isCall =
          m.params.length > 0 ||
          (m.hash?.pairs.length ?? 0) > 0 ||
          (m.path.type === 'PathExpression' && KNOWN_HELPERS.has((m.path as hbs.AST.PathExpression).original));
        checkHelper(m.path as hbs.AST.PathExpression, isCall);
        for (const p of m.params) checkPath(p as AstNode);
        for (const pair of m.hash?.pairs ?? []) checkPath(pair.value as AstNode);
        return;
      }
      case 'BlockStatement': {
        const b = node as hbs.AST.BlockStatement;
        checkHelper(b.path as hbs.AST.PathExpression, true);
        for (const p of b.params) checkPath(p as AstNode);
        for (const pair of b.hash?.pairs ?? []) checkPath(pair.value as AstNode);
        visit(b.program as AstNode);
        visit(b.inverse as AstNode);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const p = node as hbs.AST.PartialStatement;
        if (node.type === 'PartialBlockStatement')
          at(node, 'partial-block', 'partial blocks ({{#> }}) are not allowed');
        if (p.name.type !== 'PathExpression') {
          at(node, 'dynamic-partial', 'a partial must be named literally, not computed');
        } else {
          const name = (p.name as hbs.AST.PathExpression).original;
          if (name === '@partial-block') at(node, 'partial-block', '@partial-block is not allowed');
          else if (!partialNames.has(name)) at(node, 'unknown-partial', `no partial named "${name}" in partials/`);
        }
        for (const param of p.params) checkPath(param as AstNode);
        for (const pair of p.hash?.pairs ?? []) checkPath(pair.value as AstNode);
        return;
      }
      case 'Decorator':
      case 'DecoratorBlock':
        at(node, 'decorator', 'decorators ({{* }}) are not allowed');
        return;
      default:
        return;
    }
  };
  visit(ast as AstNode);
  return problems;
}
