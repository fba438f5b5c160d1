import type { Lang } from '../model/codebook.js';
import type { Conclusion, QuoteRef } from '../model/conclusion.js';
import { auditSettingRows, fileRoleLabel } from '../i18n/audit.js';
import { citation, codeGroupLabel, groupLabel, kindLabel, roleLabel, valenceSign } from '../i18n/labels.js';
import { mdTable, renderMd } from './index.js';
import type { Memo } from '../model/evidence.js';
import { memosElsewhere, memosOn, type Report } from '../report/build.js';
import { explainDimension, explainVerdict, ruleText } from './explain-verdict.js';
import { pct, reasonLabel, statusLabel, tr, verdictLabel } from '../i18n/report.js';
import { saturationBars, saturationTable, subcodeTable } from './report-shared.js';
import { terminalSafe } from '../util/terminal-safe.js';
import { reportSections, sectionContext, type PlacedSection, type ReportSectionId, type SectionContext } from './report-sections.js';
import { agreementBlocks } from './report-agreement.js';

/** Text from a transcript, made inert in Markdown: no HTML, no emphasis, no links, no terminal control. */
export function mdText(s: string): string {
  return terminalSafe(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text from the study (a file name) inside a code span or block: no terminal control, no backtick to end it. */
function mdCode(s: string): string {
  return terminalSafe(s).replace(/`/g, "'");
}

/** How many negative cases the md and html forms print before pointing to report.json. */
export const NEGATIVE_CASES_SHOWN = 50;

export function quoteLine(q: QuoteRef, lang: Lang): string {
  const who = q.informant !== undefined ? `${q.informant}${q.role ? ` (${roleLabel(q.role, lang)})` : ''}` : kindLabel(q.kind, lang);
  const where = citation(q.sourceId, q.line, lang);
  return `“${mdText(q.quote)}” — ${mdText(who)}, \`${mdCode(where)}\` [${valenceSign(q.valence)}]`;
}

/** The report as a thesis chapter in GitHub-flavoured Markdown (pandoc turns it into Word). */
export function renderReportMd(r: Report): string {
  const L = r.lang;
  const out: string[] = [];
  out.push(`# ${tr(L, 'report')}: ${mdText(r.study.title)}`);
  out.push(
    `**${tr(L, 'case')}:** ${mdText(r.study.case)} · **${tr(L, 'language')}:** ${r.study.language} · ${r.sourceCount} ${tr(L, 'sources').toLowerCase()} · ${r.informants.length} ${tr(L, 'informantCount').toLowerCase()} · ${r.codingCount} ${tr(L, 'codings').toLowerCase()}`,
  );
  const ctx = sectionContext(r);
  for (const p of reportSections(r, 'md')) {
    out.push(`## ${p.number !== undefined ? `${p.number} ` : ''}${p.title}`);
    out.push(...MD_SECTIONS[p.id](ctx, p));
  }
  out.push(`*${tr(L, 'generatedBy')} ${r.tool.name} ${r.tool.version}.*`);
  return out.join('\n\n') + '\n';
}

/** A section's blocks after its heading, each a paragraph, table or list of the chapter. */
type MdSection = (ctx: SectionContext, p: PlacedSection) => string[];

const MD_SECTIONS: Record<ReportSectionId, MdSection> = {
  glance: ({ L, label, top }) => [
    mdTable(
      [tr(L, 'attribute'), tr(L, 'verdict'), '+', '−', '·'],
      top.map((c) => [label(c.code), verdictLabel(c.verdict, L), String(c.counts.positive), String(c.counts.negative), String(c.counts.neutral)]),
    ),
  ],
  // The heatmap is the page's alone (reportSections leaves it out of md).
  heatmap: () => [],
  informants: ({ r, L }) => [
    `**${tr(L, 'informantsTable')}**`,
    mdTable(
      [tr(L, 'id'), tr(L, 'label'), tr(L, 'role'), tr(L, 'group'), tr(L, 'position'), tr(L, 'sources'), tr(L, 'codings')],
      r.informants.map((i) => [i.id, i.label, roleLabel(i.role, L), groupLabel(i.group, L), i.position, String(i.sources), String(i.codings)]),
    ),
  ],
  findings: ({ r, attrs }, p) => attrs.flatMap((c, i) => findingMd(r, c, `${p.number}.${i + 1}`)),
  displays: ({ r }, p) =>
    r.displays.filter((d) => d.type !== 'obstacles').flatMap((d, i) => [`### ${p.number}.${i + 1} ${mdText(d.matrix.title)}`, renderMd(d.matrix).trimEnd()]),
  obstacles: ({ r, L, obstacles }, p) => {
    const out: string[] = [];
    const table = r.displays.find((d) => d.type === 'obstacles');
    if (table) out.push(renderMd(table.matrix).trimEnd());
    obstacles.forEach((c, i) => out.push(...findingMd(r, c, `${p.number}.${i + 1}`)));
    const elsewhere = memosElsewhere(r);
    if (elsewhere.length) out.push(`### ${p.number}.${obstacles.length + 1} ${tr(L, 'memosElsewhere')}`, elsewhere.map(memoMd).join('\n\n'));
    return out;
  },
  triangulation: triangulationMd,
  agreement: ({ r, L }) => {
    const a = agreementBlocks(r.agreement!, L);
    return [
      a.lead.map(mdText).join(' '),
      ...a.tables.flatMap((t) => [
        `**${t.caption}**`,
        mdTable(
          t.header,
          t.rows.map((row) => row.map(mdText)),
        ),
      ]),
      a.notes.join(' '),
    ];
  },
  verdicts: ({ r, L, label, top }) => [
    `**${tr(L, 'rule')}**`,
    ruleText(r.settings, L, r.counting)
      .map((s) => `- ${s}`)
      .join('\n'),
    mdTable(
      [tr(L, 'code'), tr(L, 'verdict'), '+', '−', '·', tr(L, 'share'), tr(L, 'witnesses'), tr(L, 'why')],
      top.map((c) => [
        label(c.code),
        `**${verdictLabel(c.verdict, L)}**`,
        String(c.counts.positive),
        String(c.counts.negative),
        String(c.counts.neutral),
        pct(c.favourableShare),
        String(c.witnesses),
        reasonLabel(c.reason, L),
      ]),
    ),
    top.map((c) => `- **${mdText(label(c.code))}.** ${explainVerdict(c, r.settings, L)}`).join('\n'),
  ],
  saturation: ({ r, L }) => {
    const t = saturationTable(r.saturation, L);
    return [saturationSummary(r), mdTable(t.header, t.rows), '```text\n' + saturationBars(r.saturation).map(mdCode).join('\n') + '\n```'];
  },
  appendix: ({ r, L }, p) => [
    `### ${p.number}.1 ${tr(L, 'codebook')}: ${mdText(r.audit.codebook.id)} ${mdText(r.audit.codebook.version)}`,
    mdTable(
      [tr(L, 'code'), tr(L, 'group'), tr(L, 'attribute'), tr(L, 'definition')],
      r.codebook.map((c) => [`${'  '.repeat(c.depth)}\`${c.id}\``, codeGroupLabel(c.group, L), c.label, c.definition]),
    ),
    `### ${p.number}.2 ${tr(L, 'audit')}`,
    auditSettingsMd(r),
    mdTable(
      [tr(L, 'file'), tr(L, 'kindOfFile'), tr(L, 'bytes'), tr(L, 'sha')],
      r.audit.files.map((f) => [`\`${f.path}\``, fileRoleLabel(f.role, L), String(f.bytes), `\`${f.sha256}\``]),
    ),
  ],
};

function triangulationMd({ L, label, top }: SectionContext): string[] {
  const out = [
    mdTable(
      [tr(L, 'code'), tr(L, 'sourceTri'), tr(L, 'methodTri'), tr(L, 'status')],
      top.map((c) => {
        const t = c.triangulation!;
        const ob = c.group === 'obstacle';
        return [label(c.code), explainDimension(t.source, L, 'group', ob), explainDimension(t.method, L, 'kind', ob), statusLabel(t.status, L)];
      }),
    ),
  ];
  for (const c of top) {
    for (const d of c.triangulation?.divergences ?? []) {
      const name = d.dimension === 'group' ? groupLabel : kindLabel;
      out.push(`**${tr(L, 'sideBySide')}: ${mdText(label(c.code))}**`);
      const rows: string[][] = [];
      const len = Math.max(d.favourable.quotes.length, d.unfavourable.quotes.length);
      for (let k = 0; k < len; k++) {
        const a = d.favourable.quotes[k];
        const b = d.unfavourable.quotes[k];
        rows.push([a ? quoteLine(a, L) : '', b ? quoteLine(b, L) : '']);
      }
      out.push(mdTable([`${name(d.favourable.key, L)} (+)`, `${name(d.unfavourable.key, L)} (−)`], rows));
    }
  }
  return out;
}

function findingMd(r: Report, c: Conclusion, num: string): string[] {
  const L = r.lang;
  const out: string[] = [];
  const label = (code: string) => r.labels[code] ?? code;
  out.push(`### ${num} ${mdText(label(c.code))}: ${verdictLabel(c.verdict, L)}`);
  out.push(explainVerdict(c, r.settings, L));
  const subs = r.conclusions.filter((s) => s.parent === c.code);
  if (subs.length) {
    const t = subcodeTable(subs, label, L);
    out.push(mdTable(t.header, t.rows));
  }
  if (c.support.length) {
    out.push(`**${tr(L, 'support')}**`);
    out.push(c.support.map((q) => `> ${quoteLine(q, L)}`).join('\n>\n'));
  }
  out.push(`**${tr(L, 'negative')}**`);
  if (c.negativeCases.length === 0) out.push(tr(L, 'noNegative'));
  else {
    const shown = c.negativeCases.slice(0, NEGATIVE_CASES_SHOWN);
    let list = shown.map((q) => `- ${quoteLine(q, L)}`).join('\n');
    if (c.negativeCases.length > shown.length) list += `\n- … ${c.negativeCases.length - shown.length} ${tr(L, 'more')} (${tr(L, 'allInJson')})`;
    out.push(list);
  }
  const memos = memosOn(r, c.code);
  if (memos.length) {
    out.push(`**${tr(L, 'memos')}**`);
    out.push(memos.map(memoMd).join('\n\n'));
  }
  return out;
}

/**
 * A memo as a block quote: the researcher's own Markdown (lists, emphasis) is kept, but any
 * HTML in it is shown as text, as transcript text is.
 */
export function memoMd(m: Memo): string {
  const inert = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const head = `> **${mdText(m.title ?? m.file)}** (\`${m.code}\`, ${mdText(m.file)})`;
  const body = m.body
    .trim()
    .split('\n')
    .map((l) => (l.trim() ? `> ${inert(l)}` : '>'));
  return [head, '>', ...body].join('\n');
}

export function saturationSummary(r: Report): string {
  const s = r.saturation;
  const L = r.lang;
  if (L === 'id') {
    return `Sumber diurutkan menurut tanggal (bila ada), lalu menurut id; subkode ikut memunculkan kode induknya. ${s.totalCodes} kode muncul dari ${s.steps.length} sumber; kode baru terakhir muncul pada sumber ke-${s.lastNewAt}, dan ${s.trailingWithoutNew} sumber sesudahnya tidak menambah kode baru.`;
  }
  return `Sources ordered by date where known, then by id; a sub-code also brings in its parent. ${s.totalCodes} codes appeared over ${s.steps.length} sources; the last new code appeared at source ${s.lastNewAt}, and the ${s.trailingWithoutNew} source${s.trailingWithoutNew === 1 ? '' : 's'} after it added none.`;
}

function auditSettingsMd(r: Report): string {
  const L = r.lang;
  // The setting in words, its study.yaml key after it for whoever edits the file.
  return mdTable(
    [tr(L, 'setting'), tr(L, 'value')],
    auditSettingRows(r.audit, L).map((x) => [x.key ? `${x.label} (\`${x.key}\`)` : x.label, x.value]),
  );
}
