/**
 * A small XML reader for bookmark files (FileZilla's sitemanager.xml, Cyberduck's plists).
 * It expands only XML's five named entities and character references: a document that
 * declares its own entities (an internal DTD subset, the "billion laughs") is refused, and an
 * external DTD is never fetched. Depth and element count are bounded.
 */

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (CDATA included), without its children's. */
  text: string;
}

export type XmlRefusal = 'entities' | 'malformed';

export class XmlRefused extends Error {
  constructor(
    readonly refusal: XmlRefusal,
    readonly at: number,
  ) {
    super(`XML refused (${refusal}) at ${at}`);
  }
}

const MAX_DEPTH = 64;
const MAX_ELEMENTS = 200_000;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const nameChars = /[A-Za-z0-9_:.-]/;

function decode(raw: string, at: number): string {
  return raw.replace(/&([^;\s&]{0,12});?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlRefused('malformed', at);
    if (ref in named) return named[ref]!;
    const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : ref.startsWith('#') ? parseInt(ref.slice(1), 10) : NaN;
    if (ref.startsWith('#') && Number.isInteger(code) && code > 0 && code <= 0x10ffff) return String.fromCodePoint(code);
    throw new XmlRefused(ref.startsWith('#') ? 'malformed' : 'entities', at);
  });
}

export function parseXml(text: string): XmlElement {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  const fail = (refusal: XmlRefusal = 'malformed'): never => {
    throw new XmlRefused(refusal, i);
  };
  const skipTo = (end: string) => {
    const at = text.indexOf(end, i);
    if (at === -1) fail();
    i = at + end.length;
  };
  const readName = () => {
    const start = i;
    while (i < text.length && nameChars.test(text[i]!)) i++;
    if (i === start) fail();
    return text.slice(start, i);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };

  while (i < text.length) {
    if (text[i] !== '<') {
      const next = text.indexOf('<', i);
      const end = next === -1 ? text.length : next;
      const chunk = text.slice(i, end);
      const top = stack[stack.length - 1];
      if (top) top.text += decode(chunk, i);
      else if (chunk.trim() !== '') fail();
      i = end;
      continue;
    }
    if (text.startsWith('<?', i)) skipTo('?>');
    else if (text.startsWith('<!--', i)) skipTo('-->');
    else if (text.startsWith('<![CDATA[', i)) {
      const top = stack[stack.length - 1] ?? fail();
      const start = i + 9;
      skipTo(']]>');
      top.text += text.slice(start, i - 3);
    } else if (text.startsWith('<!DOCTYPE', i)) {
      if (root || stack.length > 0) fail();
      const close = text.indexOf('>', i);
      const subset = text.indexOf('[', i);
      // An internal subset is where entities are declared: refused before anything is expanded.
      if (subset !== -1 && (close === -1 || subset < close)) fail('entities');
      if (close === -1) fail();
      i = close + 1;
    } else if (text.startsWith('<!', i)) fail(text.startsWith('<!ENTITY', i) ? 'entities' : 'malformed');
    else if (text.startsWith('</', i)) {
      i += 2;
      const name = readName();
      skipSpace();
      if (text[i] !== '>') fail();
      i++;
      const open = stack.pop();
      if (!open || open.name !== name) fail();
    } else {
      i++;
      const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
      if (++count > MAX_ELEMENTS || stack.length >= MAX_DEPTH) fail();
      for (;;) {
        skipSpace();
        if (text.startsWith('/>', i) || text[i] === '>') break;
        const attribute = readName();
        skipSpace();
        if (text[i] !== '=') fail();
        i++;
        skipSpace();
        const quote = text[i];
        if (quote !== '"' && quote !== "'") fail();
        const end = text.indexOf(quote!, i + 1);
        if (end === -1) fail();
        element.attributes[attribute] = decode(text.slice(i + 1, end), i);
        i = end + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(element);
      else if (root) fail();
      else root = element;
      if (text.startsWith('/>', i)) i += 2;
      else {
        i++;
        stack.push(element);
      }
    }
  }
  if (!root || stack.length > 0) fail();
  return root!;
}

/** The first child of that name. */
export const child = (element: XmlElement, name: string): XmlElement | undefined => element.children.find((c) => c.name === name);

/** A child's trimmed text, or undefined when it is missing or empty. */
export function childText(element: XmlElement, name: string): string | undefined {
  const value = child(element, name)?.text.trim();
  return value ? value : undefined;
}
