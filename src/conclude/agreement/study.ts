import type { Codebook, Valence } from '../../model/codebook.js';
import { didYouMean } from '../../util/did-you-mean.js';
import type { Segment } from '../../model/segment.js';
import { isWithin } from '../../codebook/codes.js';
import { QiaError } from '../../util/diagnostics.js';
import type { Level } from './alpha.js';
import type { BootstrapOptions } from './bootstrap.js';
import { poolCodes, reliabilityData, type ReliabilityData, type UnitRow, type Value } from './data.js';
import { agreementResult, agreementStats, type AgreementResult, type AgreementStats, type CodeStats } from './result.js';
import { AUTO_CODER, isReviewerOnly, studyCoders, type CoderMark, type CoderOrigin, type StudyCoder, type StudyCodingsInput } from './study-coders.js';
import { UnitIndex, type StudyUnit, type UnitKind, type UnitSource } from './units.js';

/**
 * Agreement between the coders of a study, code by code (docs/agreement.md, "Coders of a
 * study"): for each unit and code, 1 when a coder applied the code (or one of its sub-codes) to
 * the unit, 0 when they read the unit and did not, missing when they did not read it; and, where
 * two or more applied it, the valence they gave. Presence is nominal by nature; `level` is the
 * valence's. Pure: every input is data the pipeline made.
 */

export interface StudyAgreementInput extends StudyCodingsInput {
  codebook: Codebook;
  /** Line starts of the sources, for the lines of sentences and paragraphs. */
  sources: readonly UnitSource[];
}

export interface StudyAgreementOptions {
  /** The coders to compare, by name; default: see `chooseCoders`. */
  coders?: readonly string[];
  /** Codes to compare, each with its sub-codes rolled up; default: the codebook's top-level codes. */
  codes?: readonly string[];
  unit?: UnitKind;
  /** Level of measurement of the valence figures. */
  level?: Level;
  bootstrap?: BootstrapOptions | false;
  /** False: alpha's interval for the pooled figures only (the report, where each interval costs time). */
  perCodeIntervals?: boolean;
  /** A person left out of the default coders (the adjudicator of `qia review --disagreements`). */
  adjudicator?: string;
}

export interface CoderSummary {
  name: string;
  from: CoderOrigin[];
  /** Units the coder read, of the units compared. */
  units: number;
}

/** One coder's part in a disagreement. */
export interface DisagreementCoder {
  coder: string;
  /** Net valence of their codings of the code on the unit (the sign of the sum). */
  valence: Valence;
  /** The codes they gave (the code itself or its sub-codes), sorted. */
  codes: string[];
  /** The words they coded, each once, in text order. */
  quotes: string[];
}

export interface AdjudicationMark {
  by: string;
  op: string;
  code: string;
  to?: string;
  valence?: Valence;
}

export interface Disagreement {
  unit: StudyUnit;
  code: string;
  /** `presence`: some applied the code and some did not; `valence`: all who read it applied it, with different valences. */
  kind: 'presence' | 'valence';
  applied: DisagreementCoder[];
  notApplied: string[];
  /** Coders who did not read the unit (or left the code undecided there). */
  missing: string[];
  /** The adjudicators' standing decisions on this unit and code, in the order made. */
  adjudicated: AdjudicationMark[];
}

/** Two coders, code by code, over the units both read. */
export interface PairTable {
  coders: [string, string];
  perCode: PairCounts[];
  overall: Omit<PairCounts, 'code'>;
}

export interface PairCounts {
  code: string;
  both: number;
  onlyA: number;
  onlyB: number;
  neither: number;
  /** Where both applied it: `valence[a][b]`, a and b indexes into [-1, 0, 1]. */
  valence: number[][];
}

export interface StudyAgreement {
  unit: UnitKind;
  codes: string[];
  level: Level;
  coders: CoderSummary[];
  /** Every coder of the study, compared or not. */
  available: CoderSummary[];
  /** Decision-log authors not compared: their decisions on a disagreement adjudicate it. */
  adjudicators: string[];
  /** How the coders were chosen. */
  chosenBy: 'option' | 'persons' | 'persons-and-auto';
  /** Presence per code and pooled (nominal). */
  presence: AgreementResult;
  /** Valence where two or more applied the code, per code and pooled, at `level`. */
  valence: { overall: AgreementStats; perCode: CodeStats[] };
  disagreements: Disagreement[];
  /** Disagreements with at least one adjudicator's decision. */
  adjudicated: number;
  pairs: PairTable[];
}

const VALENCES: readonly Valence[] = [-1, 0, 1];

