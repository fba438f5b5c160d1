import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets a thread's heap grow past what was live after its last full collection, in
 * percent, while `qia code` streams its codings.
 *
 * What each thread of a streamed run keeps alive is small and nearly flat (heap snapshots: about
 * 20 MB a thread at 10 and at 100 MB of transcripts, plus the informants table). What grew with
 * the corpus was garbage: every file's text, segments and codings outlive a young-generation
 * collection or two and die in the old generation, and V8, seeing its full collections cost
 * almost nothing next to the work between them, lets the old generation grow up to four times
 * what was live before collecting it. A worker's heap climbed from 55 MB at 10 MB of input to
 * about 130 MB at 100 MB, and stayed there.
 *
 * A fixed factor of 1.2 makes a thread collect once it has 20% more than it kept: a full
 * collection of a 20-30 MB heap costs a few milliseconds, so the CPU cost is small (measured in
 * docs/study-folder.md). V8's flags are the process's: this is set only by the run that keeps
 * its live heap flat (qia code's summary), not by `qia run`, which keeps every coding and whose
 * live heap grows, where a small factor would mean many more full collections.
 *
 * QIA_HEAP_GROWING_PERCENT overrides the percent (0: V8's own heuristics), to measure both.
 */
export const HEAP_GROWING_PERCENT = 20;

let applied = false;

/** Bounds heap growth for the rest of the process (every thread, the ones to come included). */
export function boundHeapGrowth(env: NodeJS.ProcessEnv = process.env): void {
  if (applied) return;
  applied = true;
  const percent = growingPercent(env['QIA_HEAP_GROWING_PERCENT']);
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** The percent QIA_HEAP_GROWING_PERCENT names, or the default when it is unset or not a whole number. */
export function growingPercent(value: string | undefined): number {
  if (value === undefined || !/^\d{1,4}$/.test(value.trim())) return HEAP_GROWING_PERCENT;
  return Number(value.trim());
}
