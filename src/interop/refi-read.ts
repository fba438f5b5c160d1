import type { Diagnostics } from '../util/diagnostics.js';
import { isGuid, normalGuid } from './guid.js';
import {
  CODEBOOK_NS,
  PROJECT_NS,
  type RefiCase,
  type RefiCode,
  type RefiCodebook,
  type RefiCoding,
  type RefiNote,
  type RefiProject,
  type RefiSelection,
  type RefiTextSource,
  type RefiValue,
  type RefiVariable,
  type RefiVariableType,
} from './refi-model.js';
import { kid, kids, parseXml, XmlSyntaxError, type XNode } from './xml-read.js';

/**
 * REFI-QDA XML into the model, forgiving where real exports are loose: GUIDs in any case or in
 * braces (kept normalised, upper case, no braces), an unexpected namespace (ATLAS.ti's codebook
 * 0:4) a warning rather than a failure, an element missing what the schema requires skipped
 * with a warning naming its line. Anything the model has no place for is ignored.
 */

const VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

interface Ctx {
  file: string;
  diags: Diagnostics;
}

function guidOf(n: XNode, ctx: Ctx, attr = 'guid'): string | undefined {
  const g = n.attrs[attr];
  if (g === undefined || !isGuid(g)) {
    ctx.diags.warn('refi/bad-guid', `${n.name} has ${g === undefined ? `no ${attr}` : `a malformed ${attr} "${g}"`}; it was skipped`, {
      file: ctx.file,
      line: n.line,
    });
    return undefined;
  }
  return normalGuid(g);
}

function targets(n: XNode, name: string, ctx: Ctx): string[] {
  return kids(n, name).flatMap((r) => guidOf(r, ctx, 'targetGUID') ?? []);
}

function description(n: XNode): string | undefined {
  return kid(n, 'Description')?.text;
}

function readCode(n: XNode, ctx: Ctx): RefiCode | undefined {
  const guid = guidOf(n, ctx);
  if (!guid) return undefined;
  const code: RefiCode = {
    guid,
    name: n.attrs['name'] ?? '',
    isCodable: n.attrs['isCodable'] !== 'false' && n.attrs['isCodable'] !== '0',
    notes: targets(n, 'NoteRef', ctx),
    children: kids(n, 'Code').flatMap((c) => readCode(c, ctx) ?? []),
  };
  if (n.attrs['color']) code.color = n.attrs['color'];
  const d = description(n);
  if (d !== undefined) code.description = d;
  return code;
}

function readValue(n: XNode, ctx: Ctx): RefiValue | undefined {
  const ref = kid(n, 'VariableRef');
  const variable = ref ? guidOf(ref, ctx, 'targetGUID') : undefined;
  const v = n.children.find((c) => c.name.endsWith('Value') && VARIABLE_TYPES.includes(c.name.slice(0, -5) as RefiVariableType));
  if (!variable || !v) return undefined;
  return { variable, value: v.text.trim(), type: v.name.slice(0, -5) as RefiVariableType };
}

function readCoding(n: XNode, ctx: Ctx): RefiCoding | undefined {
  const guid = guidOf(n, ctx);
  const ref = kid(n, 'CodeRef');
  const code = ref ? guidOf(ref, ctx, 'targetGUID') : undefined;
  if (!guid || !code) return undefined;
  const c: RefiCoding = { guid, code, notes: targets(n, 'NoteRef', ctx) };
  const user = n.attrs['creatingUser'];
  if (user && isGuid(user)) c.creatingUser = normalGuid(user);
  return c;
}

function int(s: string | undefined): number | undefined {
  return s !== undefined && /^\s*[+-]?\d+\s*$/.test(s) ? Number(s) : undefined;
}

function readSelection(n: XNode, ctx: Ctx): RefiSelection | undefined {
  const guid = guidOf(n, ctx);
  const start = int(n.attrs['startPosition']);
  const end = int(n.attrs['endPosition']);
  if (!guid) return undefined;
  if (start === undefined || end === undefined) {
    ctx.diags.warn('refi/bad-selection', 'PlainTextSelection has no whole-number startPosition and endPosition; it was skipped', {
      file: ctx.file,
      line: n.line,
    });
    return undefined;
  }
  const s: RefiSelection = { guid, start, end, codings: kids(n, 'Coding').flatMap((c) => readCoding(c, ctx) ?? []), notes: targets(n, 'NoteRef', ctx) };
  if (n.attrs['name'] !== undefined) s.name = n.attrs['name'];
  const user = n.attrs['creatingUser'];
  if (user && isGuid(user)) s.creatingUser = normalGuid(user);
  const d = description(n);
  if (d !== undefined) s.description = d;
  return s;
}

function readTextish(n: XNode, ctx: Ctx): (RefiNote & { creatingUser?: string }) | undefined {
  const guid = guidOf(n, ctx);
  if (!guid) return undefined;
  const t: RefiNote & { creatingUser?: string } = { guid };
  if (n.attrs['name'] !== undefined) t.name = n.attrs['name'];
  if (n.attrs['plainTextPath'] !== undefined) t.plainTextPath = n.attrs['plainTextPath'];
  const content = kid(n, 'PlainTextContent');
  if (content) t.plainTextContent = content.text;
  const d = description(n);
  if (d !== undefined) t.description = d;
  const user = n.attrs['creatingUser'];
  if (user && isGuid(user)) t.creatingUser = normalGuid(user);
  return t;
}

