// One thread of the parallel coding-stage measurement in bench/code.js. It opens the study
// (read + segment, not timed), keeps only its share of the sources, warms the matcher up, says
// `ready`, and on `go` codes its share with the same autoStage as the one-core figure, keeping
// every coding, then reports its wall time and how many codings it made.
import { parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

const { dir, share } = workerData;
const { openStudy } = await import('../dist/study/open.js');
const { loadMatcher, autoStage } = await import('../dist/pipeline/analyse.js');
const { Diagnostics } = await import('../dist/util/diagnostics.js');
const opened = await openStudy(dir);
const mine = new Set(share);
const sources = opened.sources.filter((s) => mine.has(s.id));
const segments = opened.segments.filter((s) => mine.has(s.sourceId));
const part = { study: opened.study, sources, segments };
const { matcher } = await loadMatcher(opened.study, new Diagnostics());
const warm = new Set(sources.slice(0, 20).map((s) => s.id));
autoStage({ study: opened.study, sources: sources.slice(0, 20), segments: segments.filter((s) => warm.has(s.sourceId)) }, matcher);
globalThis.gc?.();
parentPort.postMessage({ ready: true });
parentPort.once('message', () => {
  const t0 = performance.now();
  const codings = autoStage(part, matcher);
  const ms = performance.now() - t0;
  parentPort.postMessage({ ms, codings: codings.length });
});
