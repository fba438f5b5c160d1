import type { Analysis } from '../../src/model/analysis.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { codeStudy, readCorpus, type CodedStudy, type Corpus, type PipelineOptions } from '../../src/pipeline/run.js';
import { assembleReport, type Assembled } from '../../src/report/assemble.js';
import { openStudy, type OpenedStudy } from '../../src/study/open.js';

/** A study folder through the one pipeline, as every study command runs it. */
export async function analyseStudy(dir: string, options: PipelineOptions = {}): Promise<Analysis> {
  return (await codeStudy(await openStudy(dir), options)).analysis;
}

export async function openAndCode(dir: string, options: PipelineOptions = {}): Promise<CodedStudy & { opened: OpenedStudy }> {
  const opened = await openStudy(dir);
  return { opened, ...(await codeStudy(opened, options)) };
}

/** A study folder to its report data, as `qia report` makes it. */
export async function prepareReport(dir: string, lang?: 'id' | 'en'): Promise<Assembled & { analysis: Analysis }> {
  const { opened, ...coded } = await openAndCode(dir);
  return { analysis: coded.analysis, ...assembleReport(opened, coded, lang ? { lang } : {}) };
}

/** Every source of a study read and segmented, not coded, as `qia sources` reads them. */
export async function readStudySources(dir: string): Promise<Corpus & { opened: OpenedStudy; diagnostics: Diagnostic[] }> {
  // The sources' own diagnostics: reading them, not the rest of the study.
  const opened = await openStudy(dir, { lenientCodebook: true });
  return { opened, ...(await readCorpus(opened)) };
}

/** analyseStudy with every source's text: for tests that read the words under a coding's span. */
export async function analyseWithTexts(dir: string, options: PipelineOptions = {}): Promise<Omit<Analysis, 'sources'> & { sources: Corpus['sources'] }> {
  const { analysis, corpus } = await codeStudy(await openStudy(dir), { ...options, texts: true });
  return { ...analysis, sources: corpus.sources };
}
