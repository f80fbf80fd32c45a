import { describe, expect, it } from 'vitest';
import { readWordXml } from './word-xml.js';

/** A one-paragraph document around a run's inner XML. */
const doc = (run: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="x"><w:body><w:p><w:r>${run}</w:r></w:p></w:body></w:document>`;

describe('the strict DOCX XML reader the hardening tests rely on', () => {
  it('reads a paragraph as a reader sees it: text, tabs, breaks, entities', () => {
    const reading = readWordXml(
      doc(
        '<w:t xml:space="preserve">a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos;</w:t><w:tab/><w:t>e</w:t><w:br/><w:t>&#x1F642;&#233;</w:t>',
      ),
    );
    expect(reading.problems).toEqual([]);
    expect(reading.paragraphs).toEqual(['a <b> & "c" \'d\'\te\n🙂é']);
  });

  it('reads a raw line break inside w:t as the space Word shows, not as a break', () => {
    expect(readWordXml(doc('<w:t>a\nb</w:t>')).paragraphs).toEqual(['a b']);
  });

  it.each([
    ['a raw "<" in text', doc('<w:t>a < b</w:t>')],
    ['a bare "&"', doc('<w:t>a & b</w:t>')],
    ['an unknown entity', doc('<w:t>&nbsp;</w:t>')],
    ['a control character', doc('<w:t>a\u0001b</w:t>')],
    ['U+FFFE', doc('<w:t>a\ufffeb</w:t>')],
    ['a lone surrogate', doc('<w:t>a\ud800b</w:t>')],
    ['a reference to a forbidden character', doc('<w:t>&#x1B;</w:t>')],
    ['an unclosed element', doc('<w:t>a')],
    ['a mismatched close', doc('<w:t>a</w:r></w:t>')],
    ['an unquoted attribute', doc('<w:t xml:space=preserve>a</w:t>')],
    ['a repeated attribute', doc('<w:t a="1" a="2">a</w:t>')],
    ['text outside w:t', doc('stray<w:t>a</w:t>')],
  ])('flags %s', (_name, xml) => {
    expect(readWordXml(xml).problems.length).toBeGreaterThan(0);
  });
});
