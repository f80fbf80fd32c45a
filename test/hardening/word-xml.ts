/**
 * A strict reader for the XML parts of a .docx: it checks well-formedness (balanced tags, quoted
 * attributes, known entities, only characters XML 1.0 allows) and collects the text of each
 * paragraph as Word shows it (`w:t` text, `w:tab` as a tab, `w:br` as a newline; a raw line
 * break inside `w:t` is a space).
 */

/** What reading a part found: its problems (none when well-formed) and its paragraphs' text. */
export interface WordXmlReading {
  readonly problems: readonly string[];
  readonly paragraphs: readonly string[];
}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/y;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML 1.0's Char production: tab, LF, CR, and U+0020 up, minus surrogates and U+FFFE/U+FFFF. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Decodes character data (text or an attribute value), reporting what XML does not allow. */
function decodeCharData(raw: string, at: number, problems: string[]): string {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] as string;
    if (ch === '<') problems.push(`offset ${at + i}: a raw "<" in character data`);
    if (ch === '&') {
      ENTITY.lastIndex = i;
      const match = ENTITY.exec(raw);
      if (!match) {
        problems.push(`offset ${at + i}: a bare "&" or an unknown entity`);
        out += ch;
        i += 1;
        continue;
      }
      const code = match[1] ? undefined : Number.parseInt(match[2] ?? match[3] ?? '', match[2] ? 10 : 16);
      if (code !== undefined && !isXmlChar(code))
        problems.push(`offset ${at + i}: a reference to a character XML forbids`);
      out += match[1] ? (NAMED[match[1]] as string) : String.fromCodePoint(code ?? 0x3f);
      i += match[0].length;
      continue;
    }
    const code = raw.codePointAt(i) as number;
    if (!isXmlChar(code)) problems.push(`offset ${at + i}: the character U+${code.toString(16)} is not allowed in XML`);
    out += String.fromCodePoint(code);
    i += code > 0xffff ? 2 : 1;
  }
  return out;
}

/** Reads one XML part. */
export function readWordXml(xml: string): WordXmlReading {
  const problems: string[] = [];
  const paragraphs: string[] = [];
  const stack: string[] = [];
  let paragraph = '';
  let i = 0;
  const readName = (): string => {
    NAME.lastIndex = i;
    const match = NAME.exec(xml);
    if (!match) {
      problems.push(`offset ${i}: expected a name`);
      return '';
    }
    i += match[0].length;
    return match[0];
  };
  const skipSpace = () => {
    while (i < xml.length && /\s/.test(xml[i] as string)) i += 1;
  };
  while (i < xml.length && problems.length < 20) {
    if (xml[i] !== '<') {
      const end = xml.indexOf('<', i) < 0 ? xml.length : xml.indexOf('<', i);
      const text = decodeCharData(xml.slice(i, end), i, problems);
      // A line break inside w:t is mere whitespace to Word: only <w:br/> breaks a line.
      if (stack.at(-1) === 'w:t') paragraph += text.replace(/\r\n?|\n/g, ' ');
      else if (stack.length > 0 && text.trim() !== '') problems.push(`offset ${i}: text outside w:t`);
      i = end;
      continue;
    }
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) problems.push(`offset ${i}: an unterminated processing instruction`);
      i = end < 0 ? xml.length : end + 2;
      continue;
    }
    if (xml.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (xml[i] !== '>') problems.push(`offset ${i}: expected ">" closing </${name}>`);
      i += 1;
      const open = stack.pop();
      if (open !== name) problems.push(`offset ${i}: </${name}> closes <${open ?? 'nothing'}>`);
      if (name === 'w:p') {
        paragraphs.push(paragraph);
        paragraph = '';
      }
      continue;
    }
    i += 1;
    const name = readName();
    const seen = new Set<string>();
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i) || xml[i] === '>' || i >= xml.length || problems.length >= 20) break;
      const attribute = readName();
      if (seen.has(attribute)) problems.push(`offset ${i}: the attribute ${attribute} appears twice`);
      seen.add(attribute);
      skipSpace();
      if (xml[i] !== '=') problems.push(`offset ${i}: expected "=" after ${attribute}`);
      i += 1;
      skipSpace();
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") {
        problems.push(`offset ${i}: an unquoted attribute value`);
        break;
      }
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) {
        problems.push(`offset ${i}: an unterminated attribute value`);
        break;
      }
      decodeCharData(xml.slice(i + 1, end), i + 1, problems);
      i = end + 1;
    }
    if (xml.startsWith('/>', i)) {
      i += 2;
      // A tab or a break counts only inside a run: w:tab also defines tab stops in paragraph properties.
      if (stack.at(-1) === 'w:r' && name === 'w:tab') paragraph += '\t';
      if (stack.at(-1) === 'w:r' && name === 'w:br') paragraph += '\n';
    } else if (xml[i] === '>') {
      i += 1;
      stack.push(name);
    } else problems.push(`offset ${i}: an unterminated tag <${name}`);
  }
  if (stack.length > 0) problems.push(`<${stack.at(-1)}> is never closed`);
  return { problems, paragraphs };
}
