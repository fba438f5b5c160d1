// The automatic coder on the real-text development set (bench/gold/seeds): each passage of the
// seed documents coded as one paragraph segment, with the section heading above it as context,
// and compared with the reconciled labels. Imports the build (dist/).
//
// Held out: passages whose hash starts with 0–4 (bench/gold/seeds/README.md). Their figures are
// computed only when asked for (`heldOut: true`), so a tuning run never shows them.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { passages } from '../gold/seeds/passages.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEEDS = join(HERE, '..', 'gold', 'seeds');
const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);

export const TOPS = ['relative_advantage', 'compatibility', 'complexity', 'trialability', 'observability', 'obstacle_internal', 'obstacle_external'];

export const isHeldOut = (hash) => /^[0-4]/.test(hash);

/** Reconciled labels by passage: { codes: Map(code → valence), primary, names }. */
export function loadLabels(file = join(SEEDS, 'labels.csv')) {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true });
  const out = new Map();
  for (const r of rows) {
    let l = out.get(r.passage);
    if (!l) out.set(r.passage, (l = { codes: new Map(), primary: 'none', names: false }));
    if (r.code === 'none') continue;
    l.codes.set(r.code, r.valence === '+' ? 1 : r.valence === '-' ? -1 : 0);
    if (r.primary === '1') {
      l.primary = r.code;
      l.names = r.names === '1';
    }
  }
  return out;
}

/** The labelled passages as segments, each with its heading's text (for context) and split. */
export async function seedSegments() {
  const { splitSentences } = await dist('segment/sentences.js');
  const all = passages();
  const byId = new Map(all.map((p) => [p.id, p]));
  const labels = loadLabels();
  const out = [];
  for (const p of all) {
    if (p.kind !== 'passage' || !labels.has(p.id)) continue;
    const text = p.text;
    const seg = {
      id: p.id,
      sourceId: p.id.slice(0, 3),
      n: out.length + 1,
      kind: 'paragraph',
      span: { start: 0, end: text.length },
      text,
      sentences: splitSentences(text, 0, text.length),
      body: { start: 0, end: text.length },
      interviewer: false,
      line: 1,
      endLine: 1,
    };
    out.push({ seg, heading: p.heading ? (byId.get(p.heading)?.text ?? '') : '', label: labels.get(p.id), heldOut: isHeldOut(p.hash) });
  }
  return out;
}

/**
 * The automatic codings of every seed passage, by passage id. `code(items)` is the coder:
 * given [{ seg, heading }] it returns Coding[] (so the bench can also score a trained model).
 */
export async function codeSeeds(items, matcher, settings = {}) {
  const { autoCode } = await dist('coding/auto.js');
  const segs = items.map((i) => i.seg);
  const headings = new Map(items.map((i) => [i.seg.id, i.heading]));
  const codings = autoCode(segs, matcher, { interviewer: false, questionContext: true, heading: (s) => headings.get(s.id), ...settings });
  const by = new Map();
  for (const c of codings) {
    if (!by.has(c.segmentId)) by.set(c.segmentId, []);
    by.get(c.segmentId).push(c);
  }
  return by;
}

const top = (code) => code.split('.')[0];

/** One passage's automatic reading: top-level code → { valence, score }, and its primary code. */
export function reading(codings = [], minScore = 0) {
  const codes = new Map();
  let primary = 'none';
  let best = -Infinity;
  for (const c of codings) {
    if ((c.score ?? 0) < minScore) continue;
    const t = top(c.code);
    const s = c.score ?? 0;
    const was = codes.get(t);
    if (!was || s > was.score) codes.set(t, { valence: c.valence, score: s });
    // The segment's primary code: the coder's own choice when it makes one, else the strongest.
    const rank = (c.primary ? 1e6 : 0) + s;
    if (rank > best) {
      best = rank;
      primary = t;
    }
  }
  return { codes, primary };
}

const ratio = (a, b) => (b === 0 ? NaN : a / b);

