import { createHash } from 'node:crypto';
import { markdownBlock, markdownInline } from './markdown-html.js';
import type { Lang } from '../model/codebook.js';
import type { Conclusion, QuoteRef } from '../model/conclusion.js';
import type { Matrix } from '../model/matrix.js';
import { withOtherRefs } from '../display/common.js';
import { auditSettingRows, fileRoleLabel } from '../i18n/audit.js';
import { citation, codeGroupLabel, groupLabel, kindLabel, lineWord, roleLabel, valenceMarks, valenceSign } from '../i18n/labels.js';
import { escapeHtml as e, renderHtml } from './index.js';
import type { Memo } from '../model/evidence.js';
import { memosElsewhere, memosOn, type HeatCell, type Report } from '../report/build.js';
import { explainDimension, explainVerdict, ruleText } from './explain-verdict.js';
import { leanLabel, pct, reasonLabel, statusLabel, tr, verdictLabel } from '../i18n/report.js';
import { NEGATIVE_CASES_SHOWN, saturationSummary } from './report-md.js';
import { REPORT_CSS, REPORT_JS } from './report-html-assets.js';
import { saturationTable, subcodeTable } from './report-shared.js';
import { reportSections, sectionContext, type PlacedSection, type ReportSectionId, type SectionContext } from './report-sections.js';
import { agreementBlocks } from './report-agreement.js';

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` escaped so no text
 * inside (a transcript quoting `</script>`, say) can end the block early.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Markdown-ish `**bold**` and `` `code` `` in our own sentences, after escaping. */
function inline(s: string): string {
  return e(s)
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/`([^`]+)`/g, '<code>$1</code>');
}

/**
 * The report as one self-contained HTML page: inline CSS and JS, no URL of any kind, a
 * Content-Security-Policy that allows only this page's own script, every transcript text
 * escaped (or set with textContent by the script).
 */
