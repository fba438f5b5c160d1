import type { Matrix } from '../model/matrix.js';
import { toGrid } from './grid.js';

/**
 * One pipe-table cell: backslashes and pipes escaped, line breaks and tabs turned into
 * spaces, so neither GitHub nor pandoc sees a cell end or a row end inside the text.
 */
/**
 * One table cell of Markdown: pipes and backslashes escaped so the table keeps its shape, and
 * `< > &` as entities so a transcript's `<script>` stays text in every Markdown viewer.
 */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ')
    .trim();
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** A GitHub-flavoured table pandoc turns into a Word table, with title and notes as paragraphs. */
export function renderMd(m: Matrix): string {
  const grid = toGrid(m);
  const parts = [`**${mdCell(m.title)}**`];
  if (grid.rows.length > 0) {
    const rows = grid.rows.map((r) => (grid.hasGroups ? [r.firstOfGroup ? (r.group ?? '') : '', ...r.cells] : r.cells));
    parts.push(mdTable(grid.header, rows));
  }
  for (const note of m.notes) parts.push(`*${mdCell(note)}*`);
  return parts.join('\n\n') + '\n';
}
