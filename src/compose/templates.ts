import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';
import { TEMPLATE_HELPERS } from './helpers.js';
import { lintTemplate, type TemplateProblem } from './template-lint.js';

/** The templates shipped with goldthread: `templates/` beside `src/` and `dist/`. */
export const BUILTIN_TEMPLATE_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

type Compiled = Handlebars.TemplateDelegate;

/**
 * A folder of templates compiled once: `<doc kind>/<section>.hbs` render document sections and
 * `partials/<name>.hbs` are partials any template may include. Compiled in strict mode (a missing
 * field is an error, not a blank) with only goldthread's helpers known.
 */
export interface TemplateSet {
  readonly dir: string;
  /** SHA-256 (hex) over every template's name and text: changes whenever any template does. */
  readonly sha256: string;
  /** Renders one template by name (`treatment-plan/diagnoses`) to markup, with partial overrides applied. */
  render(name: string, view: object, overrides?: Readonly<Record<string, string>>): string;
  has(name: string): boolean;
}

function listTemplates(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listTemplates(dir, rel));
    else if (entry.name.endsWith('.hbs')) out.push(rel.slice(0, -'.hbs'.length));
  }
  return out;
}

/** Reads every template under `dir` and checks it; the problems found, by file. */
export function lintTemplateDir(dir: string): { sources: Map<string, string>; problems: TemplateProblem[] } {
  const sources = new Map<string, string>();
  for (const name of listTemplates(dir)) sources.set(name, readFileSync(path.join(dir, `${name}.hbs`), 'utf8'));
  const partialNames = new Set(
    [...sources.keys()].filter((n) => n.startsWith('partials/')).map((n) => n.slice('partials/'.length)),
  );
  const problems = [...sources].flatMap(([name, source]) =>
    lintTemplate(source, path.join(dir, `${name}.hbs`), partialNames),
  );
  return { sources, problems };
}

/** Loads, checks and compiles every template under `dir`. Throws TemplateError when any breaks the rules. */
export function loadTemplateSet(dir: string = BUILTIN_TEMPLATE_DIR): TemplateSet {
  const { sources, problems } = lintTemplateDir(dir);
  if (problems.length > 0) throw new TemplateError(problems);
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(TEMPLATE_HELPERS)) env.registerHelper(name, helper);
  const options: CompileOptions = {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(TEMPLATE_HELPERS).map((name) => [name, true])),
    preventIndent: true,
  };
  const compiled = new Map<string, Compiled>();
  const partials: Record<string, Compiled> = {};
  for (const [name, source] of sources) {
    const template = env.compile(source, options);
    compiled.set(name, template);
    if (name.startsWith('partials/')) partials[name.slice('partials/'.length)] = template;
  }
  const runtime = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;
  const digest = createHash('sha256');
  for (const [name, source] of sources) digest.update(`${name}\u0000${source}\u0000`);
  return {
    dir,
    sha256: digest.digest('hex'),
    has: (name) => compiled.has(name),
    render(name, view, overrides = {}) {
      const [folder, base] = name.includes('/')
        ? [name.slice(0, name.lastIndexOf('/')), name.slice(name.lastIndexOf('/') + 1)]
        : ['', name];
      const replacement = overrides[base];
      const chosen = replacement && compiled.has(`${folder}/${replacement}`) ? `${folder}/${replacement}` : name;
      const template = compiled.get(chosen);
      if (!template) throw new Error(`internal: no template ${name} in ${dir}`);
      const effectivePartials: Record<string, Compiled> = { ...partials };
      for (const [from, to] of Object.entries(overrides)) {
        const target = partials[to];
        if (target) effectivePartials[from] = target;
      }
      return template(view, { ...runtime, partials: effectivePartials, helpers: {} });
    },
  };
}
