/**
 * A small XML writer: elements are plain data, serialised with two-space indentation and LF line
 * ends, so the same data always gives the same bytes. Escaping follows XML 1.0: markup
 * characters become entity references; in attributes tab, LF and CR become character
 * references (a parser would otherwise normalise them to spaces); CR in text becomes `&#13;`
 * (a parser would otherwise turn it into LF). Characters XML 1.0 forbids outright (most C0
 * controls, lone surrogates, U+FFFE, U+FFFF) cannot be written even as references, so they
 * become U+FFFD.
 */

export interface XmlElement {
  name: string;
  /** In the order written; an undefined value leaves the attribute out. */
  attrs: readonly (readonly [string, string | number | boolean | undefined])[];
  /** Either child elements or a single text; REFI-QDA has no mixed content. */
  children: readonly XmlElement[];
  text?: string;
}

export type Attrs = XmlElement['attrs'];

/** An element with child elements (undefined children are skipped, so optional parts read inline). */
export function el(name: string, attrs: Attrs = [], children: readonly (XmlElement | undefined)[] = []): XmlElement {
  return { name, attrs, children: children.filter((c): c is XmlElement => c !== undefined) };
}

/** An element holding only text. */
export function textEl(name: string, text: string, attrs: Attrs = []): XmlElement {
  return { name, attrs, children: [], text };
}

const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` with every character XML 1.0 cannot carry replaced by U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(FORBIDDEN, '\uFFFD');
}

export function escapeText(s: string): string {
  return xmlSafe(s).replace(/[&<>\r]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

const ATTR_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

export function escapeAttr(s: string): string {
  return xmlSafe(s).replace(/[&<>"\t\n\r]/g, (c) => ATTR_ESCAPES[c]!);
}

function attrsOf(e: XmlElement): string {
  let s = '';
  for (const [k, v] of e.attrs) if (v !== undefined) s += ` ${k}="${escapeAttr(String(v))}"`;
  return s;
}

function write(e: XmlElement, indent: string, out: string[]): void {
  const open = `${indent}<${e.name}${attrsOf(e)}`;
  if (e.text !== undefined) {
    out.push(e.text === '' ? `${open}/>` : `${open}>${escapeText(e.text)}</${e.name}>`);
    return;
  }
  if (e.children.length === 0) {
    out.push(`${open}/>`);
    return;
  }
  out.push(`${open}>`);
  for (const c of e.children) write(c, indent + '  ', out);
  out.push(`${indent}</${e.name}>`);
}

/** A whole document: the XML declaration, then `root`, ending with a newline. */
export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, '', out);
  return out.join('\n') + '\n';
}
