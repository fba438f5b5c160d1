import type { Analysis } from '../model/analysis.js';
import type { CodeGroup, Lang } from '../model/codebook.js';
import type { Evidence, Memo } from '../model/evidence.js';
import { childCodes, codeComparator, codeLabel, findCode, isWithin, topLevel } from '../codebook/codes.js';
import { condense, type CondenseOptions } from './condense.js';
import { indexAnalysis } from '../index/analysis-index.js';

export interface SubcodeDigest {
  code: string;
  label: string;
  /** Case-level evidence of the sub-code; absent when nothing was coded. */
  evidence?: Evidence;
}

/** Everything condensation found about one top-level code, ready to print as a digest. */
export interface CodeDigest {
  code: string;
  label: string;
  group: CodeGroup;
  /** The whole case; absent when nothing was coded. */
  overall?: Evidence;
  byGroup: Evidence[];
  byRole: Evidence[];
  byKind: Evidence[];
  byInformant: Evidence[];
  subcodes: SubcodeDigest[];
  /** Memos on this code or any of its sub-codes, ordered by code then file. */
  memos: Memo[];
}

export interface Digest {
  title: string;
  case: string;
  lang: Lang;
  codes: CodeDigest[];
  /** Who the informant ids in the evidence are, for printing. */
  informants: { id: string; label: string; role: string; group: string }[];
  /** Memos naming a code the digest does not show (not in the codebook and never coded). */
  orphanMemos: Memo[];
}

export interface DigestOptions extends CondenseOptions {
  lang?: Lang;
  memos?: Memo[];
}

/**
 * The readable product of condensation: one entry per top-level code of the codebook (and
 * any other code that was coded), each with its breakdowns, sub-codes, quotes and memos.
 */
export function buildDigest(analysis: Analysis, options: DigestOptions = {}): Digest {
  const lang = options.lang ?? analysis.study.language;
  const index = indexAnalysis(analysis);
  const evidence = condense(analysis, options, index);
  const compare = codeComparator(analysis.codebook);
  const memos = [...(options.memos ?? [])].sort((a, b) => compare(a.code, b.code) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const tops = new Set(analysis.codebook.codes.filter((c) => !c.id.includes('.')).map((c) => c.id));
  for (const e of evidence) tops.add(topLevel(e.code));

  const find = (code: string, by: Evidence['by']) => evidence.filter((e) => e.code === code && e.by === by);
  const codes: CodeDigest[] = [...tops].sort(compare).map((code) => {
    const known = new Set(childDescendants(analysis, code));
    for (const e of evidence) if (e.code !== code && isWithin(e.code, code)) known.add(e.code);
    const subcodes = [...known].sort(compare).map((sub) => {
      const d: SubcodeDigest = { code: sub, label: codeLabel(analysis.codebook, sub, lang) };
      const ev = find(sub, 'case')[0];
      if (ev) d.evidence = ev;
      return d;
    });
    const digest: CodeDigest = {
      code,
      label: codeLabel(analysis.codebook, code, lang),
      group: findCode(analysis.codebook, code)?.group ?? 'other',
      byGroup: find(code, 'group'),
      byRole: find(code, 'role'),
      byKind: find(code, 'kind'),
      byInformant: find(code, 'informant'),
      subcodes,
      memos: memos.filter((m) => isWithin(m.code, code)),
    };
    const overall = find(code, 'case')[0];
    if (overall) digest.overall = overall;
    return digest;
  });
  const orphanMemos = memos.filter((m) => !tops.has(topLevel(m.code)));
  const informants = analysis.informants.map((i) => ({ id: i.id, label: i.label, role: i.role, group: i.group }));
  return { title: analysis.study.title, case: analysis.study.case, lang, codes, informants, orphanMemos };
}

function childDescendants(analysis: Analysis, code: string): string[] {
  const out: string[] = [];
  for (const child of childCodes(analysis.codebook, code)) out.push(child, ...childDescendants(analysis, child));
  return out;
}
