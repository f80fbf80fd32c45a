import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { lintTemplate } from '../../src/compose/template-lint.js';
import { BUILTIN_TEMPLATE_DIR, lintTemplateDir, loadTemplateSet } from '../../src/compose/templates.js';
import { TemplateError } from '../../src/errors.js';

const partials = new Set(['signatures']);
const codes = (source: string) => lintTemplate(source, 't.hbs', partials).map((p) => `${p.code}@${p.line}:${p.column}`);

describe('template rules', () => {
  it.each([
    ['{{{raw}}}', 'unescaped-output@1:1'],
    ['x\n{{& raw}}', 'unescaped-output@2:1'],
    ['{{shout name}}', 'unknown-helper@1:3'],
    ['{{log name}}', 'unknown-helper@1:3'],
    ['{{#custom}}x{{/custom}}', 'unknown-helper@1:4'],
    ['{{* decorate}}', 'decorator@1:1'],
    ['{{#* inline "x"}}y{{/inline}}', 'decorator@1:1'],
    ['{{> (pick)}}', 'dynamic-partial@1:1'],
    ['{{#> signatures}}x{{/signatures}}', 'partial-block@1:1'],
    ['{{> @partial-block}}', 'partial-block@1:1'],
    ['{{> nowhere}}', 'unknown-partial@1:1'],
    ['{{constructor}}', 'prototype-path@1:3'],
    ['{{a.__proto__.b}}', 'prototype-path@1:3'],
    ['{{#with prototype}}x{{/with}}', 'prototype-path@1:9'],
    ['{{#if (join "constructor")}}x{{/if}}', 'prototype-path@1:13'],
    ['{{', 'syntax@1:1'],
  ])('refuses %s', (source, expected) => {
    expect(codes(source)).toContain(expected);
  });

  it('accepts escaped output, known helpers, static partials', () => {
    expect(codes('{{name}} {{formatDate d}} {{#each xs}}{{this}}{{/each}} {{#if a}}{{> signatures}}{{/if}}')).toEqual(
      [],
    );
  });

  it('passes on every built-in template', () => {
    expect(lintTemplateDir(BUILTIN_TEMPLATE_DIR).problems).toEqual([]);
  });

  it('refuses to load a template folder that breaks the rules', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gt-templates-'));
    mkdirSync(path.join(dir, 'treatment-plan'));
    writeFileSync(path.join(dir, 'treatment-plan', 'diagnoses.hbs'), '<p>{{{summary}}}</p>');
    expect(() => loadTemplateSet(dir)).toThrow(TemplateError);
  });

  it('compiles in strict mode: a missing field is an error, not a blank', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gt-templates-'));
    mkdirSync(path.join(dir, 'treatment-plan'));
    writeFileSync(path.join(dir, 'treatment-plan', 'x.hbs'), '<p>{{missing.field}}</p>');
    const set = loadTemplateSet(dir);
    expect(() => set.render('treatment-plan/x', {})).toThrow(/not defined/);
  });

  it('never reaches the prototype at run time (Handlebars 4.7.9+ defaults kept)', () => {
    const [major, minor, patch] = Handlebars.VERSION.split('.').map(Number) as [number, number, number];
    expect(major * 10_000 + minor * 100 + patch).toBeGreaterThanOrEqual(40_709);
    const dir = mkdtempSync(path.join(tmpdir(), 'gt-templates-'));
    mkdirSync(path.join(dir, 'treatment-plan'));
    writeFileSync(path.join(dir, 'treatment-plan', 'x.hbs'), '<p>{{#with obj}}{{name}}{{/with}}</p>');
    class WithProto {
      get name() {
        return 'from prototype';
      }
    }
    const set = loadTemplateSet(dir);
    const warn = console.error;
    console.error = () => undefined; // Handlebars logs each denied access; the denial is what is tested.
    try {
      let output = '';
      try {
        output = set.render('treatment-plan/x', { obj: new WithProto() });
      } catch {
        output = '';
      }
      expect(output).not.toContain('from prototype');
    } finally {
      console.error = warn;
    }
  });
});
