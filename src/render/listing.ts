import Table from 'cli-table3';

/** No rule between body rows: long lists stay readable in a terminal. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };
import { mdTable } from './md.js';
import { csvDocument, type CsvDialect } from './csv-write.js';

import type { ListFormat } from './formats.js';
import type { Lang } from '../model/codebook.js';
import { header } from '../i18n/listing.js';
import { tagged, type JsonKind } from './json-kinds.js';

export type { ListFormat };

export interface Column<T> {
  key: string;
  get: (item: T) => string | number;
  /** Right-align in the terminal table (numbers, left context). */
  right?: boolean;
  /** Clip in the terminal table; the other formats keep the full text. */
  clip?: number;
}

/** Which listing: names the JSON document's kind (`qia-query/1`, `qia-kwic/1`). */
export type ListKind = Extract<JsonKind, 'query' | 'kwic'>;

/**
 * A flat list (query results, kwic rows) in any of the four list formats; headers of table and md
 * in `lang`, csv and json keep the keys (csv in the `--excel` dialect when asked). JSON is
 * `{ format, rows: [...] }`: the rows under a key, so the document can carry its `format`.
 */
export function renderList<T>(
  items: readonly T[],
  columns: readonly Column<T>[],
  format: ListFormat,
  kind: ListKind,
  lang: Lang = 'en',
  dialect: CsvDialect = {},
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(tagged(kind, { rows: items.map((it) => Object.fromEntries(columns.map((c) => [c.key, c.get(it)]))) }), null, 2);
    case 'csv':
      return csvDocument([columns.map((c) => c.key), ...items.map((it) => columns.map((c) => c.get(it)))], dialect);
    case 'md':
      return mdTable(
        columns.map((c) => header(c.key, lang)),
        items.map((it) => columns.map((c) => String(c.get(it)))),
      );
    case 'table': {
      const t = new Table({
        head: columns.map((c) => header(c.key, lang)),
        style: { head: [], border: [] },
        chars: COMPACT,
        colAligns: columns.map((c) => (c.right ? 'right' : 'left')),
      });
      for (const it of items) t.push(columns.map((c) => cell(c.get(it), c.clip)));
      return t.toString();
    }
  }
}

function cell(v: string | number, clip: number | undefined): string | number {
  if (typeof v === 'number') return v;
  const one = v.replace(/\s+/g, ' ').trim();
  return clip !== undefined && one.length > clip ? one.slice(0, clip - 1) + '…' : one;
}

/** The same text with left-side clipping, for left context that should end at the keyword. */
export function clipLeft(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? '…' + one.slice(one.length - n + 1) : one;
}