export function studyAgreement(input: StudyAgreementInput, options: StudyAgreementOptions = {}): StudyAgreement {
  const all = studyCoders(input);
  const segments = input.segments;
  const codes = chooseCodes(input.codebook, options.codes);
  const unitKind = options.unit ?? 'segment';
  const choice = options.coders
    ? { coders: pick(all, options.coders), adjudicators: [] as string[], by: 'option' as const }
    : chooseCoders(all, segments, options.adjudicator);
  const compared = choice.coders;
  if (compared.length < 2) {
    throw new QiaError(
      'agree/too-few-coders',
      'this study has one coder, the codebook (auto): no coder file, inline tag or decision log',
      {},
      'add a coder file codings/<name>.csv, or review the automatic codings with qia review',
      1,
    );
  }
  const names = compared.map((c) => c.name);
  const adjudicators = all.filter((c) => c.from.includes('log') && !names.includes(c.name)).map((c) => c.name);

  const index = new UnitIndex(unitKind, segments, input.sources);
  const views = compared.map((c) => view(c, index));
  const codedByAny = new Set<string>();
  for (const c of compared) for (const m of c.marks) codedByAny.add(m.segmentId);
  const segById = new Map(segments.map((s) => [s.id, s]));
  const reads = (c: StudyCoder, v: CoderView, u: StudyUnit) => v.marks.has(u.id) || u.segmentIds.some((id) => readsSegment(c, segById.get(id)!, codedByAny));

  // The units compared: those at least one of the coders read.
  const readBy: boolean[][] = [];
  const units: StudyUnit[] = [];
  for (const u of index.units) {
    const r = compared.map((c, i) => reads(c, views[i]!, u));
    if (r.some(Boolean)) {
      units.push(u);
      readBy.push(r);
    }
  }

  const presenceOf = (ci: number, ui: number, code: string): Value => {
    const v = views[ci]!;
    const u = units[ui]!;
    if ((v.marks.get(u.id) ?? []).some((m) => isWithin(m.code, code))) return 1;
    if ((v.open.get(u.id) ?? []).some((m) => isWithin(m.code, code))) return null;
    return readBy[ui]![ci] ? 0 : null;
  };
  const valenceOf = (ci: number, ui: number, code: string): Valence | null => {
    const marks = (views[ci]!.marks.get(units[ui]!.id) ?? []).filter((m) => isWithin(m.code, code));
    if (marks.length === 0) return null;
    return Math.sign(marks.reduce((s, m) => s + m.valence, 0)) as Valence;
  };

  const presenceData: [string, ReliabilityData][] = [];
  const valenceData: [string, ReliabilityData][] = [];
  const disagreements: Disagreement[] = [];
  const pairs = pairTables(names);
  for (const code of codes) {
    const pRows: UnitRow[] = [];
    const vRows: UnitRow[] = [];
    for (const t of pairs) t.perCode.push({ code, both: 0, onlyA: 0, onlyB: 0, neither: 0, valence: VALENCES.map(() => [0, 0, 0]) });
    units.forEach((u, ui) => {
      const p = compared.map((_, ci) => presenceOf(ci, ui, code));
      const v = compared.map((_, ci) => (p[ci] === 1 ? valenceOf(ci, ui, code) : null));
      pRows.push({ unit: u.id, values: p });
      if (v.some((x) => x !== null)) vRows.push({ unit: u.id, values: v });
      countPairs(pairs, p, v);
      const d = disagreement(u, code, compared, views, p, v);
      if (d) disagreements.push(d);
    });
    presenceData.push([code, reliabilityData(names, pRows)]);
    valenceData.push([code, reliabilityData(names, vRows)]);
  }
  // Codes outermost, units in text order inside each: the listing reads unit by unit.
  const unitOrder = new Map(units.map((u, i) => [u.id, i]));
  const codeOrder = new Map(codes.map((c, i) => [c, i]));
  disagreements.sort((a, b) => unitOrder.get(a.unit.id)! - unitOrder.get(b.unit.id)! || codeOrder.get(a.code)! - codeOrder.get(b.code)!);
  const byName = new Map(all.map((c) => [c.name, c]));
  for (const d of disagreements)
    d.adjudicated = adjudicationOf(
      d,
      adjudicators.map((a) => byName.get(a)!),
    );

  const level = options.level ?? 'nominal';
  // agreementResult settles the bootstrap's settings (defaults filled in) and the confusion table.
  const pooled = poolCodes(presenceData);
  const base = agreementResult(pooled, [], { level: 'nominal', categories: 2, ...(options.bootstrap !== undefined ? { bootstrap: options.bootstrap } : {}) });
  const boot = base.bootstrap === null ? false : { draws: base.bootstrap.draws, seed: base.bootstrap.seed, confidence: base.bootstrap.confidence };
  const codeBoot = options.perCodeIntervals === false ? false : boot;
  const presence: AgreementResult = {
    ...base,
    perCode: presenceData.map(([code, data]) => ({ code, stats: agreementStats(data, { level: 'nominal', categories: 2, bootstrap: codeBoot }) })),
  };
  const valence = {
    overall: agreementStats(poolCodes(valenceData), { level, categories: 3, bootstrap: boot }),
    perCode: valenceData.map(([code, data]) => ({ code, stats: agreementStats(data, { level, categories: 3, bootstrap: codeBoot }) })),
  };

  const summary = (c: StudyCoder): CoderSummary => {
    const i = names.indexOf(c.name);
    return { name: c.name, from: [...c.from], units: i < 0 ? 0 : readBy.reduce((n, r) => n + (r[i] ? 1 : 0), 0) };
  };
  return {
    unit: unitKind,
    codes,
    level,
    coders: compared.map(summary),
    available: all.map(summary),
    adjudicators,
    chosenBy: choice.by,
    presence,
    valence,
    disagreements,
    adjudicated: disagreements.filter((d) => d.adjudicated.length > 0).length,
    pairs,
  };
}

