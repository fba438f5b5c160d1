import type { Analysis } from '../model/analysis.js';
import type { Cell, Header, Matrix } from '../model/matrix.js';
import { countValences } from '../condense/condense.js';
import { indexAnalysis, type AnalysisIndex } from '../index/analysis-index.js';
import { collapse } from '../condense/excerpts.js';
import { roleLabel, statusLabel, t, valenceSign } from '../i18n/labels.js';

/** "S1 (Bu R, Pegawai)"; a source without an informant gets its role alone, or nothing. */
function whoWithRole(id: string | undefined, label: string | undefined, role: string | undefined, lang: 'id' | 'en'): string {
  const parts = [label && label !== id ? label : undefined, role ? roleLabel(role, lang) : undefined].filter(Boolean);
  if (id === undefined) return parts.length && role ? roleLabel(role, lang) : '';
  return parts.length ? `${id} (${parts.join(', ')})` : id;
}

function norm(s: string): string {
  return s.trim().toLowerCase();
}

function matches(h: Header, query: string): boolean {
  const q = norm(query);
  return norm(h.id) === q || norm(h.label) === q;
}

/**
 * Find a cell by row and column, each given as an id (`staff`, `complexity`) or as the label
 * shown (`Pegawai`, `Kerumitan`), case-insensitively.
 */
export function findCell(m: Matrix, row: string, column: string): Cell | undefined {
  const r = m.rows.find((h) => matches(h, row));
  const c = m.columns.find((h) => matches(h, column));
  if (!r || !c) return undefined;
  return m.cells.find((x) => x.row === r.id && x.column === c.id);
}

/**
 * The codings behind one cell, one row each: segment, lines, informant with role, code, valence
 * and the coded text, in text order. It is itself a Matrix so every renderer can print it.
 */
export function evidenceMatrix(analysis: Analysis, from: Matrix, cell: Cell, options: { index?: AnalysisIndex } = {}): Matrix {
  const index = options.index ?? indexAnalysis(analysis);
  const lang = from.lang;
  const byKey = new Map(index.contexts.map((c) => [c.ref.coding, c]));
  const columns: Header[] = [
    { id: 'source', label: t(lang, 'segment') },
    { id: 'lines', label: t(lang, 'lines') },
    { id: 'informant', label: t(lang, 'informant') },
    { id: 'code', label: t(lang, 'code') },
    { id: 'valence', label: t(lang, 'valence') },
    { id: 'coder', label: t(lang, 'coder') },
    { id: 'quote', label: t(lang, 'quote') },
  ];
  const rowLabel = from.rows.find((r) => r.id === cell.row)?.label ?? cell.row;
  const colLabel = from.columns.find((c) => c.id === cell.column)?.label ?? cell.column;
  const rows: Header[] = [];
  const cells: Cell[] = [];
  cell.refs.forEach((ref, i) => {
    const ctx = byKey.get(ref.coding);
    const id = `${i + 1}`;
    rows.push({ id, label: id });
    const inf = ref.informant !== undefined ? index.informants.get(ref.informant) : undefined;
    const texts: Record<string, string> = {
      source: ref.segmentId,
      lines: ref.line === ref.endLine ? `${ref.line}` : `${ref.line}–${ref.endLine}`,
      informant: whoWithRole(ref.informant, inf?.label, ctx?.role, lang),
      code: ref.code,
      valence: valenceSign(ref.valence),
      // Who coded it and what a person made of it: "auto (not reviewed)", "coder-a, coder-b (manual)".
      coder: `${(ref.coders ?? [ref.coder]).join(', ')}${ctx ? ` (${statusLabel(ctx.coding.status, lang)})` : ''}`,
      quote: collapse(ctx ? ctx.coding.quote || ctx.segment.text : ''),
    };
    const linked = ctx ? [ctx] : [];
    for (const col of columns) {
      cells.push({
        row: id,
        column: col.id,
        text: texts[col.id]!,
        count: 1,
        counts: countValences(linked.length ? linked : [{ coding: { valence: ref.valence } }]),
        refs: [ref],
      });
    }
  });
  return {
    kind: 'evidence',
    lang,
    title: `${from.title} — ${rowLabel} × ${colLabel}: ${cell.count} ${t(lang, 'codings')}`,
    corner: '#',
    rows,
    columns,
    cells,
    notes: [],
  };
}
