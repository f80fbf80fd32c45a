import {
  Composer,
  CST,
  type Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Parser,
  Scalar,
  YAMLParseError,
  type Node as YamlNode,
} from 'yaml';
import { LoadError, type LoadErrorCode, type LoadIssue } from '../errors.js';

/** A parsed input: plain values, plus where each path came from in the file. */
export interface LocatedValue {
  readonly file: string;
  readonly value: unknown;
  /** Line and column of the value at a path, or of its nearest ancestor that exists in the file. */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

/** How deeply mappings and sequences may nest. Real records nest about six levels. */
export const MAX_DEPTH = 64;

/** At most this many problems are reported per file: the first ones are what a user fixes first. */
export const MAX_ISSUES = 20;

/** Keys that could reach an object's prototype; refused wherever they appear. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Plain scalars YAML 1.2's core schema reads as null. */
const NULL_WORDS = new Set(['', '~', 'null', 'Null', 'NULL']);

/** What each of the yaml library's error codes means to a user, in our words (its own carry a source excerpt). */
const YAML_ERROR_TEXT: Readonly<Record<string, [LoadErrorCode, string]>> = {
  DUPLICATE_KEY: ['duplicate-key', 'a key appears twice in the same mapping; each key may appear once'],
  MULTIPLE_DOCS: ['multiple-documents', 'the file holds several YAML documents; a record file holds exactly one'],
  BAD_ALIAS: ['alias', 'aliases (*name) are not allowed; write the value out'],
  BAD_DIRECTIVE: ['directive', 'YAML directives (%YAML, %TAG) are not allowed'],
  TAB_AS_INDENT: ['yaml-syntax', 'a tab is used for indentation; indent with spaces'],
  BAD_INDENT: ['yaml-syntax', 'the indentation is inconsistent here'],
  MISSING_CHAR: ['yaml-syntax', 'a closing quote or bracket is missing'],
  BLOCK_AS_IMPLICIT_KEY: ['yaml-syntax', 'a nested block cannot be a key; is a colon misplaced?'],
  MULTILINE_IMPLICIT_KEY: ['yaml-syntax', 'a key runs over several lines; is a colon missing on the line before?'],
  UNEXPECTED_TOKEN: ['yaml-syntax', 'unexpected text here; check the indentation and the colons'],
  KEY_OVER_1024_CHARS: ['yaml-syntax', 'a key is longer than 1024 characters'],
};

type PathKey = string | number;

function offsetIssue(
  file: string,
  lines: LineCounter,
  offset: number,
  code: LoadErrorCode,
  message: string,
  path = '',
): LoadIssue {
  const { line, col } = lines.linePos(offset);
  return { file, line, column: col, path, code, message };
}

/** Formats a path the way the contracts write it: `objectives[2].measure.target`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** At most this many YAML tokens per file. A real record has a few thousand; the parser slows badly past this. */
export const MAX_TOKENS = 100_000;

/** Line starts found by scanning for newlines: cheap, and ready before anything is parsed. */
function countLines(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

/**
 * Refuses, from the lexer's tokens and before the parser builds anything, what would make parsing
 * slow or deep: directives, too many tokens, flow brackets or block levels nested past MAX_DEPTH.
 * The tokens are the parser's own, so quotes and comments cannot hide a bracket from this count.
 * Returns the lexemes, which the parser then reads instead of lexing the text a second time.
 */
function refuseHostileStructure(text: string, file: string, lines: LineCounter): string[] {
  const refuse = (offset: number, code: LoadErrorCode, message: string): never => {
    throw new LoadError([offsetIssue(file, lines, offset, code, message)]);
  };
  const tooDeep = `values nest more than ${MAX_DEPTH} levels deep`;
  let offset = 0;
  let lineStart = 0;
  let tokens = 0;
  let flowDepth = 0;
  let atScalar = false;
  let atLineStart = true;
  // Columns of the block nodes still open; a line's first node closes those at or right of it.
  const openColumns: number[] = [];
  let lineOpened = false;
  const openLevel = (column: number) => {
    if (!lineOpened) {
      while (openColumns.length > 0 && (openColumns.at(-1) as number) >= column) openColumns.pop();
      lineOpened = true;
    }
    openColumns.push(column);
    if (openColumns.length > MAX_DEPTH) refuse(lineStart + column, 'too-deep', tooDeep);
  };
  const lexemes: string[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    lexemes.push(lexeme);
    if (atScalar) {
      // The scalar's source follows its marker; it may span lines.
      atScalar = false;
      const newline = lexeme.lastIndexOf('\n');
      if (newline >= 0) lineStart = offset + newline + 1;
      offset += lexeme.length;
      continue;
    }
    const type = CST.tokenType(lexeme);
    // Markers the lexer adds that take no room in the text.
    if (type === 'doc-mode' || type === 'flow-error-end') continue;
    if (++tokens > MAX_TOKENS) {
      refuse(offset, 'too-large', `the file holds more than ${MAX_TOKENS} YAML tokens; a record holds a few thousand`);
    }
    if (type === 'directive-line') refuse(offset, 'directive', YAML_ERROR_TEXT.BAD_DIRECTIVE?.[1] ?? '');
    const inFlow = flowDepth > 0;
    if (type === 'flow-map-start' || type === 'flow-seq-start') {
      if (++flowDepth > MAX_DEPTH) refuse(offset, 'too-deep', tooDeep);
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      flowDepth = Math.max(0, flowDepth - 1);
    }
    if (type === 'newline') {
      atLineStart = true;
      lineOpened = false;
      lineStart = offset + lexeme.length;
    } else if (atLineStart && !inFlow && type !== 'space' && type !== 'comment') {
      // `- - x` opens three levels on one line: each indicator, then the node after them.
      openLevel(offset - lineStart);
      atLineStart = type === 'seq-item-ind' || type === 'explicit-key-ind' || type === 'map-value-ind';
    }
    if (type === 'scalar') atScalar = true;
    else offset += lexeme.length;
  }
  return lexemes;
}

/** How the loader has yaml compose a document: duplicate keys and the like are the walk's to report. */
export const PARSE_OPTIONS = {
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  strict: true,
  stringKeys: true,
  keepSourceTokens: false,
} as const;

/**
 * yaml's `parseDocument`, fed lexemes already read: the same parser and composer, the same
 * tokens, the same errors (a second document included), one lexing pass instead of two.
 * Exported for its test, which holds it to `parseDocument`.
 */
export function parseLexemes(
  lexemes: readonly string[],
  text: string,
  options: ConstructorParameters<typeof Composer>[0],
) {
  const parser = new Parser();
  function* tokens() {
    for (const lexeme of lexemes) yield* parser.next(lexeme);
    yield* parser.end();
  }
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(options).compose(tokens(), true, text.length)) {
    if (!doc) doc = next;
    else {
      const message = 'Source contains multiple documents; please use YAML.parseAllDocuments()';
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', message));
      break;
    }
  }
  return doc as Document.Parsed;
}

/**
 * Parses YAML (or JSON, which is read as YAML so its errors are located the same way) into plain
 * values. Plain scalars stay the text the user wrote (`0012345`, `90837`, `718-555-0142`); only
 * null words become null. The schema decides where text is read as a number or a boolean.
 */
export function parseLocated(text: string, file: string): LocatedValue {
  const lines = countLines(text);
  const lexemes = refuseHostileStructure(text, file, lines);

  let doc: Document.Parsed;
  try {
    doc = parseLexemes(lexemes, text, PARSE_OPTIONS);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new LoadError([offsetIssue(file, lines, 0, 'too-deep', 'values nest too deeply to read')]);
    }
    throw error;
  }
  const issues: LoadIssue[] = doc.errors.map((error) => {
    const [code, message] = YAML_ERROR_TEXT[error.code] ?? ['yaml-syntax', 'the YAML cannot be read here'];
    return offsetIssue(file, lines, error.pos[0], code, message);
  });
  if (issues.length > 0) throw new LoadError(issues.slice(0, MAX_ISSUES));

