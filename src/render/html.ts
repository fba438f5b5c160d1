import type { Matrix } from '../model/matrix.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/**
 * An HTML fragment: one <table> (caption, head, body, notes in the foot). Each data cell
 * carries its count and the segment ids behind it, so a report page can link to the lines.
 */
export function renderHtml(m: Matrix): string {
  const e = escapeHtml;
  const span = m.columns.length + 1;
  const out: string[] = [];
  out.push(`<table class="qia-matrix qia-${e(m.kind)}" lang="${m.lang}">`);
  out.push(`<caption>${e(m.title)}</caption>`);
  out.push(
    `<thead><tr><th scope="col">${e(m.corner)}</th>${m.columns.map((c) => `<th scope="col" data-id="${e(c.id)}">${e(c.label)}</th>`).join('')}</tr></thead>`,
  );
  out.push('<tbody>');
  const byKey = new Map(m.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  let prev: string | undefined;
  m.rows.forEach((r, i) => {
    if (r.group !== undefined && (i === 0 || r.group !== prev)) {
      out.push(`<tr class="qia-group"><th scope="rowgroup" colspan="${span}">${e(r.group)}</th></tr>`);
    }
    prev = r.group;
    const tds = m.columns.map((c) => {
      const cell = byKey.get(`${r.id}\u0000${c.id}`);
      if (!cell) return '<td></td>';
      const segs = [...new Set(cell.refs.map((x) => x.segmentId))].join(' ');
      return `<td data-count="${cell.count}" data-segments="${e(segs)}">${e(cell.text)}</td>`;
    });
    out.push(`<tr data-id="${e(r.id)}"><th scope="row">${e(r.label)}</th>${tds.join('')}</tr>`);
  });
  out.push('</tbody>');
  if (m.notes.length > 0) {
    out.push(`<tfoot>${m.notes.map((n) => `<tr><td colspan="${span}">${e(n)}</td></tr>`).join('')}</tfoot>`);
  }
  out.push('</table>');
  return out.join('\n') + '\n';
}
