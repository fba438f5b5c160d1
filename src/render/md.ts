import type { Matrix } from '../model/matrix.js';
import { toGrid } from './grid.js';
import { terminalSafe } from '../util/terminal-safe.js';

/**
 * One table cell of Markdown: pipes and backslashes escaped so the table keeps its shape, line
 * breaks and tabs turned into spaces so no viewer sees a row end inside the text, `< > &` as
 * entities so a transcript's `<script>` stays text, no `[text](url)` link, and no terminal
 * control (the file may well be read with cat).
 */
export function mdCell(text: string): string {
  return (
    terminalSafe(text)
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      // `](` is what makes [text](url) a link; `]\(` shows the same characters as text.
      .replace(/\]\(/g, ']\\(')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\s+/g, ' ')
      .trim()
  );
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
