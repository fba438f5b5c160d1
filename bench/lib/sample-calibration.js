// Calibration of the automatic coder's score on the samples' hand labels (bench/gold/*.csv),
// split by kind of segment: interview turns against document and observation paragraphs. The
// score was fitted on documents (the seeds' development part); this says how far it carries.
// Each (segment, top-level code the coder gave) is one coding, scored by its strongest coding,
// right when the gold labels give that segment that code. Imports the build (dist/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codingStage, compile, loadCorpus } from './corpus.js';

const dist = (p) => import(new URL(`../../dist/${p}`, import.meta.url).href);

export const SAMPLE_GOLD = [
  ['samples/mobile-service', 'bench/gold/mobile-service.csv'],
  ['samples/library-en', 'bench/gold/library-en.csv'],
  ['samples/imigrasi-lampung', 'bench/gold/imigrasi-lampung.csv'],
];

/** Rows { turn: boolean, score, right } for every sample segment × top-level code the coder gave. */
export async function sampleCodings(root, { inspect } = {}) {
  const [{ parse }] = await Promise.all([import('csv-parse/sync')]);
  const out = [];
  for (const [study, goldFile] of SAMPLE_GOLD) {
    const opened = await loadCorpus(join(root, study));
    const matcher = await compile(opened.codebook);
    const stage = await codingStage(opened.study);
    const { autoCode } = await dist('coding/auto.js');
    const codings = inspect
      ? autoCode(opened.segments, matcher, {
          interviewer: false,
          sourceText: (id) => opened.sources.find((s) => s.id === id)?.text,
          inspect: (seg, code, e) => inspect(`${study}\u0000${seg}`, code, e),
        })
      : stage(opened, matcher);
    const gold = new Map();
    for (const r of parse(readFileSync(join(root, goldFile), 'utf8'), { columns: true, skip_empty_lines: true })) {
      const id = r.segment.includes(':') ? r.segment : `${r.source}:${r.segment}`;
      if (!gold.has(id)) gold.set(id, new Set());
      if (r.code !== 'none') gold.get(id).add(r.code.split('.')[0]);
    }
    const segs = new Map(opened.segments.map((s) => [s.id, s]));
    const best = new Map();
    for (const c of codings) {
      if (!gold.has(c.segmentId)) continue;
      const key = `${c.segmentId}\u0000${c.code.split('.')[0]}`;
      if (!best.has(key) || c.score > best.get(key)) best.set(key, c.score);
    }
    for (const [key, score] of best) {
      const [seg, code] = key.split('\u0000');
      out.push({ study, segment: seg, code, turn: segs.get(seg)?.kind === 'turn', score, right: gold.get(seg).has(code) });
    }
  }
  return out;
}

export function bins(rows) {
  const edges = [0, 0.2, 0.4, 0.6, 0.8, 1.0001];
  return edges.slice(0, -1).map((lo, i) => {
    const inBin = rows.filter((r) => r.score >= lo && r.score < edges[i + 1]);
    return { lo, hi: edges[i + 1], n: inBin.length, sum: inBin.reduce((a, r) => a + r.score, 0), right: inBin.filter((r) => r.right).length };
  });
}
