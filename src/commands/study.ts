import type { MergeMode } from '../model/study.js';
import { codeStudy, type CodedStudy, type Corpus, type PipelineOptions } from '../pipeline/run.js';
import type { Progress } from '../util/progress.js';
import { openStudy, type OpenedStudy } from '../study/open.js';
import { studyDirFor } from '../study/resolve.js';
import { QiaError } from '../util/diagnostics.js';

/** What the study commands share: the study named on the command line opened, then coded once. */

export interface StudyOptions {
  /** Read files that lie outside the study folder (src/util/boundary.ts). */
  allowOutside?: boolean;
  merge?: MergeMode;
  interviewer?: boolean;
  /** `--jobs N` as typed. */
  jobs?: string;
  /** `--learn`: propose codes learnt from the researcher's codings. */
  learn?: boolean;
  /** A progress line on a terminal while the sources are read and coded (`qia run`, `qia code`). */
  progress?: Progress;
}

export interface CommandStudy extends CodedStudy {
  dir: string;
  /** True when no study was named and the bundled sample was taken. */
  bundled: boolean;
  opened: OpenedStudy;
}

export async function codedStudy(arg: string | undefined, o: StudyOptions = {}): Promise<CommandStudy> {
  const { dir, bundled, opened } = await openedStudy(arg, o);
  return { dir, bundled, opened, ...(await codeStudy(opened, pipelineOptions(o))) };
}

/** The study named on the command line opened, not yet coded. */
export async function openedStudy(arg: string | undefined, o: StudyOptions = {}): Promise<{ dir: string; bundled: boolean; opened: OpenedStudy }> {
  const { dir, bundled } = studyDirFor(arg);
  return { dir, bundled, opened: await openStudy(dir, { allowOutside: o.allowOutside ?? false }) };
}

/** codedStudy with every source's text and segments kept. */
export async function codedStudyWithTexts(arg: string | undefined, o: StudyOptions = {}): Promise<CommandStudy & { corpus: Corpus }> {
  const { dir, bundled } = studyDirFor(arg);
  const opened = await openStudy(dir, { allowOutside: o.allowOutside ?? false });
  return { dir, bundled, opened, ...(await codeStudy(opened, { ...pipelineOptions(o), texts: true })) };
}

export function pipelineOptions(o: StudyOptions): PipelineOptions {
  const out: PipelineOptions = {};
  if (o.progress) out.progress = o.progress;
  if (o.merge) out.merge = o.merge;
  if (o.learn) out.learn = true;
  if (o.interviewer) out.interviewer = true;
  const jobs = jobsOption(o.jobs);
  if (jobs !== undefined) out.jobs = jobs;
  return out;
}

/** `--jobs N`: threads for reading and coding (1: none); absent, the study's size decides. */
export function jobsOption(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new QiaError('usage/bad-jobs', `--jobs ${v} is not a whole number of at least 1`);
  return n;
}
