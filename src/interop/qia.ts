/**
 * Everything REFI-QDA exchange uses from the rest of qia, in one place: the rest of src/interop
 * imports qia's modules only through this file (and the types in src/model, and
 * src/util/diagnostics.ts), so when folders move, only these lines change.
 */

/** A study read, segmented, coded and merged: the one way in for export. */
export { analyseStudy } from '../pipeline/analyse.js';
/** A codebook YAML (or builtin:name) parsed and checked. */
export { loadCodebook } from '../codebook/load.js';
/** study.yaml alone, for `export qdc <study>`, which needs the codebook and language but no analysis. */
export { loadStudy } from '../study/load.js';
/** memos/*.md attached to codes, exported as notes. */
export { readMemos } from '../condense/memos.js';
/** Which study a command means, the package's own folder (templates, version), the shipped codebook. */
export { DEFAULT_CODEBOOK, PACKAGE_ROOT, resolveStudyDir } from '../study/resolve.js';
/** How paths appear in diagnostics. */
export { displayPath } from '../study/display-path.js';
/** Output files are written whole or not at all. */
export { writeFileAtomic } from '../util/write-atomic.js';
/**
 * The normalisation qia applies to every source it reads (CRLF → LF, NFC), with its offset map:
 * imported texts are written already normalised, and selection offsets mapped through it, so
 * what qia reads back is byte for byte the text the offsets were moved into.
 */
export { normalizeText } from '../sources/normalize.js';
/** Bytes to text as qia decodes sources (BOM dropped; UTF-8, UTF-16 or Windows-1252). */
export { decodeBytes } from '../sources/decode.js';
/** The coder CSV format's own field writer and spreadsheet-formula guard, so quotes read back exactly. */
export { csvLine, neutralised } from '../code/csv-write.js';
/** How qia trims a coded span, so an imported span is the one qia places. */
export { trimSpan } from '../code/context.js';