  const walkIssues: LoadIssue[] = [];
  // Problems name their path; building it only then keeps the walk from formatting one per node.
  const issue = (node: unknown, code: LoadErrorCode, message: string, at: PathLink) =>
    walkIssues.push(offsetIssue(file, lines, rangeStart(node), code, message, formatPath(pathOf(at))));
  const toValue = (node: unknown, at: PathLink, depth: number): unknown => {
    if (depth > MAX_DEPTH) {
      issue(node, 'too-deep', `values nest more than ${MAX_DEPTH} levels deep`, at);
      return null;
    }
    if (node === null || node === undefined) {
      return null;
    }
    if (isAlias(node)) {
      issue(node, 'alias', 'aliases (*name) are not allowed; write the value out', at);
      return null;
    }
    const yamlNode = node as YamlNode;
    if (yamlNode.anchor) issue(node, 'anchor', 'anchors (&name) are not allowed', at);
    if (yamlNode.tag) issue(node, 'tag', 'explicit or custom tags (!tag, !!type) are not allowed', at);
    if (isScalar(node)) return scalarValue(node);
    if (isSeq(node)) return node.items.map((item, index) => toValue(item, { up: at, key: index }, depth + 1));
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      // Duplicates are found here, in one pass: the yaml library's own check compares every pair.
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key;
        const key = mapKey(keyNode);
        if (isAlias(keyNode) || !isScalar(keyNode)) {
          issue(keyNode, 'yaml-syntax', 'keys must be plain text', at);
          continue;
        }
        if (key === '<<' && keyNode.type === Scalar.PLAIN) {
          issue(keyNode, 'merge-key', 'merge keys (<<) are not allowed; write the fields out', at);
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          issue(keyNode, 'forbidden-key', `the key "${key}" is not allowed`, at);
          continue;
        }
        if (seen.has(key)) {
          const [code, message] = YAML_ERROR_TEXT.DUPLICATE_KEY ?? ['duplicate-key', ''];
          issue(keyNode, code, message, at);
          continue;
        }
        seen.add(key);
        const value = toValue(pair.value, { up: at, key }, depth + 1);
        // `key:` with nothing after it, or `key: null`, means the field is absent.
        if (value === null) continue;
        // defineProperty: never a setter, whatever the key.
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return null;
  };
  const root = doc.contents;
  const value = toValue(root, null, 0);
  if (walkIssues.length > 0) throw new LoadError(walkIssues.slice(0, MAX_ISSUES));

