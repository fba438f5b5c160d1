// One thread of the parallel coding-stage measurement in bench/code.js. It opens the study
// (read + segment, not timed), keeps only its share of the sources, warms the matcher up, says
// `ready`, and on `go` codes its share with the same autoStage as the one-core figure, one file
// at a time as the workers of `qia code` do: a file's codings are handed off (counted and let
// go) once the file is coded, so the thread holds one file's codings at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const { dir, share } = workerData;
const { loadCorpus, compile, codingStage } = await import('./lib/corpus.js');
const opened = await loadCorpus(dir);
const stage = await codingStage(opened.study);
const autoStage = (part, m) => stage(part, m);
const mine = new Set(share);
const files = new Map();
for (const s of opened.sources) if (mine.has(s.id)) files.set(s.id, { study: opened.study, sources: [s], segments: [] });
for (const seg of opened.segments) files.get(seg.sourceId)?.segments.push(seg);
const matcher = await compile(opened.codebook);
// Warm up on the whole share once (untimed), so the timed pass runs optimised code throughout.
for (const f of files.values()) autoStage(f, matcher);
globalThis.gc?.();
parentPort.postMessage({ ready: true });
parentPort.once('message', () => {
  const t0 = performance.now();
  let codings = 0;
  for (const f of files.values()) codings += autoStage(f, matcher).length;
  const ms = performance.now() - t0;
  parentPort.postMessage({ ms, codings });
});