/** The codes compared: the ones named (each must be in the codebook), else the top-level codes in codebook order. */
export function chooseCodes(codebook: Codebook, named: readonly string[] | undefined): string[] {
  const known = codebook.codes.map((c) => c.id);
  if (named === undefined || named.length === 0) return known.filter((id) => !id.includes('.'));
  const out: string[] = [];
  for (const n of named) {
    if (!known.includes(n))
      throw new QiaError('agree/unknown-code', `no code "${n}" in the codebook`, {}, didYouMean(n, known, 'see `qia codebook show` for the code ids'));
    if (!out.includes(n)) out.push(n);
  }
  return out;
}

function pick(all: readonly StudyCoder[], names: readonly string[]): StudyCoder[] {
  const out: StudyCoder[] = [];
  for (const n of names) {
    const c = all.find((x) => x.name === n);
    if (!c) throw new QiaError('agree/unknown-coder', `no coder "${n}" in this study; its coders are ${all.map((x) => x.name).join(', ')}`);
    if (!out.includes(c)) out.push(c);
  }
  if (out.length < 2)
    throw new QiaError(
      'agree/coders',
      '--coders needs at least two coders, separated by commas',
      {},
      `this study's coders are ${all.map((x) => x.name).join(', ')}`,
    );
  return out;
}

/**
 * The default coders: the persons (manual coders and reviewers) when there are two or more,
 * else the persons and `auto`. A reviewer who only ever decided on segments where the other
 * coders disagree is their adjudicator, not a coder: comparing them would measure the
 * adjudication, not the coding. `exclude` (the adjudicator of a review) is never a default coder.
 */
export function chooseCoders(
  all: readonly StudyCoder[],
  segments: readonly Segment[],
  exclude?: string,
): { coders: StudyCoder[]; adjudicators: string[]; by: 'persons' | 'persons-and-auto' } {
  const auto = all.find((c) => c.name === AUTO_CODER)!;
  const persons = all.filter((c) => c !== auto && c.name !== exclude);
  const select = (ps: readonly StudyCoder[]) =>
    ps.length >= 2 ? { list: [...ps], by: 'persons' as const } : { list: [...ps, auto], by: 'persons-and-auto' as const };
  const adjudicators = persons.filter((r) => {
    if (!isReviewerOnly(r) || r.segments.size === 0) return false;
    const others = select(persons.filter((p) => p !== r)).list;
    if (others.length < 2) return false;
    const split = disagreeingSegments(others, segments);
    return [...r.segments].every((s) => split.has(s));
  });
  const chosen = select(persons.filter((p) => !adjudicators.includes(p)));
  return { coders: chosen.list, adjudicators: adjudicators.map((a) => a.name), by: chosen.by };
}

/** Segments where the coders who read them gave different codes or valences, at the finest level (any code, as given). */
function disagreeingSegments(coders: readonly StudyCoder[], segments: readonly Segment[]): Set<string> {
  const codedByAny = new Set<string>();
  for (const c of coders) for (const m of c.marks) codedByAny.add(m.segmentId);
  const sets = coders.map((c) => {
    const m = new Map<string, Set<string>>();
    for (const x of c.marks) {
      let s = m.get(x.segmentId);
      if (!s) m.set(x.segmentId, (s = new Set()));
      s.add(`${x.code}\u0000${x.valence}`);
    }
    return m;
  });
  const out = new Set<string>();
  for (const seg of segments) {
    const given: string[] = [];
    coders.forEach((c, i) => {
      if (sets[i]!.has(seg.id) || readsSegment(c, seg, codedByAny)) given.push([...(sets[i]!.get(seg.id) ?? [])].sort().join('\u0001'));
    });
    if (given.length >= 2 && given.some((g) => g !== given[0])) out.add(seg.id);
  }
  return out;
}

