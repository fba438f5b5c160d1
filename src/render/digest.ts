import type { Digest, CodeDigest } from '../condense/digest.js';
import type { Evidence, Excerpt } from '../model/evidence.js';
import { groupLabel, kindLabel, roleLabel, valenceMarks, valenceSign } from '../i18n/labels.js';
import { stableJson } from './json.js';
import { digestWord as w } from '../i18n/digest.js';
import { mdTable } from './md.js';
import { tagged } from './json-kinds.js';

function tally(e: Evidence): string {
  const marks = valenceMarks(e.counts);
  return marks ? `${e.total} (${marks})` : String(e.total);
}

function who(d: Digest, id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const inf = d.informants.find((i) => i.id === id);
  if (!inf) return id;
  const parts = [inf.label !== id ? inf.label : undefined, inf.role ? roleLabel(inf.role, d.lang) : undefined].filter(Boolean);
  return parts.length ? `${id} (${parts.join(', ')})` : id;
}

function excerptMd(d: Digest, x: Excerpt, n: number): string {
  const lines = x.ref.line === x.ref.endLine ? `${x.ref.line}` : `${x.ref.line}–${x.ref.endLine}`;
  const source = [who(d, x.ref.informant), `\`${x.ref.segmentId}\``, `${w(d.lang, 'lines')} ${lines}`, `[${valenceSign(x.ref.valence)}]`, `\`${x.ref.code}\``]
    .filter(Boolean)
    .join(', ');
  const kwic = `${x.kwic.left}${x.kwic.match ? `**${x.kwic.match}**` : ''}${x.kwic.right}`;
  return `${n}. “${x.quote}”\n   — ${source}\n   KWIC: ${kwic}`;
}

function codeMd(d: Digest, c: CodeDigest, n: number): string {
  const lang = d.lang;
  const out: string[] = [`## ${n}. ${c.label} (\`${c.code}\`)`];
  const o = c.overall;
  if (!o) {
    out.push(`*${w(lang, 'noCodings')}*`);
  } else {
    out.push(`**${tally(o)}** ${w(lang, 'codings')} · ${o.informants.length} ${w(lang, 'informants')} · ${o.sources.length} ${w(lang, 'sources')}`);
    const spread = (title: string, list: Evidence[], label: (k: string) => string) =>
      list.length
        ? mdTable(
            [title, w(lang, 'evidence'), w(lang, 'informantsCol'), w(lang, 'sourcesCol')],
            list.map((e) => [label(e.key), tally(e), String(e.informants.length), String(e.sources.length)]),
          )
        : undefined;
    for (const t of [
      spread(w(lang, 'role'), c.byRole, (k) => roleLabel(k, lang)),
      spread(w(lang, 'group'), c.byGroup, (k) => groupLabel(k, lang)),
      spread(w(lang, 'kind'), c.byKind, (k) => kindLabel(k, lang)),
    ]) {
      if (t) out.push(t);
    }
    if (c.byInformant.length) {
      out.push(`${w(lang, 'informant')}: ${c.byInformant.map((e) => `${e.key} ${tally(e)}`).join('; ')}`);
    }
    const subs = c.subcodes.filter((s) => s.evidence);
    if (subs.length) {
      out.push(
        mdTable(
          [w(lang, 'subcode'), w(lang, 'evidence'), w(lang, 'informantsCol'), w(lang, 'sourcesCol')],
          subs.map((s) => [`${s.label} (${s.code})`, tally(s.evidence!), String(s.evidence!.informants.length), String(s.evidence!.sources.length)]),
        ),
      );
    }
    if (o.excerpts.length) out.push(`### ${w(lang, 'excerpts')}\n\n${o.excerpts.map((x, i) => excerptMd(d, x, i + 1)).join('\n\n')}`);
  }
  if (c.memos.length) out.push(`### ${w(lang, 'memos')}\n\n${c.memos.map((m) => memoMd(m)).join('\n\n')}`);
  return out.join('\n\n');
}

function memoMd(m: { code: string; file: string; title?: string; body: string }): string {
  const head = `> **${m.title ?? m.file}** (\`${m.code}\`, ${m.file})`;
  const body = m.body
    .trim()
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'));
  return [head, '>', ...body].join('\n');
}

/** The digest as markdown: one section per code, in codebook order. */
export function renderDigestMd(d: Digest): string {
  const parts = [`# ${w(d.lang, 'heading')}: ${d.case}`, d.title, `*${w(d.lang, 'legend')}*`];
  d.codes.forEach((c, i) => parts.push(codeMd(d, c, i + 1)));
  if (d.orphanMemos.length) parts.push(`## ${w(d.lang, 'orphan')}\n\n${d.orphanMemos.map(memoMd).join('\n\n')}`);
  return parts.join('\n\n') + '\n';
}

export function renderDigestJson(d: Digest): string {
  return stableJson(tagged('digest', d));
}