export function renderReportHtml(r: Report): string {
  const L = r.lang;
  const scriptHash = createHash('sha256').update(REPORT_JS).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'`;

  const out: string[] = [];
  out.push('<!DOCTYPE html>');
  out.push(`<html lang="${L}">`);
  out.push('<head>');
  out.push('<meta charset="utf-8">');
  out.push(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<meta name="generator" content="${e(r.tool.name)} ${e(r.tool.version)}">`);
  out.push(`<title>${e(tr(L, 'report'))}: ${e(r.study.title)}</title>`);
  out.push(`<style>${REPORT_CSS}</style>`);
  out.push('</head>');
  out.push('<body>');
  out.push('<header class="hero">');
  out.push(`<div class="eyebrow">${e(tr(L, 'report'))} · ${e(r.tool.name)} ${e(r.tool.version)}</div>`);
  out.push(`<h1>${e(r.study.title)}</h1>`);
  out.push(`<p class="case">${e(tr(L, 'case'))}: ${e(r.study.case)}</p>`);
  out.push('<dl class="facts">');
  const fact = (k: string, v: string | number) => out.push(`<div><dt>${e(k)}</dt><dd>${e(String(v))}</dd></div>`);
  fact(tr(L, 'sources'), r.sourceCount);
  fact(tr(L, 'informantCount'), r.informants.length);
  fact(tr(L, 'codings'), r.codingCount);
  fact(tr(L, 'language'), r.study.language);
  fact(tr(L, 'codebook'), `${r.audit.codebook.id} ${r.audit.codebook.version}`);
  out.push('</dl>');
  out.push('</header>');

  const placed = reportSections(r, 'html');
  out.push(`<nav class="toc" aria-label="${e(tr(L, 'contents'))}">${placed.map((p) => `<a href="#${p.id}">${e(p.title)}</a>`).join('')}</nav>`);
  out.push('<main>');
  const ctx = sectionContext(r);
  for (const p of placed) out.push(...HTML_SECTIONS[p.id](ctx, p));
  out.push('</main>');
  out.push(
    `<footer class="page">${e(tr(L, 'generatedBy'))} ${e(r.tool.name)} ${e(r.tool.version)} · ${e(r.audit.codebook.id)} ${e(r.audit.codebook.version)}</footer>`,
  );
  out.push(`<script type="application/json" id="qia-data">${jsonForScript(pageData(r))}</script>`);
  out.push(`<script>${REPORT_JS}</script>`);
  out.push('</body>');
  out.push('</html>');
  return out.join('\n') + '\n';
}

/** `<section id=…><h2>n. Title</h2>`: the heading of a placed section. */
function open(p: PlacedSection): string {
  return `<section id="${p.id}"><h2>${p.number !== undefined ? `${p.number}. ` : ''}${e(p.title)}</h2>`;
}

type HtmlSection = (ctx: SectionContext, p: PlacedSection) => string[];

const HTML_SECTIONS: Record<ReportSectionId, HtmlSection> = {
  glance: ({ L, label, top }, p) => [
    // One card per attribute and obstacle.
    `${open(p)}<div class="cards">`,
    ...top.map(
      (c) =>
        `<div class="card${c.group === 'obstacle' ? ' obstacle' : ''}" data-code="${e(c.code)}"><span class="name">${e(label(c.code))}</span>${badge(c, L)}${vbar(c)}<span class="nums">${e(countsText(c, L))}</span></div>`,
    ),
    '</div></section>',
  ],
  heatmap: ({ r }) => [heatmapSection(r)],
  informants: ({ r, L }, p) => [
    open(p),
    table(
      tr(L, 'informantsTable'),
      [tr(L, 'id'), tr(L, 'label'), tr(L, 'role'), tr(L, 'group'), tr(L, 'position'), tr(L, 'sources'), tr(L, 'codings')],
      r.informants.map((i) => [i.id, i.label, roleLabel(i.role, L), groupLabel(i.group, L), i.position, String(i.sources), String(i.codings)]),
    ),
    '</section>',
  ],
  findings: ({ r, attrs }, p) => [open(p), ...attrs.map((c, i) => findingHtml(r, c, `${p.number}.${i + 1}`)), '</section>'],
  displays: ({ r }, p) => [
    open(p),
    ...r.displays
      .filter((d) => d.type !== 'obstacles')
      .flatMap((d, i) => [`<h3>${p.number}.${i + 1} ${e(d.matrix.title)}</h3>`, `<div class="scroll">${renderHtml(lean(d.matrix))}</div>`]),
    '</section>',
  ],
  obstacles: ({ r, L, obstacles }, p) => {
    const out = [open(p)];
    const ot = r.displays.find((d) => d.type === 'obstacles');
    if (ot) out.push(`<div class="scroll">${renderHtml(lean(ot.matrix))}</div>`);
    obstacles.forEach((c, i) => out.push(findingHtml(r, c, `${p.number}.${i + 1}`)));
    const elsewhere = memosElsewhere(r);
    if (elsewhere.length)
      out.push(
        `<article class="finding"><h3>${p.number}.${obstacles.length + 1} ${e(tr(L, 'memosElsewhere'))}</h3>\n${elsewhere.map(memoHtml).join('\n')}</article>`,
      );
    out.push('</section>');
    return out;
  },
  triangulation: triangulationHtml,
  agreement: ({ r, L }, p) => {
    const a = agreementBlocks(r.agreement!, L);
    return [
      open(p),
      `<p>${a.lead.map(e).join(' ')}</p>`,
      ...a.tables.map((t) => table(t.caption, t.header, t.rows)),
      a.notes.map((s) => `<p class="note">${inline(s)}</p>`).join('\n'),
      '</section>',
    ];
  },
  verdicts: ({ r, L, label, top }, p) => [
    open(p),
    `<h3>${e(tr(L, 'rule'))}</h3><ul class="rule">${ruleText(r.settings, L, r.counting)
      .map((s) => `<li>${inline(s)}</li>`)
      .join('')}</ul>`,
    '<div class="scroll"><table class="verdicts"><thead><tr>',
    [tr(L, 'code'), tr(L, 'verdict'), '+', '−', '·', tr(L, 'share'), tr(L, 'witnesses'), tr(L, 'why')].map((h) => `<th scope="col">${e(h)}</th>`).join(''),
    '</tr></thead><tbody>',
    ...top.map(
      (c) =>
        `<tr data-code="${e(c.code)}" data-verdict="${c.verdict}"><th scope="row">${e(label(c.code))}</th><td>${badge(c, L)}</td><td>${c.counts.positive}</td><td>${c.counts.negative}</td><td>${c.counts.neutral}</td><td>${pct(c.favourableShare)}</td><td>${c.witnesses}</td><td>${e(explainVerdict(c, r.settings, L))}</td></tr>`,
    ),
    '</tbody></table></div></section>',
  ],
  saturation: ({ r, L }, p) => {
    const t = saturationTable(r.saturation, L);
    return [open(p), `<p>${e(saturationSummary(r))}</p>`, saturationSvg(r), table('', t.header, t.rows), '</section>'];
  },
  appendix: appendixHtml,
};

function triangulationHtml({ L, label, top }: SectionContext, p: PlacedSection): string[] {
  const out = [open(p)];
  out.push('<div class="scroll"><table class="tri"><thead><tr>');
  out.push([tr(L, 'code'), tr(L, 'sourceTri'), tr(L, 'methodTri'), tr(L, 'status')].map((h) => `<th scope="col">${e(h)}</th>`).join(''));
  out.push('</tr></thead><tbody>');
  for (const c of top) {
    const t = c.triangulation!;
    const ob = c.group === 'obstacle';
    out.push(
      `<tr><th scope="row">${e(label(c.code))}</th><td>${e(explainDimension(t.source, L, 'group', ob))}</td><td>${e(explainDimension(t.method, L, 'kind', ob))}</td><td><span class="badge ${t.status}">${e(statusLabel(t.status, L))}</span></td></tr>`,
    );
  }
  out.push('</tbody></table></div>');
  for (const c of top) {
    for (const d of c.triangulation?.divergences ?? []) {
      const name = d.dimension === 'group' ? groupLabel : kindLabel;
      const ob = c.group === 'obstacle';
      out.push(`<h3>${e(tr(L, 'sideBySide'))}: ${e(label(c.code))}</h3><div class="pair">`);
      out.push(
        `<div><h4>${e(name(d.favourable.key, L))}: ${e(leanLabel('favourable', L, ob))}</h4>${d.favourable.quotes.map((q) => quoteHtml(q, L)).join('')}</div>`,
      );
      out.push(
        `<div><h4>${e(name(d.unfavourable.key, L))}: ${e(leanLabel('unfavourable', L, ob))}</h4>${d.unfavourable.quotes.map((q) => quoteHtml(q, L)).join('')}</div>`,
      );
      out.push('</div>');
    }
  }
  out.push('</section>');
  return out;
}
function appendixHtml({ r, L }: SectionContext, p: PlacedSection): string[] {
  const app = p.number;
  const out = [open(p)];
  out.push(`<h3>${app}.1 ${e(tr(L, 'codebook'))}: ${e(r.audit.codebook.id)} ${e(r.audit.codebook.version)}</h3>`);
  out.push(
    table(
      '',
      [tr(L, 'code'), tr(L, 'group'), tr(L, 'attribute'), tr(L, 'definition')],
      r.codebook.map((c) => [`${'\u2003'.repeat(c.depth)}${c.id}`, codeGroupLabel(c.group, L), c.label, { html: markdownInline(c.definition) }]),
    ),
  );
  const a = r.audit;
  out.push(`<h3>${app}.2 ${e(tr(L, 'audit'))}</h3>`);
  // The setting in words, its study.yaml key after it for whoever edits the file.
  out.push(
    table(
      '',
      [tr(L, 'setting'), tr(L, 'value')],
      auditSettingRows(a, L).map((x) => [x.key ? `${x.label} (${x.key})` : x.label, x.value]),
    ),
  );
  out.push('<div class="scroll"><table class="audit"><thead><tr>');
  out.push([tr(L, 'file'), tr(L, 'kindOfFile'), tr(L, 'bytes'), tr(L, 'sha')].map((h) => `<th scope="col">${e(h)}</th>`).join(''));
  out.push('</tr></thead><tbody>');
  for (const f of a.files)
    out.push(`<tr><td><code>${e(f.path)}</code></td><td>${e(fileRoleLabel(f.role, L))}</td><td>${f.bytes}</td><td class="hash">${e(f.sha256)}</td></tr>`);
  out.push('</tbody></table></div></section>');
  return out;
}

/**
 * A matrix without its per-cell coding links: the page's heatmap carries the quotes, and on a
 * large study the segment lists would make the file many megabytes for nothing.
 */
function lean(m: Matrix): Matrix {
  return { ...m, cells: m.cells.map((c) => withOtherRefs(c, [])) };
}

function badge(c: Conclusion, L: Lang): string {
  return `<span class="badge ${c.verdict}" title="${e(reasonLabel(c.reason, L))}">${e(verdictLabel(c.verdict, L))}</span>`;
}

function vbar(c: Conclusion): string {
  if (c.total === 0) return '<div class="vbar" aria-hidden="true"></div>';
  const w = (x: number) => `${((x / c.total) * 100).toFixed(1)}%`;
  return `<div class="vbar" aria-hidden="true"><span class="p" style="width:${w(c.counts.positive)}"></span><span class="z" style="width:${w(c.counts.neutral)}"></span><span class="n" style="width:${w(c.counts.negative)}"></span></div>`;
}

function countsText(c: Conclusion, L: Lang): string {
  const marks = valenceMarks(c.counts) || '0';
  return L === 'id' ? `${marks} · ${c.witnesses} saksi · ${c.sources} sumber` : `${marks} · ${c.witnesses} witnesses · ${c.sources} sources`;
}

/** A table cell: text (escaped here) or HTML made safe already (Markdown through markdown-html.ts). */
type CellContent = string | { html: string };

function table(caption: string, header: string[], rows: CellContent[][]): string {
  const head = header.map((h) => `<th scope="col">${e(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${typeof c === 'string' ? e(c) : c.html}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table>${caption ? `<caption>${e(caption)}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

function quoteHtml(q: QuoteRef, L: Lang): string {
  const who = q.informant !== undefined ? `${q.informant}${q.role ? ` (${roleLabel(q.role, L)})` : ''}` : kindLabel(q.kind, L);
  const where = citation(q.sourceId, q.line, L);
  return `<blockquote class="v${q.valence}" data-qkind="${e(q.kind)}" data-qrole="${e(q.role ?? '')}"><p>“${e(q.quote)}”</p><footer>${e(valenceSign(q.valence))} · ${e(who)} · <code>${e(where)}</code></footer></blockquote>`;
}

function findingHtml(r: Report, c: Conclusion, num: string): string {
  const L = r.lang;
  const label = (code: string) => r.labels[code] ?? code;
  const out: string[] = [];
  out.push(`<article class="finding" id="code-${e(c.code)}">`);
  out.push(`<h3>${num} ${e(label(c.code))} ${badge(c, L)}</h3>`);
  out.push(`<p class="explain">${e(explainVerdict(c, r.settings, L))}</p>`);
  const subs = r.conclusions.filter((s) => s.parent === c.code);
  if (subs.length) {
    const t = subcodeTable(subs, label, L);
    out.push(table('', t.header, t.rows));
  }
  if (c.support.length) {
    out.push(`<h4>${e(tr(L, 'support'))}</h4>`);
    out.push(c.support.map((q) => quoteHtml(q, L)).join('\n'));
  }
  out.push(`<details open class="neg"><summary>${e(tr(L, 'negative'))} (${c.negativeCases.length})</summary>`);
  if (c.negativeCases.length === 0) out.push(`<p>${e(tr(L, 'noNegative'))}</p>`);
  else {
    out.push(
      c.negativeCases
        .slice(0, NEGATIVE_CASES_SHOWN)
        .map((q) => quoteHtml(q, L))
        .join('\n'),
    );
    if (c.negativeCases.length > NEGATIVE_CASES_SHOWN)
      out.push(`<p>… ${c.negativeCases.length - NEGATIVE_CASES_SHOWN} ${e(tr(L, 'more'))} (${e(tr(L, 'allInJson'))})</p>`);
  }
  const memos = memosOn(r, c.code);
  if (memos.length) {
    out.push('</details>');
    out.push(`<h4>${e(tr(L, 'memos'))}</h4>`);
    out.push(memos.map(memoHtml).join('\n'));
    out.push('</article>');
  } else out.push('</details></article>');
  return out.join('\n');
}

/** A memo's Markdown as HTML (bold, lists, links), raw HTML in it shown as text (markdown-html.ts). */
function memoHtml(m: Memo): string {
  const paras = markdownBlock(m.body.trim());
  return `<aside class="memo" data-memo-code="${e(m.code)}"><p class="memo-head"><strong>${e(m.title ?? m.file)}</strong> (<code>${e(m.code)}</code>, ${e(m.file)})</p>${paras}</aside>`;
}

function heatmapSection(r: Report): string {
  const L = r.lang;
  const h = r.heatmap;
  const cells = new Map<string, HeatCell>(h.cells.map((c) => [`${c.row}\u0000${c.column}`, c]));
  const out: string[] = [];
  out.push(`<section id="heatmap"><h2>${e(tr(L, 'heatmap'))}</h2>`);
  out.push(`<p class="lead">${e(tr(L, 'clickHint'))}</p>`);
  out.push('<div class="filters">');
  out.push(
    `<fieldset><legend>${e(tr(L, 'filterRole'))}</legend>${h.rows.map((row) => `<label><input type="checkbox" data-filter="role" value="${e(row.id)}" checked> ${e(row.label)}</label>`).join('')}</fieldset>`,
  );
  out.push(
    `<fieldset><legend>${e(tr(L, 'filterKind'))}</legend>${h.kinds.map((k) => `<label><input type="checkbox" data-filter="kind" value="${e(k)}" checked> ${e(kindLabel(k, L))}</label>`).join('')}</fieldset>`,
  );
  out.push('</div>');
  out.push('<div class="heat-wrap"><div class="scroll">');
  out.push(`<table class="heat"><thead><tr><th scope="col">${e(tr(L, 'role'))}</th>`);
  for (const col of h.columns) out.push(`<th scope="col" class="${col.group === 'obstacle' ? 'obst' : 'attr'}">${e(col.label)}</th>`);
  out.push('</tr></thead><tbody>');
  const max = Math.max(1, ...h.cells.map((c) => c.total));
  for (const row of h.rows) {
    out.push(`<tr data-row="${e(row.id)}"><th scope="row">${e(row.label)}</th>`);
    for (const col of h.columns) {
      const cell = cells.get(`${row.id}\u0000${col.id}`);
      const counts = sumKinds(cell);
      const { bg, fg } = heatColour(counts, max);
      const text = counts.t
        ? `<span class="tot">${counts.t}</span>${e(valenceMarks({ positive: counts.p, negative: counts.n, neutral: counts.z }))}`
        : '<span class="tot">–</span>';
      out.push(
        `<td class="${col.group === 'obstacle' ? 'obst' : 'attr'}"><button type="button" class="hm${counts.t ? '' : ' empty'}" data-row="${e(row.id)}" data-col="${e(col.id)}" aria-pressed="false" aria-label="${e(`${row.label} × ${col.label}`)}" style="background:${bg};color:${fg}">${text}</button></td>`,
      );
    }
    out.push('</tr>');
  }
  out.push('</tbody></table>');
  out.push(
    `<div class="legend"><span><span class="sw" style="background:hsl(150,70%,50%)"></span>${e(tr(L, 'favourable'))}</span><span><span class="sw" style="background:hsl(6,70%,50%)"></span>${e(tr(L, 'unfavourable'))} / ${e(tr(L, 'hinders'))}</span><span><span class="sw" style="background:hsl(150,18%,88%)"></span>${e(tr(L, 'neutral'))}</span></div>`,
  );
  out.push(`</div><aside id="detail" aria-live="polite"><p class="hint">${e(tr(L, 'clickHint'))}</p></aside></div>`);
  out.push('</section>');
  return out.join('\n');
}

function sumKinds(cell: HeatCell | undefined): { p: number; n: number; z: number; t: number } {
  const c = { p: 0, n: 0, z: 0, t: 0 };
  if (!cell) return c;
  for (const v of Object.values(cell.byKind)) {
    c.p += v.positive;
    c.n += v.negative;
    c.z += v.neutral;
  }
  c.t = c.p + c.n + c.z;
  return c;
}

/** The same colour rule as the page script, so the printed page matches the screen. */
function heatColour(c: { p: number; n: number; t: number }, max: number): { bg: string; fg: string } {
  if (c.t === 0) return { bg: '#ffffff', fg: '#b3bac4' };
  const net = (c.p - c.n) / c.t;
  const strength = Math.sqrt(c.t / Math.max(1, max));
  const hue = net >= 0 ? 150 : 6;
  const sat = Math.round(18 + 52 * Math.abs(net));
  const light = Math.round(95 - 45 * strength * (0.35 + 0.65 * Math.abs(net)));
  return { bg: `hsl(${hue},${sat}%,${light}%)`, fg: light < 62 ? '#ffffff' : '#1c2430' };
}

/** Bars of new codes per source and a line of the cumulative count, drawn as inline SVG. */
function saturationSvg(r: Report): string {
  const steps = r.saturation.steps;
  if (steps.length === 0) return '';
  const W = 640;
  const H = 220;
  const left = 36;
  const bottom = 28;
  const topPad = 12;
  const plotW = W - left - 12;
  const plotH = H - bottom - topPad;
  const max = Math.max(1, r.saturation.totalCodes);
  const step = plotW / steps.length;
  const y = (v: number) => topPad + plotH - (v / max) * plotH;
  const parts: string[] = [];
  const title = r.lang === 'id' ? 'Kode baru per sumber dan jumlah kumulatif' : 'New codes per source and the cumulative count';
  parts.push(`<svg class="sat" viewBox="0 0 ${W} ${H}" role="img" aria-label="${e(title)}">`);
  parts.push(`<title>${e(title)}</title>`);
  for (const t of [0, 0.5, 1]) {
    const v = Math.round(max * t);
    parts.push(`<line x1="${left}" x2="${W - 12}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#dfe3ea"/>`);
    parts.push(`<text x="${left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${v}</text>`);
  }
  const pts: string[] = [];
  steps.forEach((s, i) => {
    const x = left + i * step;
    const bw = Math.max(2, step * 0.6);
    const bh = (s.newCodes.length / max) * plotH;
    parts.push(
      `<rect x="${(x + (step - bw) / 2).toFixed(1)}" y="${(topPad + plotH - bh).toFixed(1)}" width="${bw.toFixed(1)}" height="${bh.toFixed(1)}" fill="#9cc3e0"><title>${e(`${s.order}. ${s.sourceId}: +${s.newCodes.length} → ${s.cumulative}`)}</title></rect>`,
    );
    pts.push(`${(x + step / 2).toFixed(1)},${y(s.cumulative).toFixed(1)}`);
    if (steps.length <= 30 || i % Math.ceil(steps.length / 30) === 0) {
      parts.push(`<text x="${(x + step / 2).toFixed(1)}" y="${H - bottom + 14}" text-anchor="middle">${s.order}</text>`);
    }
  });
  parts.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="#1f5f8b" stroke-width="2"/>`);
  for (const p of pts) {
    const [cx, cy] = p.split(',');
    parts.push(`<circle cx="${cx}" cy="${cy}" r="2.6" fill="#1f5f8b"/>`);
  }
  const axis = r.lang === 'id' ? 'Urutan sumber' : 'Source order';
  const legendBars = r.lang === 'id' ? 'kode baru' : 'new codes';
  const legendLine = r.lang === 'id' ? 'kumulatif' : 'cumulative';
  parts.push(`<rect x="${W - 190}" y="${topPad}" width="10" height="10" fill="#9cc3e0"/><text x="${W - 175}" y="${topPad + 9}">${e(legendBars)}</text>`);
  parts.push(
    `<line x1="${W - 100}" x2="${W - 84}" y1="${topPad + 5}" y2="${topPad + 5}" stroke="#1f5f8b" stroke-width="2"/><text x="${W - 78}" y="${topPad + 9}">${e(legendLine)}</text>`,
  );
  parts.push(`<text x="${left + plotW / 2}" y="${H - 2}" text-anchor="middle">${e(axis)}</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** What the page script needs: the heatmap cells with their quotes, and translated labels. */
function pageData(r: Report): unknown {
  const L = r.lang;
  const roles: Record<string, string> = {};
  for (const row of r.heatmap.rows) roles[row.id] = row.label;
  const kinds: Record<string, string> = {};
  for (const k of ['interview', 'observation', 'document']) kinds[k] = kindLabel(k, L);
  return {
    heatmap: r.heatmap,
    text: {
      roles,
      kinds,
      codes: r.labels,
      codings: tr(L, 'codings').toLowerCase(),
      noQuotes: tr(L, 'noQuotes'),
      line: lineWord(L),
      strongest: L === 'id' ? 'Ditampilkan {n} kutipan terkuat dari {t} koding.' : 'Showing the {n} strongest quotes of {t} codings.',
    },
  };
}