/**
 * Whether a coder read a segment: `auto` every segment but interviewer turns; a manual coder
 * every segment of their sources but interviewer turns nobody compared coded; a reviewer the
 * segments they decided on. Codings of one's own always mean the segment was read.
 */
function readsSegment(c: StudyCoder, seg: Segment, codedByAny: ReadonlySet<string>): boolean {
  if (c.segments.has(seg.id)) return true;
  if (c.everySegment) return !seg.interviewer;
  if (c.sources.has(seg.sourceId)) return !seg.interviewer || codedByAny.has(seg.id);
  return false;
}

interface CoderView {
  marks: Map<string, CoderMark[]>;
  open: Map<string, CoderMark[]>;
}

/** A coder's marks by the units they fall in. */
function view(c: StudyCoder, index: UnitIndex): CoderView {
  const by = (list: readonly CoderMark[]) => {
    const m = new Map<string, CoderMark[]>();
    for (const x of list) {
      for (const u of index.unitsOf(x.segmentId, x.sourceId, x.span)) {
        let l = m.get(u.id);
        if (!l) m.set(u.id, (l = []));
        l.push(x);
      }
    }
    return m;
  };
  return { marks: by(c.marks), open: by(c.open) };
}

function disagreement(
  u: StudyUnit,
  code: string,
  coders: readonly StudyCoder[],
  views: readonly CoderView[],
  p: readonly Value[],
  v: readonly (Valence | null)[],
): Disagreement | undefined {
  const known = p.filter((x) => x !== null);
  if (known.length < 2) return undefined;
  const presenceSplit = known.includes(0) && known.includes(1);
  const given = v.filter((x): x is Valence => x !== null);
  const valenceSplit = !presenceSplit && given.length >= 2 && given.some((x) => x !== given[0]);
  if (!presenceSplit && !valenceSplit) return undefined;
  const applied: DisagreementCoder[] = [];
  const notApplied: string[] = [];
  const missing: string[] = [];
  coders.forEach((c, i) => {
    if (p[i] === 1) {
      const marks = (views[i]!.marks.get(u.id) ?? []).filter((m) => isWithin(m.code, code)).sort((a, b) => a.span.start - b.span.start);
      applied.push({ coder: c.name, valence: v[i]!, codes: [...new Set(marks.map((m) => m.code))].sort(), quotes: [...new Set(marks.map((m) => m.quote))] });
    } else if (p[i] === 0) notApplied.push(c.name);
    else missing.push(c.name);
  });
  return { unit: u, code, kind: presenceSplit ? 'presence' : 'valence', applied, notApplied, missing, adjudicated: [] };
}

const ADJUDICATING = new Set(['accept', 'reject', 'recode', 'valence', 'add']);

function adjudicationOf(d: Disagreement, adjudicators: readonly StudyCoder[]): AdjudicationMark[] {
  const out: AdjudicationMark[] = [];
  for (const a of adjudicators) {
    for (const x of a.decisions) {
      if (!ADJUDICATING.has(x.op) || !d.unit.segmentIds.includes(x.segment.id)) continue;
      const about = [x.code, x.to].some((c) => c !== undefined && isWithin(c, d.code));
      if (!about) continue;
      const m: AdjudicationMark = { by: a.name, op: x.op, code: x.code! };
      if (x.to !== undefined) m.to = x.to;
      if (x.valence !== undefined) m.valence = x.valence;
      out.push(m);
    }
  }
  return out;
}

function pairTables(names: readonly string[]): PairTable[] {
  const out: PairTable[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      out.push({ coders: [names[i]!, names[j]!], perCode: [], overall: { both: 0, onlyA: 0, onlyB: 0, neither: 0, valence: VALENCES.map(() => [0, 0, 0]) } });
    }
  }
  return out;
}

/** Adds one unit of the code to every pair's last row (the code's). */
function countPairs(pairs: PairTable[], p: readonly Value[], v: readonly (Valence | null)[]): void {
  let k = 0;
  for (let i = 0; i < p.length; i++) {
    for (let j = i + 1; j < p.length; j++, k++) {
      const t = pairs[k]!;
      const row = t.perCode[t.perCode.length - 1]!;
      const a = p[i];
      const b = p[j];
      if (a === null || b === null || a === undefined || b === undefined) continue;
      const key = a === 1 ? (b === 1 ? 'both' : 'onlyA') : b === 1 ? 'onlyB' : 'neither';
      row[key]++;
      t.overall[key]++;
      if (key === 'both') {
        const x = VALENCES.indexOf(v[i]!);
        const y = VALENCES.indexOf(v[j]!);
        row.valence[x]![y]!++;
        t.overall.valence[x]![y]!++;
      }
    }
  }
}