  return {
    file,
    value,
    locate(path) {
      // A missing field is reported at its parent; an unknown key at the key itself. The walk
      // above refused aliases, duplicate and odd keys, so each path names at most one node.
      const found = nodesAlong(root, path);
      const last = found.at(-1);
      let offset: number | undefined;
      if (found.length === path.length + 1 && last?.keyNode) offset = rangeStart(last.keyNode);
      for (let n = found.length - 1; offset === undefined && n >= 0; n--) {
        const node = found[n]?.node;
        if (node !== null && node !== undefined) offset = rangeStart(node);
      }
      if (offset === undefined) return { line: 1, column: 1 };
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    },
  };
}

/** A path as the walk builds it: each step points at its parent, so no step copies the path. */
type PathLink = { readonly up: PathLink; readonly key: PathKey } | null;

function pathOf(at: PathLink): PathKey[] {
  const path: PathKey[] = [];
  for (let link = at; link; link = link.up) path.push(link.key);
  return path.reverse();
}

function mapKey(keyNode: unknown): string {
  return isScalar(keyNode) ? String(keyNode.value ?? '') : '';
}

/**
 * The nodes a path passes through, from the root, as far as the file has them: a string step
 * looks up a mapping's key (the first pair with it), a number step a sequence's item. Each entry
 * also holds the key node its value hangs from, when it hangs from one.
 */
function nodesAlong(root: unknown, path: readonly PropertyKey[]): { node: unknown; keyNode?: unknown }[] {
  const found: { node: unknown; keyNode?: unknown }[] = [{ node: root }];
  let node = root;
  for (const step of path) {
    if (typeof step === 'string' && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && mapKey(p.key) === step);
      if (!pair) break;
      found.push({ node: pair.value, keyNode: pair.key });
      node = pair.value;
    } else if (typeof step === 'number' && isSeq(node) && step >= 0 && step < node.items.length) {
      node = node.items[step];
      found.push({ node });
    } else break;
  }
  return found;
}

function rangeStart(node: unknown): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : 0;
}

function scalarValue(node: Scalar): unknown {
  if (node.type === Scalar.PLAIN) {
    const source = node.source ?? String(node.value ?? '');
    return NULL_WORDS.has(source) ? null : source;
  }
  // Quoted and block scalars are text, exactly as written.
  return typeof node.value === 'string' ? node.value : String(node.value ?? '');
}
