/**
 * Every text node of a pdfmake definition with its effective style written on it, so that
 * pdfmake's per-word style look-ups stop one step up the style stack instead of walking all of it.
 *
 * pdfmake measures text word by word and asks about two dozen style properties for every word
 * (TextBreaker, TextInlines.measure). A property the word does not carry is looked up on the style
 * stack: the text node, then every enclosing node and each of their named styles, out to
 * `defaultStyle`, allocating as it goes. Most properties are set far up or nowhere, so most
 * look-ups walked the whole stack, a tenth of a render's CPU. Here the look-up is done once per
 * text node, following pdfmake's precedence, and every property is written on the node, which sits
 * right under its words on the stack. Every value pdfmake reads stays what it was, so the PDF is
 * the same byte for byte.
 *
 * pdfmake's precedence (StyleContextStack), first value that is neither null nor undefined wins:
 * the node's own properties, then its named styles (the last named first, a style's `extends`
 * after the style itself, last parent first); then each enclosing node the same way, innermost
 * first; then `defaultStyle`; then pdfmake's default. A fragment's own properties (bold runs)
 * still come first: pdfmake copies them onto the fragment's words.
 *
 * Not on the fragments too: pdfmake copies a fragment's properties onto each word with computed
 * keys, V8 turns an object given more than about a dozen properties that way into a slow
 * dictionary, and a dozen per fragment measured no faster than none.
 *
 * Only text nodes change, each into a copy (adding two dozen properties to the node itself would
 * make it a slow dictionary too). What pdfmake asks of other nodes (margins, list markers, column
 * gaps, cell fills) is answered as before.
 */
