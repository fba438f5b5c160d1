import type { Analysis } from '../model/analysis.js';
import type { Audit, AuditFile, Saturation, VerdictSettings } from '../model/conclusion.js';
import type { Lang } from '../model/codebook.js';
import type { MergeMode } from '../model/study.js';
import type { CodingStatus } from '../model/decision.js';
import { cmp } from './facts.js';

export interface AuditInput {
  analysis: Analysis;
  toolVersion: string;
  verdicts: VerdictSettings;
  merge: MergeMode;
  reportLanguage: Lang;
  /** Every input file with its hash, from collectAuditFiles (which reads the disk). */
  files: AuditFile[];
  saturationOrder?: Saturation['order'];
  /** Segments of every source, when `analysis.segments` holds only some (the streaming pass keeps the coded ones). */
  segmentCount?: number;
}

/**
 * The audit trail as plain data. No clock, no absolute paths: two runs over the same inputs,
 * in any folder, give the same audit.
 */
export function buildAudit(input: AuditInput): Audit {
  const { analysis } = input;
  const files = [...input.files].sort((a, b) => cmp(a.path, b.path) || cmp(a.role, b.role));
  const codebookFile = files.find((f) => f.role === 'codebook');
  return {
    tool: { name: 'qia', version: input.toolVersion },
    study: { title: analysis.study.title, case: analysis.study.case, language: analysis.study.language },
    codebook: {
      id: analysis.codebook.id,
      version: analysis.codebook.version,
      path: codebookFile?.path ?? '',
      sha256: codebookFile?.sha256 ?? '',
    },
    settings: {
      merge: input.merge,
      language: analysis.study.language,
      reportLanguage: input.reportLanguage,
      verdicts: { ...input.verdicts },
      saturationOrder: input.saturationOrder ?? 'date-then-id',
    },
    counts: {
      sources: analysis.sources.length,
      segments: input.segmentCount ?? analysis.segments.length,
      codings: analysis.codings.length,
      informants: analysis.informants.length,
    },
    review: reviewCounts(analysis),
    rejected: analysis.codings
      .filter((c) => c.status === 'rejected')
      .map((c) => ({ segment: c.segmentId, code: c.code, valence: c.valence, reviewer: c.reviewer ?? '', quote: c.quote })),
    files,
  };
}

function reviewCounts(analysis: Analysis): Record<CodingStatus, number> {
  const out: Record<CodingStatus, number> = { auto: 0, accepted: 0, changed: 0, rejected: 0, manual: 0 };
  for (const c of analysis.codings) out[c.status]++;
  return out;
}
