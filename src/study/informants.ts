import { unneutralised } from '../render/csv-write.js';
import { parse } from 'csv-parse/sync';
import type { Informant } from '../model/informant.js';
import { Diagnostics } from '../util/diagnostics.js';
import { decodeText } from '../sources/text-file.js';
import { delimiterOf } from '../util/csv-table.js';

const REQUIRED = ['id', 'label', 'role', 'group'] as const;
const KNOWN_GROUPS = new Set(['provider', 'user', 'partner']);

/**
 * informants.csv: `id,label,role,group` then any extra columns, kept in `attrs`. Rows with an
 * empty or duplicate id are reported and skipped; the rest load.
 */
export function parseInformants(bytes: Uint8Array, file: string, diags: Diagnostics): Informant[] {
  const { text, problems } = decodeText(bytes);
  for (const p of problems) diags.add({ severity: p.severity, code: p.code, message: p.message, file });
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    const body = text.replace(/^\uFEFF/, '');
    rows = parse(body, { delimiter: delimiterOf(body), info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof rows;
  } catch (err) {
    const e = err as { message: string; lines?: number };
    diags.error('informants/invalid-csv', `cannot parse informants CSV: ${e.message}`, { file, line: e.lines ?? 1, column: 1 });
    return [];
  }
  if (rows.length === 0) {
    diags.error(
      'informants/empty',
      'informants file is empty',
      { file, line: 1, column: 1 },
      'add a header row `id,label,role,group` and one row per informant',
    );
    return [];
  }
  const header = rows[0]!.record.map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const idx: Record<string, number> = {};
  for (const col of REQUIRED) {
    idx[col] = lower.indexOf(col);
    if (idx[col] < 0) {
      diags.error(
        'informants/missing-column',
        `informants file has no \`${col}\` column`,
        { file, line: 1, column: 1 },
        'the header must start with id,label,role,group',
      );
    }
  }
  if (idx['id']! < 0) return [];
  const seen = new Map<string, number>();
  const out: Informant[] = [];
  // Roles, groups and the further columns repeat from row to row: the study keeps one string for
  // each value, not one a row (issue 22: with one informant per transcript the table is kept for
  // the whole run, and 48,000 rows held a copy of "staff", "provider" and the like each).
  const values = new Map<string, string>();
  const one = (s: string) => values.get(s) ?? (values.set(s, s), s);
  for (const { record, info } of rows.slice(1)) {
    const line = info.lines;
    const get = (col: string) => (idx[col]! >= 0 ? unneutralised((record[idx[col]!] ?? '').trim()) : '');
    const id = get('id');
    if (id === '') {
      diags.error('informants/empty-id', 'informant row has no id', { file, line, column: 1 });
      continue;
    }
    const first = seen.get(id.toLowerCase());
    if (first !== undefined) {
      diags.error(
        'informants/duplicate-id',
        `informant id ${id} is already used on line ${first}`,
        { file, line, column: 1 },
        'give every informant its own id',
      );
      continue;
    }
    seen.set(id.toLowerCase(), line);
    const attrs: Record<string, string> = {};
    header.forEach((h, i) => {
      if (!REQUIRED.includes(lower[i] as (typeof REQUIRED)[number]) && h !== '') attrs[h] = one(unneutralised((record[i] ?? '').trim()));
    });
    const group = one(get('group').toLowerCase());
    if (group !== '' && !KNOWN_GROUPS.has(group)) {
      diags.warn(
        'informants/unknown-group',
        `group \`${group}\` of ${id} is not provider, user or partner`,
        { file, line, column: 1 },
        'role-ordered displays compare these three sides',
      );
    }
    out.push({ id, label: get('label') || id, role: one(get('role').toLowerCase()), group, attrs, line });
  }
  return out;
}