import type { StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces.js';

type PlainObject = Record<string, unknown>;

/** For each word property, the value the nearest style sets; undefined when none does. */
type EffectiveStyle = Readonly<Record<string, unknown>>;

/**
 * What a word gets for each property pdfmake reads per word, given the effective style. The
 * fallbacks are pdfmake's defaults, except that false stands in for pdfmake's null where every
 * reader only tests truthiness (pdfmake's Renderer, TextDecorator and LayoutBuilder, and pdfkit's
 * font layout for `fontFeatures`), so that the look-up stops here. `link` has no such stand-in:
 * pdfkit annotates any link that is not null or undefined; left undefined, pdfmake looks on and
 * finds nothing, as before.
 *
 * One flat object literal, so that all objects built from it share one fast V8 shape.
 */
function wordStyle(style: EffectiveStyle) {
  return {
    font: style.font ?? 'Roboto',
    bold: style.bold ?? false,
    italics: style.italics ?? false,
    alignment: style.alignment ?? 'left',
    fontSize: style.fontSize ?? 12,
    fontFeatures: style.fontFeatures ?? false,
    characterSpacing: style.characterSpacing ?? 0,
    color: style.color ?? 'black',
    decoration: style.decoration ?? false,
    decorationColor: style.decorationColor ?? false,
    decorationStyle: style.decorationStyle ?? false,
    decorationThickness: style.decorationThickness ?? false,
    background: style.background ?? false,
    link: style.link ?? undefined,
    linkToPage: style.linkToPage ?? false,
    linkToDestination: style.linkToDestination ?? false,
    noWrap: style.noWrap ?? false,
    opacity: style.opacity ?? 1,
    sup: style.sup ?? false,
    sub: style.sub ?? false,
    lineHeight: style.lineHeight ?? 1,
    preserveLeadingSpaces: style.preserveLeadingSpaces ?? false,
    preserveTrailingSpaces: style.preserveTrailingSpaces ?? false,
    leadingIndent: style.leadingIndent ?? 0,
    wordBreak: style.wordBreak ?? 'normal',
  };
}

type WordStyle = ReturnType<typeof wordStyle>;
type WordProperty = keyof WordStyle;

const FALLBACKS: WordStyle = wordStyle({});
const WORD_PROPERTIES = Object.keys(FALLBACKS) as WordProperty[];
const IS_WORD_PROPERTY: ReadonlySet<string> = new Set(WORD_PROPERTIES);

/** pdfmake's `isValue`: null and undefined never count as set. */
const isSet = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * The definition with the effective style written on every text (in place), including the running
 * header, footer and background, whose functions are wrapped to resolve what they return. The
 * definition must be freshly built.
 */
export function withResolvedTextStyles(definition: TDocumentDefinitions): TDocumentDefinitions {
  // The same fallbacks pdfmake's Printer uses when the definition has none.
  const styles = new NamedStyles(definition.styles || {});
  const defaultStyle = (definition.defaultStyle || { fontSize: 12, font: 'Roboto' }) as PlainObject;
  const root: EffectiveStyle = Object.fromEntries(
    WORD_PROPERTIES.map((property) => [property, isSet(defaultStyle[property]) ? defaultStyle[property] : undefined]),
  );
  const resolve = (content: unknown): unknown => resolveContent(content, root, styles);
  definition.content = resolve(definition.content) as TDocumentDefinitions['content'];
  const frames = definition as unknown as PlainObject;
  for (const key of ['header', 'footer', 'background']) {
    const frame = frames[key];
    if (typeof frame === 'function') {
      const build = frame as (...args: unknown[]) => unknown;
      frames[key] = (...args: unknown[]) => resolve(build(...args));
    } else if (isSet(frame)) {
      frames[key] = resolve(frame);
    }
  }
  return definition;
}

/**
 * Resolves the texts under `content` (a node, an array of nodes, which pdfmake reads as a stack,
 * or a string, which it reads as a text node) in place; returns what takes its place.
 */
function resolveContent(content: unknown, outer: EffectiveStyle, styles: NamedStyles): unknown {
  if (typeof content === 'string') return textNode({ text: content }, outer);
  if (Array.isArray(content)) {
    for (let i = 0; i < content.length; i++) content[i] = resolveContent(content[i], outer, styles);
    return content;
  }
  if (content === null || typeof content !== 'object') return content;
  const node = content as PlainObject;
  const style = within(outer, node, styles);
  // The node kinds in the order pdfmake's DocMeasure.measureNode tells them apart.
  if (node.section) node.section = resolveContent(node.section, style, styles);
  else if (node.columns) resolveContent(node.columns, style, styles);
  else if (node.stack) resolveContent(node.stack, style, styles);
  else if (node.ul) resolveContent(node.ul, style, styles);
  else if (node.ol) resolveContent(node.ol, style, styles);
  else if (node.table) resolveContent((node.table as PlainObject).body, style, styles);
  else if (node.text !== undefined) return textNode(node, style);
  return node;
}

/** A copy of the text node with every word property written on it. */
function textNode(node: PlainObject, style: EffectiveStyle): PlainObject {
  const resolved: PlainObject = wordStyle(style);
  // The node's own word properties are in `style` already; a null one must not hide the value.
  for (const key in node) if (!IS_WORD_PROPERTY.has(key)) resolved[key] = node[key];
  return resolved;
}

/** The effective style inside `node`: its own properties, then its named styles, then `outer`. */
function within(outer: EffectiveStyle, node: PlainObject, styles: NamedStyles): EffectiveStyle {
  // pdfmake pushes nothing on the style stack for a section.
  if (node.section !== undefined) return outer;
  let inner: Record<string, unknown> | undefined;
  // From the weakest to the strongest, so that what is written last wins.
  const names: unknown[] = node.style ? (Array.isArray(node.style) ? node.style : [node.style]) : [];
  for (const name of names) {
    // A style entry that is not a name is an object of properties, as in pdfmake.
    const entries = typeof name === 'string' ? styles.entries(name) : setProperties(name as PlainObject);
    for (const [property, value] of entries) {
      inner ??= { ...outer };
      inner[property] = value;
    }
  }
  for (const [property, value] of setProperties(node)) {
    inner ??= { ...outer };
    inner[property] = value;
  }
  return inner ?? outer;
}

/** The word properties an object sets, with their values. */
function setProperties(object: PlainObject): [WordProperty, unknown][] {
  const entries: [WordProperty, unknown][] = [];
  for (const key in object) {
    if (IS_WORD_PROPERTY.has(key) && isSet(object[key])) entries.push([key as WordProperty, object[key]]);
  }
  return entries;
}

/** Named styles with their `extends` chains resolved, each once per definition. */
class NamedStyles {
  private readonly resolved = new Map<string, [WordProperty, unknown][]>();

  constructor(private readonly dictionary: StyleDictionary) {}

  /** The word properties the named style sets, with their values. */
  entries(name: string): [WordProperty, unknown][] {
    let entries = this.resolved.get(name);
    if (entries === undefined) {
      entries = [];
      for (const property of WORD_PROPERTIES) {
        const value = this.valueIn(name, property, new Set());
        if (isSet(value)) entries.push([property, value]);
      }
      this.resolved.set(name, entries);
    }
    return entries;
  }

  /** pdfmake's look-up of one property in a named style. */
  private valueIn(name: string, property: string, visited: Set<string>): unknown {
    if (visited.has(name)) return undefined;
    visited.add(name);
    const style = this.dictionary[name] as PlainObject | undefined;
    if (!style) return undefined;
    if (isSet(style[property])) return style[property];
    const parents: unknown[] = style.extends ? (Array.isArray(style.extends) ? style.extends : [style.extends]) : [];
    for (let i = parents.length - 1; i >= 0; i--) {
      const value = this.valueIn(parents[i] as string, property, visited);
      if (isSet(value)) return value;
    }
    return undefined;
  }
}
