import { valenceMarks, valenceSign, groupLabel, roleLabel } from '../i18n/labels.js';
import { reasonLabel, verdictLabel } from '../i18n/report.js';
import type { Comparison, MetaCell } from '../compare/model.js';
import { sheets } from '../compare/sheets.js';
import type { CaseQuote } from '../compare/summary.js';
import { w } from '../i18n/compare.js';
import { REPORT_CSS } from './report-html-assets.js';
import { escapeHtml as e } from './index.js';
import { casesTable, notSharedTable, refusedTable } from './compare.js';

/**
 * The comparison report as one self-contained HTML page with the study report's look (its CSS):
 * no script and no URL of any kind, every text escaped. Each meta-matrix cell opens onto the
 * quotes behind it (a details element), so every number can be traced without the command line.
 */
export function renderCompareHtml(c: Comparison): string {
  const L = c.lang;
  const csp = "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'";
  const out: string[] = [];
  out.push('<!DOCTYPE html>', `<html lang="${L}">`, '<head>', '<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta name="generator" content="${e(c.tool.name)} ${e(c.tool.version)}">`);
  out.push(`<title>${e(w(L, 'comparison'))}: ${e(c.cases.map((k) => k.id).join(', '))}</title>`);
  out.push(
    `<style>${REPORT_CSS}\n.meta td{vertical-align:top;min-width:9rem}.meta .nums{display:block;font-size:.82rem;color:var(--muted)}.meta details summary{cursor:pointer;font-size:.8rem;color:var(--muted)}</style>`,
  );
  out.push('</head>', '<body>', '<header class="hero">');
  out.push(`<div class="eyebrow">${e(w(L, 'comparison'))} · ${e(c.tool.name)} ${e(c.tool.version)}</div>`);
  out.push(`<h1>${e(w(L, 'comparison'))}</h1>`);
  out.push('<dl class="facts">');
  const fact = (k: string, v: string | number) => out.push(`<div><dt>${e(k)}</dt><dd>${e(String(v))}</dd></div>`);
  fact(w(L, 'cases'), c.cases.length);
  fact(w(L, 'code'), c.codes.length);
  fact(
    w(L, 'sources'),
    c.cases.reduce((a, k) => a + k.counts.sources, 0),
  );
  fact(
    w(L, 'informants'),
    c.cases.reduce((a, k) => a + k.counts.informants, 0),
  );
  out.push('</dl>', '</header>');
  const all = sheets(c);
  const nav: Array<[string, string]> = [
    ['cases', w(L, 'cases')],
    ['narrative', w(L, 'narrative')],
    ...all.map((s): [string, string] => [s.display, s.title]),
    ['not-shared', w(L, 'notShared')],
    ['method', w(L, 'method')],
  ];
  out.push(`<nav class="toc">${nav.map(([id, t]) => `<a href="#${id}">${e(t)}</a>`).join('')}</nav>`);
  out.push('<main>');
  let n = 0;
  out.push(`<section id="cases"><h2>${++n}. ${e(w(L, 'cases'))}</h2>`);
  const cases = casesTable(c);
  out.push(table(cases.header, cases.rows));
  out.push('</section>');
  out.push(`<section id="narrative"><h2>${++n}. ${e(w(L, 'narrative'))}</h2><ul>${c.narrative.map((s) => `<li>${e(s)}</li>`).join('')}</ul></section>`);
  for (const s of all) {
    out.push(`<section id="${s.display}"><h2>${++n}. ${e(s.title)}</h2>`);
    if (s.note) out.push(`<p class="explain">${e(s.note).replace(/`([^`]+)`/g, '<code>$1</code>')}</p>`);
    out.push(s.display === 'meta' ? metaTable(c) : table(s.header, s.rows));
    out.push('</section>');
  }
  out.push(`<section id="not-shared"><h2>${++n}. ${e(w(L, 'notShared'))}</h2>`);
  const notShared = notSharedTable(c);
  out.push(c.notShared.length ? table(notShared.header, notShared.rows) : `<p>${e(w(L, 'none'))}</p>`);
  if (c.refused.length) {
    const refused = refusedTable(c);
    out.push(`<h3>${e(w(L, 'refused'))}</h3>`);
    out.push(table(refused.header, refused.rows));
  }
  out.push('</section>');
  out.push(`<section id="method"><h2>${n + 1}. ${e(w(L, 'method'))}</h2><p>${e(w(L, 'methodText'))}</p></section>`);
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = header.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((x, i) => (i === 0 ? `<th scope="row">${e(x)}</th>` : `<td>${e(x)}</td>`)).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function metaTable(c: Comparison): string {
  const L = c.lang;
  const label = (code: string) => c.codes.find((x) => x.id === code)?.label ?? code;
  const byKey = new Map(c.metaMatrix.cells.map((x) => [`${x.case}\u0000${x.code}`, x]));
  const head = [w(L, 'case'), ...c.metaMatrix.columns.map(label)].map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const rows = c.cases.map((k) => {
    const cells = c.metaMatrix.columns.map((code) => {
      const x = byKey.get(`${k.id}\u0000${code}`);
      return x ? `<td data-case="${e(k.id)}" data-code="${e(code)}">${metaCell(x, L)}</td>` : '<td></td>';
    });
    return `<tr><th scope="row">${e(k.id)}<span class="nums">${e(k.case)}</span></th>${cells.join('')}</tr>`;
  });
  return `<div class="scroll"><table class="meta"><thead><tr>${head}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

function metaCell(x: MetaCell, L: Comparison['lang']): string {
  const badge = `<span class="badge ${x.verdict}" title="${e(reasonLabel(x.reason, L))}">${e(verdictLabel(x.verdict, L))}</span>`;
  const nums = `${valenceMarks(x.counts) || '0'} · ${x.informants} ${w(L, 'informants').toLowerCase()} · ${x.sources} ${w(L, 'sources').toLowerCase()}`;
  const quotes = [...x.support, ...x.against];
  const more = x.againstTotal > x.against.length ? `<p class="nums">${x.againstTotal - x.against.length} ${e(w(L, 'more'))}</p>` : '';
  const details = quotes.length
    ? `<details><summary>${e(w(L, 'evidence'))} (${quotes.length})</summary>${quotes.map((q) => quoteHtml(q, L)).join('')}${more}<p class="nums">${e(w(L, 'informants'))}: ${e(x.informantIds.join(', ') || '—')}</p></details>`
    : '';
  return `${badge}<span class="nums">${e(nums)}</span>${details}`;
}

function quoteHtml(q: CaseQuote, L: Comparison['lang']): string {
  const who = q.informant !== undefined ? `${q.informant}${q.role ? ` (${roleLabel(q.role, L)})` : q.group ? ` (${groupLabel(q.group, L)})` : ''}` : '';
  return `<blockquote class="v${q.valence}"><p>“${e(q.quote)}”</p><footer>${e(valenceSign(q.valence))}${who ? ` · ${e(who)}` : ''} · <code>${e(`${q.source}:${q.line}`)}</code></footer></blockquote>`;
}
