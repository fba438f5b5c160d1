import { SaxesParser } from 'saxes';

/**
 * XML in, a small element tree out. saxes is a strict XML 1.0 parser: it normalises line ends
 * and attribute values as the standard says, resolves character references, and rejects
 * malformed files with a line and column. It never expands entities declared in a DOCTYPE (an
 * undeclared entity is an error), so a hostile .qdpx cannot make it read files or blow up memory.
 */

export interface XNode {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' for none). */
  ns: string;
  /** Attributes without a namespace, by local name (REFI-QDA puts all of its own there). */
  attrs: Readonly<Record<string, string>>;
  children: XNode[];
  /** The element's own text (text and CDATA directly inside it, concatenated). */
  text: string;
  line: number;
}

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

export function parseXml(xml: string): XNode {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XNode[] = [];
  let root: XNode | undefined;
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (a.uri === '') attrs[a.local] = a.value;
    const node: XNode = { name: tag.local, ns: tag.uri, attrs, children: [], text: '', line: parser.line };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  let error: XmlSyntaxError | undefined;
  parser.on('error', (e) => {
    // Keep the first error: the ones after it are usually its consequences.
    error ??= new XmlSyntaxError(e.message.replace(/^[^:]*:\d+:\d+: /, ''), parser.line, parser.column + 1);
  });
  parser.write(xml.replace(/^\uFEFF/, '')).close();
  if (error) throw error;
  if (!root) throw new XmlSyntaxError('no root element', 1, 1);
  return root;
}

/** Child elements named `name`. */
export function kids(node: XNode | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The first child element named `name`. */
export function kid(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}
