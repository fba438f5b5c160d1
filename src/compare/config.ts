import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { displayPath } from '../util/display-path.js';
import { QiaError } from '../util/diagnostics.js';

/** A compare.yaml: the studies of a comparison (folders or globs, relative to the file), an ordering, an output folder. */
export interface CompareConfig {
  studies: string[];
  order?: string;
  out?: string;
  lang?: string;
}

const KEYS = ['studies', 'order', 'out', 'lang'];

/** Reads compare.yaml; any problem is a usage error (exit 2) at its line and column. */
export function readCompareConfig(path: string): CompareConfig {
  const file = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new QiaError('compare/config-missing', `${file} cannot be read`, { file });
  }
  const lc = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lc, prettyErrors: false });
  const at = (n: Node | null | undefined) => {
    const p = lc.linePos(n?.range?.[0] ?? 0);
    return { file, line: p.line, column: p.col };
  };
  const hint = 'e.g.\n  studies: [studies/*]\n  order: year';
  if (doc.errors.length > 0) {
    const p = lc.linePos(doc.errors[0]!.pos[0]);
    throw new QiaError('compare/config-invalid', `not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`, { file, line: p.line, column: p.col }, hint);
  }
  if (!isMap(doc.contents)) throw new QiaError('compare/config-invalid', 'compare.yaml must be a mapping with `studies:`', { file, line: 1, column: 1 }, hint);
  const base = dirname(path);
  const out: CompareConfig = { studies: [] };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const v = pair.value as Node | null;
    if (!KEYS.includes(key))
      throw new QiaError('compare/config-invalid', `unknown key \`${key}\` in compare.yaml`, at(pair.key as Node), `known keys: ${KEYS.join(', ')}`);
    if (key === 'studies') {
      const items = isSeq(v) ? v.items : isScalar(v) ? [v] : null;
      if (!items || items.some((x) => !isScalar(x) || String(x.value ?? '').trim() === ''))
        throw new QiaError('compare/config-invalid', '`studies` must be a list of study folders or globs', at(v ?? (pair.key as Node)), hint);
      for (const x of items) out.studies.push(resolve(base, String((x as { value: unknown }).value).trim()));
      continue;
    }
    if (!isScalar(v) || v.value === null || String(v.value).trim() === '')
      throw new QiaError('compare/config-invalid', `\`${key}\` needs one value`, at(v ?? (pair.key as Node)), hint);
    const s = String(v.value).trim();
    if (key === 'order') out.order = s;
    else if (key === 'out') out.out = resolve(base, s);
    else out.lang = s;
  }
  if (out.studies.length === 0) throw new QiaError('compare/config-invalid', 'compare.yaml lists no studies', { file, line: 1, column: 1 }, hint);
  return out;
}
