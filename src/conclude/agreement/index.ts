/**
 * Inter-coder agreement: pure functions from reliability data (units × coders) to statistics.
 * No I/O here; `matrix-csv.ts` reads a matrix file, `src/render/agreement.ts` writes results.
 */
export { fromAssignments, fromCounts, poolCodes, reliabilityData, selectCoders } from './data.js';
export type { Assignment, Category, ReliabilityData, UnitRow, Value } from './data.js';
export { percentAgreement, brennanPrediger } from './percent.js';
export type { BrennanPredigerResult, PercentResult } from './percent.js';
export { cohenKappa, fleissKappa } from './kappa.js';
export type { KappaResult } from './kappa.js';
export { coincidences, krippendorffAlpha, LEVELS } from './alpha.js';
export type { AlphaResult, Level } from './alpha.js';
export { alphaBootstrap, DEFAULT_CONFIDENCE, DEFAULT_DRAWS, DEFAULT_SEED } from './bootstrap.js';
export type { AlphaInterval, BootstrapOptions } from './bootstrap.js';
export { alphaBand, bandWord, interpretAlpha, interpretKappa, kappaBand, INTERPRETATION_SOURCES } from './interpret.js';
export type { AlphaBand, KappaBand } from './interpret.js';
export { confusionTable } from './confusion.js';
export type { ConfusionTable } from './confusion.js';
export { agreementByCode, agreementResult, agreementStats } from './result.js';
export type { AgreementOptions, AgreementResult, AgreementStats, CodeStats } from './result.js';
export { studyAgreement, chooseCodes, chooseCoders } from './study.js';
export type {
  AdjudicationMark,
  CoderSummary,
  Disagreement,
  DisagreementCoder,
  PairCounts,
  PairTable,
  StudyAgreement,
  StudyAgreementInput,
  StudyAgreementOptions,
} from './study.js';
export { studyCoders, AUTO_CODER } from './study-coders.js';
export type { CoderMark, CoderOrigin, StudyCoder, StudyCodingsInput } from './study-coders.js';
export { UnitIndex, UNIT_KINDS } from './units.js';
export type { StudyUnit, UnitKind, UnitSource } from './units.js';
export { agreementInput, agreementSection, countingSentence, methodSentence } from './section.js';
export type { AgreementSection, SectionFigures } from './section.js';
