import type { Diagnostic } from '../model/diagnostic.js';
import type { Informant } from '../model/informant.js';
import type { Segment } from '../model/segment.js';
import type { Source } from '../model/source.js';
import type { Study } from '../model/study.js';
import { readSources } from '../sources/read.js';
import { segmentSource } from '../segment/segment.js';
import { QiaError } from '../util/diagnostics.js';
import { loadStudy } from './load.js';

export interface OpenedStudy {
  study: Study;
  informants: Informant[];
  sources: Source[];
  segments: Segment[];
  diagnostics: Diagnostic[];
}

/**
 * Everything every command needs before coding: the study, its informants, its sources read
 * and segmented. Throws QiaError only when study.yaml itself is missing or unusable; every other
 * problem is a diagnostic and the rest still loads.
 */
export async function openStudy(dir: string): Promise<OpenedStudy> {
  const loaded = await loadStudyOrThrow(dir);
  const { study, informants } = loaded;
  const read = await readSources(study, informants);
  const segments: Segment[] = [];
  for (const source of read.sources) for (const seg of segmentSource(source, informants, study.language)) segments.push(seg);
  return { study, informants, sources: read.sources, segments, diagnostics: [...loaded.diagnostics, ...read.diagnostics] };
}

/** study.yaml and informants.csv, or a QiaError when study.yaml itself cannot be used. */
export async function loadStudyOrThrow(dir: string): Promise<{ study: Study; informants: Informant[]; diagnostics: Diagnostic[] }> {
  const loaded = await loadStudy(dir);
  if (!loaded.study) {
    const fatal = loaded.diagnostics.find((d) => d.severity === 'error' && d.code.startsWith('study/')) ?? loaded.diagnostics.find((d) => d.severity === 'error');
    const where: { file?: string; line?: number; column?: number } = {};
    if (fatal?.file !== undefined) where.file = fatal.file;
    if (fatal?.line !== undefined) where.line = fatal.line;
    if (fatal?.column !== undefined) where.column = fatal.column;
    throw new QiaError(fatal?.code ?? 'study/invalid', fatal?.message ?? 'study.yaml cannot be used', where, fatal?.hint);
  }
  return { study: loaded.study, informants: loaded.informants, diagnostics: loaded.diagnostics };
}
