import type { Lang } from '../model/codebook.js';
import type { Conclusion, QuoteRef } from '../model/conclusion.js';
import { auditSettingRows, fileRoleLabel } from '../i18n/audit.js';
import { citation, codeGroupLabel, groupLabel, kindLabel, roleLabel, valenceSign } from '../i18n/labels.js';
import { mdTable, renderMd } from './index.js';
import type { Memo } from '../model/evidence.js';
import { memosElsewhere, memosOn, type Report } from '../report/build.js';
import { explainDimension, explainVerdict, ruleText } from './explain-verdict.js';
import { pct, reasonLabel, statusLabel, tr, verdictLabel } from '../i18n/report.js';
import { saturationBars, sectionNumbers } from './report-shared.js';

/** Text from a transcript, made inert in Markdown: no HTML, no emphasis, no links. */
export function mdText(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]])/g, '\\$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How many negative cases the md and html forms print before pointing to report.json. */
export const NEGATIVE_CASES_SHOWN = 50;

export function quoteLine(q: QuoteRef, lang: Lang): string {
  const who = q.informant !== undefined ? `${q.informant}${q.role ? ` (${roleLabel(q.role, lang)})` : ''}` : kindLabel(q.kind, lang);
  const where = citation(q.sourceId, q.line, lang);
  return `“${mdText(q.quote)}” — ${mdText(who)}, \`${where}\` [${valenceSign(q.valence)}]`;
}

