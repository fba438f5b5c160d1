#!/usr/bin/env node
// Throughput of reading + segmenting a study, against a naive reference over the same files.
//   npm run build && node bench/gen-corpus.js --mb 50 --out bench/corpus && node bench/segment.js bench/corpus
// Reference: read each file as UTF-8 and split on blank lines (no decoding checks, no front
// matter, no labels, no sentences). The ratio says what the real work costs on top of that.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = process.argv[2] ?? 'bench/corpus';
const { loadStudy } = await import('../dist/study/load.js');
const { plan, readOne } = await import('../dist/sources/read.js');
const { segmentSource } = await import('../dist/segment/segment.js');
const { people } = await import('../dist/pipeline/people.js');
const { Diagnostics } = await import('../dist/util/diagnostics.js');

const loaded = await loadStudy(dir);
if (!loaded.study) {
  console.error(`no usable study in ${dir}; generate one with: node bench/gen-corpus.js --mb 50 --out ${dir}`);
  process.exit(2);
}
const study = loaded.study;

/** Every planned file read into a source, sixteen in flight, as the pipeline's readers read them. */
async function readSources() {
  const diags = new Diagnostics();
  const byId = people(loaded.informants).byId;
  const planned = await plan(study, diags);
  const out = new Array(planned.length);
  let next = 0;
  const lane = async () => {
    while (next < planned.length) {
      const i = next++;
      out[i] = await readOne(study, planned[i], byId, diags);
    }
  };
  await Promise.all(Array.from({ length: 16 }, lane));
  return { sources: out.filter(Boolean) };
}

async function qiaRun() {
  const t0 = performance.now();
  const { sources } = await readSources();
  const t1 = performance.now();
  let segments = 0;
  let sentences = 0;
  let chars = 0;
  for (const s of sources) {
    chars += s.text.length;
    for (const seg of segmentSource(s, loaded.informants, study.language)) {
      segments++;
      sentences += seg.sentences.length;
    }
  }
  const t2 = performance.now();
  return { read: t1 - t0, segment: t2 - t1, total: t2 - t0, files: sources.length, segments, sentences, chars };
}

async function reference(paths) {
  const t0 = performance.now();
  let paras = 0;
  for (const p of paths) {
    const text = await readFile(p, 'utf8');
    paras += text.split(/\n\s*\n/).length;
  }
  return { total: performance.now() - t0, paras };
}

const { sources } = await readSources();
const paths = sources.map((s) => join(study.root, s.path));
let bytes = 0;
for (const p of paths) bytes += (await readFile(p)).length;
const mb = bytes / 1024 / 1024;

// One warm-up, then the best of three, so the figures do not depend on a cold disk cache or JIT.
await qiaRun();
await reference(paths);
let best;
let ref;
for (let i = 0; i < 3; i++) {
  const r = await qiaRun();
  if (!best || r.total < best.total) best = r;
  const f = await reference(paths);
  if (!ref || f.total < ref.total) ref = f;
}
const rate = (ms) => (mb / (ms / 1000)).toFixed(1);
console.log(`corpus: ${dir}, ${best.files} files, ${mb.toFixed(1)} MB`);
console.log(`qia read:            ${best.read.toFixed(0)} ms  ${rate(best.read)} MB/s`);
console.log(`qia segment:         ${best.segment.toFixed(0)} ms  ${rate(best.segment)} MB/s  (${best.segments} segments, ${best.sentences} sentences)`);
console.log(`qia read+segment:    ${best.total.toFixed(0)} ms  ${rate(best.total)} MB/s`);
console.log(`reference (split):   ${ref.total.toFixed(0)} ms  ${rate(ref.total)} MB/s  (${ref.paras} blocks)`);
console.log(`ratio qia/reference: ${(best.total / ref.total).toFixed(2)}x the time`);