function readSource(n: XNode, ctx: Ctx): RefiTextSource | undefined {
  const base = readTextish(n, ctx);
  if (!base) return undefined;
  return {
    ...base,
    selections: kids(n, 'PlainTextSelection').flatMap((s) => readSelection(s, ctx) ?? []),
    sourceCodings: kids(n, 'Coding').flatMap((c) => readCoding(c, ctx) ?? []),
    notes: targets(n, 'NoteRef', ctx),
    values: kids(n, 'VariableValue').flatMap((v) => readValue(v, ctx) ?? []),
  };
}

function readVariable(n: XNode, ctx: Ctx): RefiVariable | undefined {
  const guid = guidOf(n, ctx);
  if (!guid) return undefined;
  const t = n.attrs['typeOfVariable'] as RefiVariableType;
  const v: RefiVariable = { guid, name: n.attrs['name'] ?? '', type: VARIABLE_TYPES.includes(t) ? t : 'Text' };
  const d = description(n);
  if (d !== undefined) v.description = d;
  return v;
}

function readCase(n: XNode, ctx: Ctx): RefiCase | undefined {
  const guid = guidOf(n, ctx);
  if (!guid) return undefined;
  const c: RefiCase = { guid, values: kids(n, 'VariableValue').flatMap((v) => readValue(v, ctx) ?? []), sources: targets(n, 'SourceRef', ctx) };
  if (n.attrs['name'] !== undefined) c.name = n.attrs['name'];
  const d = description(n);
  if (d !== undefined) c.description = d;
  return c;
}

/** Parses `xml`; a syntax error becomes an error diagnostic and undefined. */
function parseOrReport(xml: string, ctx: Ctx): XNode | undefined {
  try {
    return parseXml(xml);
  } catch (e) {
    if (e instanceof XmlSyntaxError) {
      ctx.diags.error('refi/xml-syntax', `not well-formed XML: ${e.message}`, { file: ctx.file, line: e.line, column: e.column });
      return undefined;
    }
    throw e;
  }
}

function checkRoot(root: XNode, name: string, ns: string, ctx: Ctx): boolean {
  if (root.name !== name) {
    ctx.diags.error('refi/wrong-root', `the root element is ${root.name}, not ${name}`, { file: ctx.file, line: root.line });
    return false;
  }
  if (root.ns !== ns) ctx.diags.warn('refi/namespace', `namespace "${root.ns}" is not ${ns}; read anyway`, { file: ctx.file, line: root.line });
  return true;
}

export function readProjectXml(xml: string, file: string, diags: Diagnostics): RefiProject | undefined {
  const ctx = { file, diags };
  const root = parseOrReport(xml, ctx);
  if (!root || !checkRoot(root, 'Project', PROJECT_NS, ctx)) return undefined;
  const sources = kid(root, 'Sources');
  const p: RefiProject = {
    name: root.attrs['name'] ?? '',
    users: kids(kid(root, 'Users'), 'User').flatMap((u) => {
      const guid = guidOf(u, ctx);
      return guid ? [{ guid, ...(u.attrs['name'] !== undefined ? { name: u.attrs['name'] } : {}) }] : [];
    }),
    codes: kids(kid(kid(root, 'CodeBook'), 'Codes'), 'Code').flatMap((c) => readCode(c, ctx) ?? []),
    variables: kids(kid(root, 'Variables'), 'Variable').flatMap((v) => readVariable(v, ctx) ?? []),
    cases: kids(kid(root, 'Cases'), 'Case').flatMap((c) => readCase(c, ctx) ?? []),
    sources: kids(sources, 'TextSource').flatMap((s) => readSource(s, ctx) ?? []),
    notes: kids(kid(root, 'Notes'), 'Note').flatMap((n) => readTextish(n, ctx) ?? []),
    projectNotes: targets(root, 'NoteRef', ctx),
    otherSources: (sources?.children ?? []).filter((c) => c.name !== 'TextSource').map((c) => c.name),
  };
  if (root.attrs['origin'] !== undefined) p.origin = root.attrs['origin'];
  const creator = root.attrs['creatingUserGUID'];
  if (creator && isGuid(creator)) p.creatingUser = normalGuid(creator);
  const d = description(root);
  if (d !== undefined) p.description = d;
  return p;
}

export function readCodebookXml(xml: string, file: string, diags: Diagnostics): RefiCodebook | undefined {
  const ctx = { file, diags };
  const root = parseOrReport(xml, ctx);
  if (!root || !checkRoot(root, 'CodeBook', CODEBOOK_NS, ctx)) return undefined;
  const cb: RefiCodebook = { codes: kids(kid(root, 'Codes'), 'Code').flatMap((c) => readCode(c, ctx) ?? []) };
  if (root.attrs['origin'] !== undefined) cb.origin = root.attrs['origin'];
  return cb;
}