/** The report as a thesis chapter in GitHub-flavoured Markdown (pandoc turns it into Word). */
export function renderReportMd(r: Report): string {
  const L = r.lang;
  const n = sectionNumbers();
  const out: string[] = [];
  const attrs = r.conclusions.filter((c) => c.depth === 0 && c.group !== 'obstacle');
  const obstacles = r.conclusions.filter((c) => c.depth === 0 && c.group === 'obstacle');
  const label = (code: string) => r.labels[code] ?? code;

  out.push(`# ${tr(L, 'report')}: ${mdText(r.study.title)}`);
  out.push(
    `**${tr(L, 'case')}:** ${mdText(r.study.case)} · **${tr(L, 'language')}:** ${r.study.language} · ${r.sourceCount} ${tr(L, 'sources').toLowerCase()} · ${r.informants.length} ${tr(L, 'informantCount').toLowerCase()} · ${r.codingCount} ${tr(L, 'codings').toLowerCase()}`,
  );
  out.push(`## ${tr(L, 'glance')}`);
  out.push(
    mdTable(
      [tr(L, 'attribute'), tr(L, 'verdict'), '+', '−', '·'],
      [...attrs, ...obstacles].map((c) => [label(c.code), verdictLabel(c.verdict, L), String(c.counts.positive), String(c.counts.negative), String(c.counts.neutral)]),
    ),
  );

  out.push(`## ${n()} ${tr(L, 'informants')}`);
  out.push(`**${tr(L, 'informantsTable')}**`);
  out.push(
    mdTable(
      [tr(L, 'id'), tr(L, 'label'), tr(L, 'role'), tr(L, 'group'), tr(L, 'position'), tr(L, 'sources'), tr(L, 'codings')],
      r.informants.map((i) => [i.id, i.label, roleLabel(i.role, L), groupLabel(i.group, L), i.position, String(i.sources), String(i.codings)]),
    ),
  );

  const findings = n();
  out.push(`## ${findings} ${tr(L, 'findings')}`);
  attrs.forEach((c, i) => out.push(...findingMd(r, c, `${findings}.${i + 1}`)));

  const displays = n();
  out.push(`## ${displays} ${tr(L, 'displays')}`);
  r.displays
    .filter((d) => d.type !== 'obstacles')
    .forEach((d, i) => {
      out.push(`### ${displays}.${i + 1} ${d.matrix.title}`);
      out.push(renderMd(d.matrix).trimEnd());
    });

  const obs = n();
  out.push(`## ${obs} ${tr(L, 'obstacles')}`);
  const table = r.displays.find((d) => d.type === 'obstacles');
  if (table) out.push(renderMd(table.matrix).trimEnd());
  obstacles.forEach((c, i) => out.push(...findingMd(r, c, `${obs}.${i + 1}`)));
  const elsewhere = memosElsewhere(r);
  if (elsewhere.length) {
    out.push(`### ${obs}.${obstacles.length + 1} ${tr(L, 'memosElsewhere')}`);
    out.push(elsewhere.map(memoMd).join('\n\n'));
  }

  out.push(`## ${n()} ${tr(L, 'triangulation')}`);
  out.push(
    mdTable(
      [tr(L, 'code'), tr(L, 'sourceTri'), tr(L, 'methodTri'), tr(L, 'status')],
      [...attrs, ...obstacles].map((c) => {
        const t = c.triangulation!;
        const ob = c.group === 'obstacle';
        return [label(c.code), explainDimension(t.source, L, 'group', ob), explainDimension(t.method, L, 'kind', ob), statusLabel(t.status, L)];
      }),
    ),
  );
  for (const c of [...attrs, ...obstacles]) {
    for (const d of c.triangulation?.divergences ?? []) {
      const name = d.dimension === 'group' ? groupLabel : kindLabel;
      out.push(`**${tr(L, 'sideBySide')}: ${label(c.code)}**`);
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

  out.push(`## ${n()} ${tr(L, 'verdicts')}`);
  out.push(`**${tr(L, 'rule')}**`);
  out.push(ruleText(r.settings, L, r.counting).map((s) => `- ${s}`).join('\n'));
  out.push(
    mdTable(
      [tr(L, 'code'), tr(L, 'verdict'), '+', '−', '·', tr(L, 'share'), tr(L, 'witnesses'), tr(L, 'why')],
      [...attrs, ...obstacles].map((c) => [
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
  );
  out.push([...attrs, ...obstacles].map((c) => `- **${label(c.code)}.** ${explainVerdict(c, r.settings, L)}`).join('\n'));

  out.push(`## ${n()} ${tr(L, 'saturation')}`);
  out.push(saturationSummary(r));
  out.push(
    mdTable(
      [tr(L, 'order'), tr(L, 'source'), tr(L, 'date'), tr(L, 'kind'), tr(L, 'codings'), tr(L, 'newCodes'), tr(L, 'cumulative')],
      r.saturation.steps.map((s) => [
        String(s.order),
        s.sourceId,
        s.date ?? '',
        kindLabel(s.kind, L),
        String(s.codings),
        s.newCodes.length ? `${s.newCodes.length}: ${s.newCodes.join(', ')}` : '0',
        String(s.cumulative),
      ]),
    ),
  );
  out.push('```text\n' + saturationBars(r.saturation).join('\n') + '\n```');

  const app = n();
  out.push(`## ${app} ${tr(L, 'appendix')}`);
  out.push(`### ${app}.1 ${tr(L, 'codebook')}: ${r.audit.codebook.id} ${r.audit.codebook.version}`);
  out.push(
    mdTable(
      [tr(L, 'code'), tr(L, 'group'), tr(L, 'attribute'), tr(L, 'definition')],
      r.codebook.map((c) => [`${'  '.repeat(c.depth)}\`${c.id}\``, codeGroupLabel(c.group, L), c.label, c.definition]),
    ),
  );
  out.push(`### ${app}.2 ${tr(L, 'audit')}`);
  out.push(auditSettingsMd(r));
  out.push(mdTable([tr(L, 'file'), tr(L, 'kindOfFile'), tr(L, 'bytes'), tr(L, 'sha')], r.audit.files.map((f) => [`\`${f.path}\``, fileRoleLabel(f.role, L), String(f.bytes), `\`${f.sha256}\``])));
  out.push(`*${tr(L, 'generatedBy')} ${r.tool.name} ${r.tool.version}.*`);
  return out.join('\n\n') + '\n';
}

function findingMd(r: Report, c: Conclusion, num: string): string[] {
  const L = r.lang;
  const out: string[] = [];
  const label = (code: string) => r.labels[code] ?? code;
  out.push(`### ${num} ${label(c.code)}: ${verdictLabel(c.verdict, L)}`);
  out.push(explainVerdict(c, r.settings, L));
  const subs = r.conclusions.filter((s) => s.parent === c.code);
  if (subs.length) {
    out.push(
      mdTable(
        [tr(L, 'subcodes'), '+', '−', '·', tr(L, 'informantCount'), tr(L, 'verdict')],
        subs.map((s) => [label(s.code), String(s.counts.positive), String(s.counts.negative), String(s.counts.neutral), String(s.informants), verdictLabel(s.verdict, L)]),
      ),
    );
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
  const body = m.body.trim().split('\n').map((l) => (l.trim() ? `> ${inert(l)}` : '>'));
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

