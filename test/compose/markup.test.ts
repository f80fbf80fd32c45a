import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { MarkupError, parseBlocks } from '../../src/compose/markup.js';

const fill = (template: string, view: object) => Handlebars.compile(template, { strict: true })(view);

describe('markup parser', () => {
  it('turns escaped values back into literal text, whatever characters they hold', () => {
    const hostile = '<b>not bold</b> & </p><notice tone="draft">x</notice> {{x}} "quoted" \'single\' `tick` a=b';
    const blocks = parseBlocks(fill('<p>{{value}}</p>', { value: hostile }), [], 't.hbs');
    expect(blocks).toEqual([{ kind: 'paragraph', content: [{ text: hostile }] }]);
  });

  it('keeps a value’s own line breaks and inner spacing, trimming only the template layout', () => {
    const blocks = parseBlocks(fill('<p>\n  {{value}}\n</p>', { value: 'line one\n  line two' }), [], 't.hbs');
    expect(blocks).toEqual([{ kind: 'paragraph', content: [{ text: 'line one\n  line two' }] }]);
  });

  it('builds tables whose rows match their columns', () => {
    const blocks = parseBlocks(
      '<table><col width="2" align="right">A</col><col>B</col><row><cell><b>1</b></cell><cell>2</cell></row></table>',
      [],
      't.hbs',
    );
    expect(blocks).toEqual([
      {
        kind: 'table',
        columns: [
          { header: 'A', width: 2, align: 'right' },
          { header: 'B', width: 1 },
        ],
        rows: [[[{ text: '1', bold: true }], [{ text: '2' }]]],
      },
    ]);
    expect(() =>
      parseBlocks('<table><col>A</col><row><cell>1</cell><cell>2</cell></row></table>', [], 't.hbs'),
    ).toThrow(/2 cells for 1 columns/);
  });

  it('refuses unknown elements, unclosed elements, bare ampersands and text outside blocks', () => {
    expect(() => parseBlocks('<script>x</script>', [], 't.hbs')).toThrow(MarkupError);
    expect(() => parseBlocks('<p>x', [], 't.hbs')).toThrow(/never closed/);
    expect(() => parseBlocks('<p>a & b</p>', [], 't.hbs')).toThrow(/bare "&"/);
    expect(() => parseBlocks('loose text', [], 't.hbs')).toThrow(/outside a block/);
  });

  it('reads signers, fields, lists, notices and chart references', () => {
    const chart = { title: 'PHQ-9', instrument: 'PHQ-9', min: 0, max: 27, bands: [], points: [] };
    const blocks = parseBlocks(
      '<fields><field label="Name">Zoë</field></fields><list ordered="true"><item>one</item></list>' +
        '<notice tone="warning">careful</notice><chart ref="0"/>' +
        '<signatures><signer role="clinician" label="Treating clinician" name="Alex" credentials="LCSW" signed-on=""/></signatures>',
      [chart],
      't.hbs',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['fields', 'list', 'notice', 'chart', 'signatures']);
    expect(blocks[4]).toEqual({
      kind: 'signatures',
      signers: [{ role: 'clinician', roleLabel: 'Treating clinician', name: 'Alex', credentials: 'LCSW' }],
    });
    expect(() => parseBlocks('<chart ref="3"/>', [chart], 't.hbs')).toThrow(/names no chart/);
  });
});
