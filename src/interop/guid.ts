import { createHash } from 'node:crypto';

/**
 * Deterministic GUIDs for REFI-QDA objects, in the manner of RFC 9562 UUID version 5: the
 * SHA-1 of a namespace's 16 bytes followed by a name's UTF-8 bytes, with the version and
 * variant bits set. The same code id always gets the same GUID, so a re-export diffs clean and
 * a desktop program that imports twice recognises the same code. Each kind of object has its
 * own namespace (derived from qia's), so a code and a user with the same name never collide.
 */

/** qia's own namespace, fixed once; changing it would change every GUID qia has ever written. */
export const QIA_NAMESPACE = '6E5CF5EB-E8D5-4EEB-9203-FDF2E42132F4';

const GUID = /^\{?([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})\}?$/;

/** Whether `s` has the schema's GUID form (8-4-4-4-12 hex digits, any case, optionally in braces). */
export function isGuid(s: string): boolean {
  return GUID.test(s);
}

/** The canonical form used for comparing GUIDs read from other programs: upper case, no braces. */
export function normalGuid(s: string): string {
  return s
    .trim()
    .replace(/^\{|\}$/g, '')
    .toUpperCase();
}

function bytesOf(guid: string): Buffer {
  const m = GUID.exec(guid);
  if (!m) throw new Error(`not a GUID: ${guid}`);
  return Buffer.from(m.slice(1).join(''), 'hex');
}

/** A version-5 style GUID for `name` in `namespace`, upper case as ATLAS.ti and MAXQDA write them. */
export function guidV5(namespace: string, name: string): string {
  const hash = createHash('sha1').update(bytesOf(namespace)).update(name, 'utf8').digest();
  const b = hash.subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export type GuidKind = 'code' | 'user' | 'source' | 'selection' | 'coding' | 'note' | 'case' | 'variable';

const namespaces = new Map<GuidKind, string>();

/** The GUID of one object: `kind` picks the namespace, `key` says which object (e.g. a code id). */
export function guidFor(kind: GuidKind, key: string): string {
  let ns = namespaces.get(kind);
  if (!ns) namespaces.set(kind, (ns = guidV5(QIA_NAMESPACE, kind)));
  return guidV5(ns, key);
}