/** Per-code P/R/F1, macro-F1, top-1, among-codes and confusion over `items` with their readings. */
export function score(items, readings) {
  const perCode = TOPS.map((code) => {
    let tp = 0,
      fp = 0,
      fn = 0,
      same = 0;
    for (const it of items) {
      const g = it.label.codes.has(code);
      const a = readings.get(it.seg.id).codes.get(code);
      if (g && a) {
        tp++;
        if (Math.sign(it.label.codes.get(code)) === Math.sign(a.valence)) same++;
      } else if (a) fp++;
      else if (g) fn++;
    }
    return {
      code,
      gold: tp + fn,
      auto: tp + fp,
      tp,
      fp,
      fn,
      precision: ratio(tp, tp + fp),
      recall: ratio(tp, tp + fn),
      f1: ratio(2 * tp, 2 * tp + fp + fn),
      valence: ratio(same, tp),
    };
  });
  const defined = perCode.filter((s) => s.gold > 0 || s.auto > 0).map((s) => (Number.isNaN(s.f1) ? 0 : s.f1));
  const macroF1 = defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN;
  const withPrimary = items.filter((it) => it.label.primary !== 'none');
  let top1 = 0,
    among = 0,
    extra = 0,
    noneRight = 0;
  const confusion = new Map();
  for (const it of items) {
    const r = readings.get(it.seg.id);
    const key = `${it.label.primary}\u0000${r.primary}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    if (it.label.primary === 'none') {
      if (r.codes.size === 0) noneRight++;
      continue;
    }
    if (r.primary === it.label.primary) top1++;
    if (r.codes.has(it.label.primary)) among++;
    for (const c of r.codes.keys()) if (!it.label.codes.has(c)) extra++;
  }
  const none = items.length - withPrimary.length;
  return {
    passages: items.length,
    coded: withPrimary.length,
    perCode,
    macroF1,
    top1: ratio(top1, withPrimary.length),
    among: ratio(among, withPrimary.length),
    otherCodesPerCoded: ratio(extra, withPrimary.length),
    noneKeptEmpty: ratio(noneRight, none),
    confusion,
  };
}

export const ATTRIBUTES = TOPS.slice(0, 5);

/**
 * The coder judged as the issue's held-out real study judges it: only passages whose labelled
 * primary code is one of Rogers' five attributes, each with that one attribute as its only label
 * (the authors filed every passage under one attribute). Among codes, top-1, and macro-F1 over the
 * five attributes, where every other code the coder gives a passage is a false positive.
 */
export function scoreAsAuthors(items, readings) {
  const set = items.filter((it) => ATTRIBUTES.includes(it.label.primary));
  const rows = ATTRIBUTES.map((code) => ({ code, tp: 0, fp: 0, fn: 0 }));
  let top1 = 0,
    among = 0;
  for (const it of set) {
    const r = readings.get(it.seg.id);
    if (r.primary === it.label.primary) top1++;
    if (r.codes.has(it.label.primary)) among++;
    for (const row of rows) {
      const g = it.label.primary === row.code;
      const a = r.codes.has(row.code);
      if (g && a) row.tp++;
      else if (a) row.fp++;
      else if (g) row.fn++;
    }
  }
  const defined = rows.filter((x) => x.tp + x.fp + x.fn > 0).map((x) => ratio(2 * x.tp, 2 * x.tp + x.fp + x.fn));
  return {
    passages: set.length,
    top1: ratio(top1, set.length),
    among: ratio(among, set.length),
    macroF1: defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : NaN,
  };
}

export function printAsAuthors(title, s) {
  console.log(`${title} (${s.passages}): macro-F1 ${f(s.macroF1).trim()}, top-1 ${pct(s.top1)}, among codes ${pct(s.among)}`);
}

/**
 * The five verdicts per seed document, drawn by qia's verdict rule (conclude/verdicts.ts, default
 * thresholds; a document has no informants, so none are required) once from the labels and once
 * from the coder's counted codings, each passage × attribute one piece of evidence.
 */
export async function verdictCheck(items, readings) {
  const [{ decide }, { DEFAULT_VERDICT_SETTINGS }] = await Promise.all([dist('conclude/verdicts.js'), dist('study/verdict-settings.js')]);
  const settings = { ...DEFAULT_VERDICT_SETTINGS, minInformants: 0, groupAgreement: false };
  const verdict = (vals) => {
    const counts = { positive: vals.filter((v) => v > 0).length, neutral: vals.filter((v) => v === 0).length, negative: vals.filter((v) => v < 0).length };
    const t = { counts, total: vals.length, informants: 0, sources: 1, witnesses: vals.length };
    return decide('attribute', t, [], [], settings).verdict;
  };
  const out = [];
  for (const doc of [...new Set(items.map((it) => it.seg.sourceId))].sort()) {
    const mine = items.filter((it) => it.seg.sourceId === doc);
    const rows = ATTRIBUTES.map((code) => {
      const gold = mine.filter((it) => it.label.codes.has(code)).map((it) => it.label.codes.get(code));
      const auto = mine
        .map((it) => readings.get(it.seg.id).codes.get(code))
        .filter(Boolean)
        .map((a) => Math.sign(a.valence));
      return { code, labels: verdict(gold), coder: verdict(auto) };
    });
    out.push({ doc, rows, same: rows.filter((r) => r.labels === r.coder).length });
  }
  return out;
}

export function printVerdicts(docs) {
  console.log("verdicts per document (labels → coder; qia's rule, default thresholds)");
  for (const d of docs)
    console.log(
      `${d.doc}: ${d.same} of 5 match  ${d.rows.map((r) => `${SHORT[r.code]} ${r.labels}${r.labels === r.coder ? '' : ` → ${r.coder}`}`).join(', ')}`,
    );
}

const f = (x) => (Number.isNaN(x) ? '   —' : x.toFixed(2).padStart(4));
const pct = (x) => (Number.isNaN(x) ? '—' : `${Math.round(x * 100)}%`);
const SHORT = {
  relative_advantage: 'RA',
  compatibility: 'CMP',
  complexity: 'CPX',
  trialability: 'TRI',
  observability: 'OBS',
  obstacle_internal: 'OBI',
  obstacle_external: 'OBE',
  none: 'none',
};

export function printScore(title, s) {
  console.log(`${title}: ${s.passages} passages, ${s.coded} with an attribute or obstacle`);
  console.log(
    `${'code'.padEnd(20)} ${'gold'.padStart(5)} ${'auto'.padStart(5)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  ${'P'.padStart(4)}  ${'R'.padStart(4)}  ${'F1'.padStart(4)}  val.`,
  );
  for (const c of s.perCode)
    console.log(
      `${c.code.padEnd(20)} ${String(c.gold).padStart(5)} ${String(c.auto).padStart(5)} ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}  ${f(c.precision)}  ${f(c.recall)}  ${f(c.f1)}  ${f(c.valence)}`,
    );
  console.log(
    `macro-F1 ${f(s.macroF1).trim()}, top-1 ${pct(s.top1)}, among codes ${pct(s.among)}, other codes per coded passage ${f(s.otherCodesPerCoded).trim()}, uncoded passages left uncoded ${pct(s.noneKeptEmpty)}`,
  );
}

export function printConfusion(s) {
  const cols = [...TOPS, 'none'];
  console.log(`confusion (rows: labels' primary, columns: coder's primary)`);
  console.log(`${''.padEnd(5)}${cols.map((c) => SHORT[c].padStart(5)).join('')}`);
  for (const g of cols) {
    const row = cols.map((a) => s.confusion.get(`${g}\u0000${a}`) ?? 0);
    if (row.every((n) => n === 0)) continue;
    console.log(`${SHORT[g].padEnd(5)}${row.map((n) => String(n || '.').padStart(5)).join('')}`);
  }
}

/**
 * Calibration: automatic codings in score bins, and how many of them the labels confirm (the
 * passage carries that top-level code).
 */
export function calibration(items, byPassage) {
  const bins = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
  const rows = bins.slice(0, -1).map((lo, i) => ({ lo, hi: bins[i + 1], n: 0, right: 0, sum: 0 }));
  for (const it of items) {
    const r = reading(byPassage.get(it.seg.id) ?? []);
    for (const [code, a] of r.codes) {
      const row = rows.find((b) => a.score >= b.lo && a.score < b.hi) ?? rows[rows.length - 1];
      row.n++;
      row.sum += a.score;
      if (it.label.codes.has(code)) row.right++;
    }
  }
  return rows;
}

export function printCalibration(rows) {
  console.log('calibration (each passage × top-level code the coder gave, scored by its strongest coding)');
  console.log(`${'score'.padEnd(10)} ${'codings'.padStart(8)} ${'mean'.padStart(6)} ${'right'.padStart(6)}`);
  for (const r of rows)
    console.log(
      `${`${r.lo.toFixed(1)}–${Math.min(1, r.hi).toFixed(1)}`.padEnd(10)} ${String(r.n).padStart(8)} ${f(r.n ? r.sum / r.n : NaN).padStart(6)} ${pct(ratio(r.right, r.n)).padStart(6)}`,
    );
}
